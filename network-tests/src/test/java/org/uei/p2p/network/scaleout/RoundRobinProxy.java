package org.uei.p2p.network.scaleout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small load balancer on loopback, as an operator would put in front of several instances of a
 * node: requests go round-robin to the instances whose {@code /q/health/ready} answered 200 at the
 * last check (every 500 ms), bytes and headers passed on unchanged so that signatures still hold; a
 * request that cannot connect to its instance goes to the next one.
 */
final class RoundRobinProxy implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final List<String> targets;
  private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor();

  private RoundRobinProxy(int port, List<String> targets) throws IOException {
    this.targets = List.copyOf(targets);
    targets.forEach(t -> ready.put(t, false));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
    server.createContext("/", this::forward);
    server.setExecutor(workers);
  }

  /** Listens on {@code port} and spreads requests over {@code targets} (base URLs). */
  static RoundRobinProxy start(int port, List<String> targets) throws IOException {
    RoundRobinProxy p = new RoundRobinProxy(port, targets);
    p.server.start();
    p.health.scheduleWithFixedDelay(p::checkHealth, 0, 500, TimeUnit.MILLISECONDS);
    return p;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void checkHealth() {
    for (String t : targets) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(URI.create(t + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        ready.put(t, r.statusCode() == 200);
      } catch (IOException e) {
        ready.put(t, false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void forward(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readAllBytes();
      for (int tried = 0; tried < targets.size(); tried++) {
        String target = pick();
        HttpRequest.Builder r =
            HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                .timeout(Duration.ofSeconds(120))
                .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders()
            .forEach(
                (name, values) -> {
                  if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> r.header(name, v));
                  }
                });
        HttpResponse<byte[]> answer;
        try {
          answer = client.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException down) {
          ready.put(target, false);
          continue; // nothing reached the instance: the next one may take it
        } catch (IOException broken) {
          // The instance may have had the request: like a real balancer, do not send it twice.
          ready.put(target, false);
          ex.sendResponseHeaders(502, -1);
          return;
        }
        answer
            .headers()
            .map()
            .forEach(
                (name, values) -> {
                  if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(name, values);
                  }
                });
        byte[] out = answer.body();
        ex.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
          try (OutputStream o = ex.getResponseBody()) {
            o.write(out);
          }
        }
        return;
      }
      ex.sendResponseHeaders(503, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  /** The next ready instance in turn; any instance when none is known ready. */
  private String pick() {
    for (int i = 0; i < targets.size(); i++) {
      String t = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
      if (ready.getOrDefault(t, false)) {
        return t;
      }
    }
    return targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
  }

  @Override
  public void close() {
    health.shutdownNow();
    server.stop(0);
    workers.shutdownNow();
  }
}
