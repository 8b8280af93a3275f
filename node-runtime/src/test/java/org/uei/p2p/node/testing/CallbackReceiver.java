package org.uei.p2p.node.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.uei.p2p.model.envelope.AckResponse;

/**
 * A counterparty's endpoint for tests: a JDK HTTP server that records every POST (path, headers,
 * exact body) and answers ACK. It can be stopped and started again on the same port to play a
 * receiver that is down for a while.
 *
 * <p>As a static {@code @RegisterExtension} field it listens from before the test class's first
 * test until after its last. It looks its port up when it first starts, so that one made before the
 * test network started ({@link #forPeer()}) listens where the registry says the peer is.
 */
public final class CallbackReceiver implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

  /** One recorded request. */
  public record Received(String action, Map<String, String> headers, byte[] body, Instant at) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name);
    }
  }

  private final IntSupplier portLookup;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private int port = -1;
  private HttpServer server;

  private CallbackReceiver(IntSupplier portLookup) {
    this.portLookup = portLookup;
  }

  /** A receiver on {@code port}, not started. */
  public static CallbackReceiver onPort(int port) {
    return new CallbackReceiver(() -> port);
  }

  /** A receiver on the port of the test peer's registered URL, looked up when it first starts. */
  public static CallbackReceiver forPeer() {
    return new CallbackReceiver(() -> URI.create(TestPeers.peerUrl()).getPort());
  }

  /** A loopback port that was free a moment ago, out of the way of outgoing connections. */
  public static int freePort() {
    return org.uei.p2p.registry.local.LoopbackPorts.free();
  }

  private final java.util.Queue<Answer> scripted =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** An HTTP answer to give instead of the ACK. */
  public record Answer(int status, byte[] body) {}

  /** The next request gets {@code answer} instead of an ACK (answers queue up in order). */
  public void answerNext(Answer answer) {
    scripted.add(answer);
  }

  /** Starts listening; returns this. */
  public synchronized CallbackReceiver start() {
    if (port < 0) {
      port = portLookup.getAsInt();
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          ex.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
          String path = ex.getRequestURI().getPath();
          received.add(
              new Received(
                  path.substring(path.lastIndexOf('/') + 1), headers, body, Instant.now()));
          Answer answer = scripted.poll();
          if (answer == null) {
            answer = new Answer(200, AckResponse.ack().toWave1Json());
          }
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(answer.status(), answer.body().length);
          ex.getResponseBody().write(answer.body());
          ex.close();
        });
    server.start();
    return this;
  }

  /** Stops listening; connections are refused until {@link #start()}. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Starts it before the first test: by then the test network, whose port it may need, is up. */
  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (port < 0) {
      start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  public synchronized int port() {
    if (port < 0) {
      throw new IllegalStateException("not started yet: the port is looked up at the first start");
    }
    return port;
  }

  /** Everything received so far. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until a request matching {@code test} has arrived, or fails after {@code timeout}. */
  public Received await(Predicate<Received> test, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<Received> hit = received.stream().filter(test).findFirst();
      if (hit.isPresent()) {
        return hit.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no "
                + what
                + " within "
                + timeout
                + "; received: "
                + received.stream().map(Received::action).toList());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
  }

  /** Waits for a POST to {@code /action} whose body contains {@code messageId}. */
  public Received await(String action, String messageId, Duration timeout) {
    return await(
        r -> r.action().equals(action) && r.bodyText().contains(messageId),
        timeout,
        action + " for " + messageId);
  }
}
