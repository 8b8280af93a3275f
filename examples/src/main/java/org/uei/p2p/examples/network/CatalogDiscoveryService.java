package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.uei.p2p.examples.network.CatalogRequests.Accepted;
import org.uei.p2p.examples.network.CatalogRequests.Refused;
import org.uei.p2p.model.discovery.DiscoverFilter;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A wave-2 catalog discovery service (CDS) for the local network and tests. Seller platforms send
 * their catalogs here ({@code POST /catalog/publish}); buyer platforms send {@code POST /discover}
 * here instead of to every seller. Every request is checked by {@link CatalogRequests} (signature
 * against the registry, the sender registered with that role in this network and at the URL it
 * names, the model's wave-2 validation, a catalog only for the seller that signed it) and refused
 * with a NACK naming the path, or ACKed. A publish replaces that seller's catalogs in the {@link
 * CatalogIndex} before the ACK and is answered by a signed {@code catalog/on_publish}; a discover
 * is answered by a signed {@code on_discover} with the indexed offers still valid that its filter
 * matches. Answers go to the sender's registered URL only.
 */
public final class CatalogDiscoveryService implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService answering = Executors.newFixedThreadPool(2);
  // The server's own threads: not daemons, so close must end them or the JVM never exits.
  private final ExecutorService serving = Executors.newFixedThreadPool(2);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final CatalogIndex index = new CatalogIndex();
  private final CatalogRequests requests;
  private final BecknSigner signer;
  private final Clock clock;
  private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

  private CatalogDiscoveryService(
      HttpServer server, CatalogRequests requests, BecknSigner signer, Clock clock) {
    this.server = server;
    this.requests = requests;
    this.signer = signer;
    this.clock = clock;
  }

  /**
   * Starts the service {@code id} (its key {@code k1} registered) for {@code networkId} on a free
   * loopback port.
   */
  public static CatalogDiscoveryService start(
      String id, Ed25519KeyPair key, String registryUrl, String networkId) throws IOException {
    return start(id, key, registryUrl, networkId, Clock.systemUTC());
  }

  /** As {@link #start(String, Ed25519KeyPair, String, String)}, judging offer validity by clock. */
  public static CatalogDiscoveryService start(
      String id, Ed25519KeyPair key, String registryUrl, String networkId, Clock clock)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    RegistryKeyResolver keys = RegistryKeyResolver.of(BecknRegistry.of(registryUrl));
    CatalogDiscoveryService s =
        new CatalogDiscoveryService(
            server,
            new CatalogRequests(id, networkId, keys, clock),
            BecknSigner.of(id, "k1", key),
            clock);
    server.createContext("/catalog/publish", ex -> s.receive(ex, Wave2Action.CATALOG_PUBLISH));
    server.createContext("/discover", ex -> s.receive(ex, Wave2Action.DISCOVER));
    server.setExecutor(s.serving);
    server.start();
    return s;
  }

  private void receive(HttpExchange exchange, Wave2Action endpoint) throws IOException {
    try (exchange) {
      Accepted a;
      try {
        a = requests.check(exchange, endpoint);
        if (endpoint == Wave2Action.CATALOG_PUBLISH) {
          requests.index(a, index);
        }
      } catch (Refused r) {
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        answer(exchange, r.status(), AckResponse.nack(r.errors()));
        return;
      }
      answer(exchange, 200, AckResponse.ack());
      answering.submit(
          () -> {
            if (endpoint == Wave2Action.CATALOG_PUBLISH) {
              send(a, onPublish(a));
            } else {
              send(a, onDiscover(a));
            }
          });
    }
  }

  private Wave2Envelope onPublish(Accepted a) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    for (JsonNode c : a.envelope().message().toJson().path("catalogs")) {
      ObjectNode r = m.withArray("results").addObject();
      r.put("catalogId", c.path("id").asText()).put("status", "ACCEPTED");
      r.putObject("stats").put("itemCount", c.path("offers").size());
    }
    return Wave2Envelope.of(
        Wave2Contexts.callbackFor(a.envelope().context(), clock), Wave2Message.of(m));
  }

  private Wave2Envelope onDiscover(Accepted a) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    var catalogs = m.putArray("catalogs");
    DiscoverFilter filter = a.filter();
    index.discover(filter, clock.instant()).forEach(catalogs::add);
    // The answer comes from this service, which signs it: the context names it as the provider,
    // each catalog its seller platform.
    ObjectNode context = Wave2Contexts.callbackFor(a.envelope().context(), clock);
    context.put("bppId", signer.subscriberId()).put("bppUri", url());
    return Wave2Envelope.of(context, Wave2Message.of(m));
  }

  private void send(Accepted to, Wave2Envelope callback) {
    String action = callback.context().action();
    byte[] body = callback.write();
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(to.registeredUrl().replaceAll("/+$", "") + "/" + action))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header("Authorization", signer.authorization(body))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      boolean ack = r.statusCode() == 200 && AckResponse.parse(r.body()).isAck();
      count(action + (ack ? " ACK" : " NACK"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      count(action + " unreachable");
    }
  }

  private void count(String outcome) {
    answers.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
  }

  private static void answer(HttpExchange exchange, int status, AckResponse ack)
      throws IOException {
    byte[] json = ack.toWave2Json(null);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  /** The base URL seller platforms publish to and buyer platforms discover at. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many offers the seller {@code bppId} has indexed. */
  public int indexedOffers(String bppId) {
    return index.offers(bppId);
  }

  /** How the callbacks were answered, e.g. {@code on_discover ACK}: count. */
  public Map<String, Long> answers() {
    Map<String, Long> out = new TreeMap<>();
    answers.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    answering.shutdownNow();
    serving.shutdownNow();
  }
}
