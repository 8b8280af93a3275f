package org.uei.p2p.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadRunTest {

  private static final byte[] ACK =
      "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}".getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private ExecutorService executor;

  /** A target that answers ACK after {@code millis}. */
  private URI target(long millis) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          try {
            exchange.getRequestBody().readAllBytes();
            Thread.sleep(millis);
            exchange.sendResponseHeaders(200, ACK.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(ACK);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private static RequestPool pool(int size) {
    return new RequestPool(
        IntStream.range(0, size)
            .mapToObj(i -> PreparedRequest.of("x", "{}".getBytes(StandardCharsets.UTF_8), "m" + i))
            .toList(),
        false);
  }

  @Test
  void anOpenLoopSendsEveryRequestDueInTheWindowAndCountsTheWaitForAConnection() throws Exception {
    // 100 due in one second, but two connections to a target that holds each for 50 ms can carry
    // only 40 a second: the last one due (at 990 ms) cannot be answered before 2.5 s. (That bound
    // also shows that no more than two were in flight.)
    URI base = target(50);
    LoadRun.Result r =
        LoadRun.run(
            List.of(base), pool(500), 2, 100, Duration.ofSeconds(1), (e, a) -> {}, (q, t) -> {});

    assertEquals(100, r.sent());
    assertEquals(100, r.acked());
    assertTrue(r.service().percentile(50) >= 50_000_000L, "service at least the target's 50 ms");
    assertTrue(
        r.latencies().max() >= 1_500_000_000L,
        "the last select waited for a connection: " + r.latencies().max() / 1e6 + " ms");
    for (double p : new double[] {50, 90, 99, 100}) {
      assertTrue(r.latencies().percentile(p) >= r.service().percentile(p), "p" + p);
    }
  }

  @Test
  void aClosedLoopTimesEachRequestFromItsSend() throws Exception {
    URI base = target(0);
    LoadRun.Result r =
        LoadRun.run(List.of(base), pool(50), 2, Duration.ofSeconds(5), (e, a) -> {}, (q, t) -> {});

    // The pool runs out long before the five seconds are over.
    assertTrue(r.poolUsedUp());
    assertEquals(50, r.sent());
    for (double p : new double[] {50, 90, 99, 100}) {
      assertEquals(r.service().percentile(p), r.latencies().percentile(p), "p" + p);
    }
  }

  @Test
  void aNegativeRateIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LoadRun.run(
                List.of(URI.create("http://127.0.0.1:1")),
                pool(1),
                1,
                -1,
                Duration.ofSeconds(1),
                (e, a) -> {},
                (q, t) -> {}));
  }
}
