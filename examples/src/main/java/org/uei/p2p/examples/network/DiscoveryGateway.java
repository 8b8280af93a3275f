package org.uei.p2p.examples.network;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.uei.p2p.examples.embedding.MessageWire;
import org.uei.p2p.examples.embedding.VerifyingHandler;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The network's discovery service, as a Beckn gateway: a buyer platform sends its signed {@code
 * discover} here; the gateway checks the signature against the registry, ACKs, and forwards the
 * exact bytes with the buyer's signature untouched, adding its own {@code X-Gateway-Authorization},
 * to every seller platform registered for the domain. Sellers answer {@code on_discover} straight
 * to the buyer. Subscribers that do not serve discovery (the DISCOMs' utility nodes) NACK it, and
 * are counted, not retried.
 */
public final class DiscoveryGateway implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService forwarder = Executors.newFixedThreadPool(4);
  // The server's own threads: not daemons, so close must end them or the JVM never exits.
  private final ExecutorService serving = Executors.newFixedThreadPool(2);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final BecknRegistry registry;
  private final BecknSigner signer;
  private final String domain;
  private final AtomicLong received = new AtomicLong();
  private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

  private DiscoveryGateway(
      HttpServer server, BecknRegistry registry, BecknSigner signer, String domain) {
    this.server = server;
    this.registry = registry;
    this.signer = signer;
    this.domain = domain;
  }

  /** Starts the gateway {@code id} on a free loopback port. */
  public static DiscoveryGateway start(
      String id, Ed25519KeyPair key, String registryUrl, String domain) throws IOException {
    BecknRegistry registry = BecknRegistry.of(registryUrl);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    DiscoveryGateway g =
        new DiscoveryGateway(server, registry, BecknSigner.of(id, "k1", key), domain);
    BecknVerifier verifier = BecknVerifier.of(RegistryKeyResolver.of(registry));
    server.createContext(
        "/discover",
        new VerifyingHandler<>(
            id,
            verifier,
            MessageWire.wave1(Wave1Validator.lenient()),
            a -> {
              g.received.incrementAndGet();
              g.forwarder.submit(() -> g.forward(a));
            }));
    server.setExecutor(g.serving);
    server.start();
    return g;
  }

  private void forward(VerifyingHandler.Accepted<Envelope<?>> request) {
    List<Subscriber> sellers;
    try {
      sellers =
          registry.lookupActive(
              LookupQuery.byDomainAndType(domain, SubscriberType.BPP), Clock.systemUTC().instant());
    } catch (Exception e) {
      count("registry unreachable");
      return;
    }
    String gatewaySignature = signer.gatewayAuthorization(request.body());
    for (Subscriber s : sellers) {
      try {
        HttpResponse<byte[]> r =
            http.send(
                HttpRequest.newBuilder(URI.create(s.url().replaceAll("/+$", "") + "/discover"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(SignatureHeaders.AUTHORIZATION, request.authorization())
                    .header(SignatureHeaders.GATEWAY_AUTHORIZATION, gatewaySignature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        boolean ack = r.statusCode() == 200 && AckResponse.parse(r.body()).isAck();
        count(ack ? "ACK" : "NACK");
      } catch (Exception e) {
        count("unreachable");
      }
    }
  }

  private void count(String outcome) {
    answers.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
  }

  /** The base URL buyer platforms send discover to. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Discover requests accepted so far. */
  public long received() {
    return received.get();
  }

  /** How the forwarded copies were answered: ACK, NACK, unreachable. */
  public Map<String, Long> answers() {
    Map<String, Long> out = new java.util.TreeMap<>();
    answers.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    forwarder.shutdownNow();
    serving.shutdownNow();
  }
}
