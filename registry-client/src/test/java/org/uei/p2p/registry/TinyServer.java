package org.uei.p2p.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free port that answers every request with whatever the test set last, or
 * never answers (until closed), and counts the requests and remembers the last one.
 */
final class TinyServer implements AutoCloseable {
  private final HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger hits = new AtomicInteger();
  private volatile int status = 200;
  private volatile String body = "[]";
  private volatile boolean hang;
  private volatile String lastMethod;
  private volatile String lastPath;
  private volatile String lastBody;

  TinyServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "tiny-server");
              t.setDaemon(true);
              return t;
            }));
    server.createContext(
        "/",
        ex -> {
          hits.incrementAndGet();
          lastMethod = ex.getRequestMethod();
          lastPath = ex.getRequestURI().getRawPath();
          lastBody = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (hang) {
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            ex.close();
            return;
          }
          byte[] b = body.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
          }
        });
    server.start();
  }

  TinyServer answer(int status, String body) {
    this.status = status;
    this.body = body;
    return this;
  }

  TinyServer hang() {
    this.hang = true;
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int hits() {
    return hits.get();
  }

  String lastMethod() {
    return lastMethod;
  }

  String lastPath() {
    return lastPath;
  }

  String lastBody() {
    return lastBody;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
