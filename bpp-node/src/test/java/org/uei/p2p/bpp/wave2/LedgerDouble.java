package org.uei.p2p.bpp.wave2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays a DISCOM's ledger provider in tests: acknowledges {@code /ledger/put} with 200, or takes
 * the request and never answers (a ledger that hangs), and keeps what it was sent.
 */
final class LedgerDouble implements AutoCloseable {

  /** One request received. */
  record Put(String authorization, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Put> received = new CopyOnWriteArrayList<>();
  private volatile boolean answering = true;
  private final CountDownLatch released = new CountDownLatch(1);

  LedgerDouble(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(threads);
    server.createContext("/ledger/put", this::put);
    server.createContext("/on_status", this::beckn);
    server.start();
  }

  /** True acknowledges every put; false leaves every put unanswered. */
  void answering(boolean on) {
    answering = on;
  }

  List<Put> received() {
    return List.copyOf(received);
  }

  /** The Beckn on_status messages the ledger was sent. */
  List<Put> onStatus() {
    return List.copyOf(onStatus);
  }

  private final List<Put> onStatus = new CopyOnWriteArrayList<>();

  private void beckn(HttpExchange x) throws IOException {
    onStatus.add(
        new Put(
            x.getRequestHeaders().getFirst("Authorization"), x.getRequestBody().readAllBytes()));
    byte[] ack = "{\"status\":\"ACK\"}".getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(200, ack.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(ack);
    }
  }

  private void put(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    received.add(new Put(x.getRequestHeaders().getFirst("Authorization"), body));
    if (!answering) {
      try {
        // Hold the request open past the seller's timeout; released when the test ends.
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] answer =
        "{\"recordId\":\"rec-double\",\"status\":\"CREATED\"}".getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(200, answer.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(answer);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
