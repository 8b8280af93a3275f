package org.uei.p2p.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/**
 * The kit's own HTTP endpoint (JDK HTTP server on loopback or a given host): receives Beckn POSTs,
 * checks each signature against the subscriber the context names as sender, lets a {@link
 * Responder} answer, and keeps every message for the cases to inspect.
 */
public final class BecknListener implements AutoCloseable {

  /** What the kit answers to one inbound message. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {}

  /** Decides the answer; may start follow-up work (a callback) on its own threads. */
  @FunctionalInterface
  public interface Responder {
    Reply respond(Inbound message);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 2 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService pool;
  private final BecknVerifier verifier;
  private final Function<JsonNode, String> sender;
  private final String realm;
  private final List<Inbound> received = new ArrayList<>();
  private volatile Responder responder;

  /**
   * Starts listening.
   *
   * @param host the address to bind
   * @param port the port, 0 for any free one
   * @param verifier checks signatures with keys from the registry
   * @param senderField the context member naming the expected signer: {@code bpp_id} for callbacks,
   *     {@code bap_id} for requests
   * @param realm the kit's subscriber id, for {@code WWW-Authenticate}
   */
  public BecknListener(
      String host, int port, BecknVerifier verifier, String senderField, String realm)
      throws IOException {
    this(host, port, verifier, tree -> tree.path("context").path(senderField).asText(null), realm);
  }

  /**
   * Starts listening, naming the expected signer of each message with {@code sender} (wave 2 names
   * it in camelCase, a ledger request in its own fields).
   *
   * @param sender the subscriber that must have signed a JSON body, or null when it names none
   */
  public BecknListener(
      String host,
      int port,
      BecknVerifier verifier,
      Function<JsonNode, String> sender,
      String realm)
      throws IOException {
    this.verifier = verifier;
    this.sender = sender;
    this.realm = realm;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    this.pool =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "conformance-listener");
              t.setDaemon(true);
              return t;
            });
    this.responder = m -> ack();
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Replaces the responder. */
  public void responder(Responder responder) {
    this.responder = responder;
  }

  /** An ACK (wave-1 shape). */
  public static Reply ack() {
    return new Reply(200, Map.of(), org.uei.p2p.model.envelope.AckResponse.ack().toWave1Json());
  }

  /** A NACK with {@code status} and one error. */
  public static Reply nack(
      int status, String code, String message, String paths, Map<String, String> headers) {
    return new Reply(
        status,
        headers,
        org.uei.p2p.model.envelope.AckResponse.nack(
                org.uei.p2p.model.envelope.BecknError.of(code, message, paths))
            .toWave1Json());
  }

  /** The 401 a receiver owes a message whose signature fails (BECKN-006). */
  public Reply unauthorized(VerificationResult result) {
    return nack(
        401,
        "30000",
        "signature " + result,
        "",
        Map.of(SignatureHeaders.WWW_AUTHENTICATE, SignatureHeaders.wwwAuthenticate(realm)));
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, new Reply(405, Map.of(), new byte[0]));
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BODY);
      }
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
      String path = ex.getRequestURI().getPath();
      String action = path.substring(path.lastIndexOf('/') + 1);
      JsonNode tree;
      try {
        tree = JSON.readTree(body);
      } catch (IOException e) {
        tree = null;
      }
      String signer = tree == null ? null : sender.apply(tree);
      VerificationResult sig =
          verifier.verify(
              headers.get(SignatureHeaders.AUTHORIZATION), body, signer, headers.get("Digest"));
      Inbound probe = new Inbound(action, body, headers, Instant.now(), tree, sig, "");
      Reply reply;
      try {
        reply = responder.respond(probe);
      } catch (RuntimeException e) {
        reply = nack(500, "30000", "the kit failed to answer: " + e, "", Map.of());
      }
      String answer =
          "HTTP "
              + reply.status()
              + " "
              + new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
      synchronized (received) {
        received.add(new Inbound(action, body, headers, probe.receivedAt(), tree, sig, answer));
        received.notifyAll();
      }
      send(ex, reply);
    }
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  /** Everything received so far, oldest first. */
  public List<Inbound> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Waits up to {@code timeout} for a message matching {@code which}; the first one if several. */
  public Optional<Inbound> await(Predicate<Inbound> which, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      while (true) {
        for (Inbound m : received) {
          if (which.test(m)) {
            return Optional.of(m);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        received.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
