package org.uei.p2p.network.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.uei.p2p.signing.SignatureHeaders;

/**
 * A faulty hop in front of an honest participant's peer: every POST is passed on to {@code target}
 * with the same path, after {@code fault} had its way with the body and the {@code Authorization}
 * header, and the answer comes back unchanged. Our nodes stay honest; the fault is what a broken
 * participant would have sent.
 */
final class FaultProxy implements AutoCloseable {

  /** One message as it passes. */
  record Message(String path, byte[] body, String authorization) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private volatile String target;
  private final UnaryOperator<Message> fault;

  /**
   * Listens on a free loopback port.
   *
   * @param target where messages go; null until {@link #target(String)} names it
   */
  FaultProxy(String target, UnaryOperator<Message> fault) throws IOException {
    this.target = target == null ? null : target.replaceAll("/+$", "");
    this.fault = fault;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", this::pass);
    server.setExecutor(pool);
    server.start();
  }

  /** Names where messages go from now on (a node whose port was chosen after this proxy's). */
  void target(String target) {
    this.target = target.replaceAll("/+$", "");
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void pass(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      Message m =
          fault.apply(
              new Message(
                  ex.getRequestURI().getPath(),
                  body,
                  ex.getRequestHeaders().getFirst(SignatureHeaders.AUTHORIZATION)));
      HttpRequest.Builder r =
          HttpRequest.newBuilder(URI.create(target + m.path()))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
      if (m.authorization() != null) {
        r.header(SignatureHeaders.AUTHORIZATION, m.authorization());
      }
      HttpResponse<byte[]> a;
      try {
        a = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ex.sendResponseHeaders(502, -1);
        return;
      } catch (IOException e) {
        ex.sendResponseHeaders(502, -1);
        return;
      }
      a.headers()
          .firstValue(SignatureHeaders.WWW_AUTHENTICATE)
          .ifPresent(v -> ex.getResponseHeaders().set(SignatureHeaders.WWW_AUTHENTICATE, v));
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(a.statusCode(), a.body().length == 0 ? -1 : a.body().length);
      if (a.body().length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(a.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
