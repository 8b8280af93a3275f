package org.uei.p2p.examples.network;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The smallest program {@link NodeProcess} can start as a node: it binds {@code QUARKUS_HTTP_PORT}
 * on loopback as a node does (and exits with an error when it cannot), and answers {@code
 * /q/health/ready} UP with its pid as the nodes' {@code instance} check does. Packaged into a jar
 * by {@link NodeProcessTest}; JDK classes only, so that it runs from that jar alone.
 */
public final class FakeNode {

  private FakeNode() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    server.createContext(
        "/q/health/ready", exchange -> answerUp(exchange, ProcessHandle.current().pid()));
    server.start();
  }

  /** Answers a readiness UP whose {@code instance} check reports {@code pid}. */
  static void answerUp(HttpExchange exchange, long pid) throws IOException {
    byte[] body =
        ("{\"status\":\"UP\",\"checks\":[{\"name\":\"instance\",\"status\":\"UP\",\"data\":{\"pid\":"
                + pid
                + "}}]}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
