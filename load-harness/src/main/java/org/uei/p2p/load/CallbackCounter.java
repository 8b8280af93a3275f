package org.uei.p2p.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The buyer platform's callback endpoint during the load: answers every POST with a wave-1 ACK and
 * counts what arrived, so that the seller node's outbox delivers its {@code on_select}s instead of
 * retrying them. It does not verify signatures: that is the buyer node's work, not the seller's,
 * and would take CPU from the node under test.
 */
final class CallbackCounter implements AutoCloseable {

  private static final byte[] ACK =
      "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MESSAGE_ID = "\"message_id\":\"".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong onSelect = new AtomicLong();
  private final AtomicLong withError = new AtomicLong();
  private final AtomicLong other = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  // Every on_select's message_id: one select must get one on_select, also when several instances
  // of the node share the outbox.
  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  // Guarded by this; a new recorder for each tracked run.
  private Latencies delays = new Latencies(1 << 16);
  private volatile Map<String, Long> sentAt;

  private CallbackCounter(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on a free loopback port. */
  static CallbackCounter start() throws IOException {
    // Without it every answer waits for the client's delayed ACK (~40 ms on Linux loopback).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "callback-receiver");
              t.setDaemon(true);
              return t;
            });
    CallbackCounter counter = new CallbackCounter(server, executor);
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          counter.count(exchange.getRequestURI().getPath(), body);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, ACK.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(ACK);
          }
        });
    server.setExecutor(executor);
    server.start();
    return counter;
  }

  private void count(String path, byte[] body) {
    if (path.endsWith("/on_select")) {
      String id = messageId(body);
      if (!answered.add(id)) {
        duplicates.incrementAndGet();
      }
      Map<String, Long> sent = sentAt;
      if (sent != null) {
        Long at = sent.remove(id);
        if (at != null) {
          long delay = System.nanoTime() - at;
          synchronized (this) {
            delays.add(delay);
          }
        }
      }
      onSelect.incrementAndGet();
      if (contains(body, ERROR)) {
        withError.incrementAndGet();
      }
    } else {
      other.incrementAndGet();
    }
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    return indexOf(hay, needle) >= 0;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * The context's message_id, which a callback echoes from its request; found without parsing the
   * body.
   */
  static String messageId(byte[] body) {
    int at = indexOf(body, MESSAGE_ID);
    if (at < 0) {
      return "";
    }
    int from = at + MESSAGE_ID.length;
    int to = from;
    while (to < body.length && body[to] != '"') {
      to++;
    }
    return new String(body, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * From now on, times each on_select from the moment its select was sent, as recorded in {@code
   * sentAt} (message_id to {@link System#nanoTime()}), starting a new set of delays; null stops it.
   */
  void track(Map<String, Long> sentAt) {
    synchronized (this) {
      if (sentAt != null) {
        delays = new Latencies(1 << 16);
      }
      this.sentAt = sentAt;
    }
  }

  /** The delays timed since tracking last started: select sent to on_select received. */
  Latencies delays() {
    synchronized (this) {
      return Latencies.merge(List.of(delays));
    }
  }

  /** The base URL to register as the buyer platform's subscriber_url and bap_uri. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** on_select callbacks received so far. */
  long onSelect() {
    return onSelect.get();
  }

  /** on_select callbacks that carried an error (the seller refused the order after ACKing it). */
  long onSelectWithError() {
    return withError.get();
  }

  /** on_select callbacks whose message_id an earlier on_select already carried. */
  long duplicates() {
    return duplicates.get();
  }

  /** The distinct message_ids the on_select callbacks carried so far. */
  Set<String> answered() {
    return answered;
  }

  /** Callbacks of any other action. */
  long other() {
    return other.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
