package org.uei.p2p.registry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.uei.p2p.registry.SubscriberJson;

/** Reading requests and writing JSON replies for the local registry's handlers. */
final class Exchanges {

  /** Requests larger than this are refused: registry bodies are a few hundred bytes. */
  static final int MAX_BODY = 1 << 20;

  private Exchanges() {}

  static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readNBytes(MAX_BODY + 1);
      if (b.length > MAX_BODY) {
        throw new BadRequest(413, "request body larger than " + MAX_BODY + " bytes");
      }
      return b;
    }
  }

  /** Parses a JSON body; a malformed one is a 400 with the parser's reason. */
  static JsonNode json(byte[] body) {
    try {
      JsonNode n = SubscriberJson.MAPPER.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw new BadRequest(400, "empty request body");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequest(400, "request body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequest(400, "unreadable request body");
    }
  }

  static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = SubscriberJson.MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A NACK-shaped error reply, as Beckn participants expect from a refusing peer. */
  static void error(HttpExchange ex, int status, String message) throws IOException {
    ObjectNode o = SubscriberJson.MAPPER.createObjectNode();
    o.putObject("message").putObject("ack").put("status", "NACK");
    o.putObject("error").put("code", status >= 500 ? "50000" : "30000").put("message", message);
    send(ex, status, o);
  }

  /** A request the handler refuses; becomes an error reply with this status. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
