package org.uei.p2p.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

  private static final String ACK = "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}";
  private static final String NACK =
      "{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"30000\"}}";

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          bodies.add(body);
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] answer = (body.contains("nack") ? NACK : ACK).getBytes(StandardCharsets.UTF_8);
          int status = body.contains("401") ? 401 : 200;
          // A chunked answer for "chunked", a Content-Length one otherwise.
          exchange.sendResponseHeaders(status, body.contains("chunked") ? 0 : answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsAckNackAndStatusOverOneKeptAliveConnection() throws IOException {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (HttpConnection c = new HttpConnection(base, "/select")) {
      assertEquals(new HttpConnection.Answer(200, true), c.exchange(request("{\"a\":1}")));
      assertEquals(new HttpConnection.Answer(200, false), c.exchange(request("{\"nack\":1}")));
      assertEquals(new HttpConnection.Answer(200, true), c.exchange(request("{\"chunked\":1}")));
      assertEquals(
          new HttpConnection.Answer(200, false), c.exchange(request("{\"chunked nack\":1}")));
      assertEquals(new HttpConnection.Answer(401, true), c.exchange(request("{\"401\":1}")));
    }
    assertEquals(
        List.of(
            "{\"a\":1}", "{\"nack\":1}", "{\"chunked\":1}", "{\"chunked nack\":1}", "{\"401\":1}"),
        bodies);
    assertEquals("Signature keyId=\"x\"", authorizations.get(0));
  }

  @Test
  void ackDetectionLooksForTheStatusNotTheWord() {
    byte[] ack = ACK.getBytes(StandardCharsets.UTF_8);
    byte[] nack = NACK.getBytes(StandardCharsets.UTF_8);
    assertTrue(HttpConnection.isAck(ack, ack.length));
    assertFalse(HttpConnection.isAck(nack, nack.length));
    assertFalse(HttpConnection.isAck(ack, 10));
  }

  private static PreparedRequest request(String body) {
    return PreparedRequest.of("Signature keyId=\"x\"", body.getBytes(StandardCharsets.UTF_8), "m");
  }
}
