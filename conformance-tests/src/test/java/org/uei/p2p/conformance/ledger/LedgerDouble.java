package org.uei.p2p.conformance.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/**
 * A DISCOM ledger provider for the kit's own tests: the four operations over records in memory,
 * with the API's signature and access rules. Each {@link Fault} breaks one of them.
 */
final class LedgerDouble implements AutoCloseable {

  /** What is wrong with this ledger. */
  enum Fault {
    NONE,
    ACCEPTS_UNSIGNED,
    DISCOM_PUTS,
    DUPLICATES_PUTS,
    PLATFORM_RECORDS,
    STRANGER_READS,
    ERROR_WITHOUT_FIELD
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final Fault fault;
  private final String discomId;
  private final String discomSigner;
  private final BecknVerifier verifier;
  private final HttpServer server;
  private final List<ObjectNode> records = new ArrayList<>();

  LedgerDouble(String registryUrl, String discomId, String discomSigner, Fault fault)
      throws IOException {
    this.fault = fault;
    this.discomId = discomId;
    this.discomSigner = discomSigner;
    this.verifier = BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(registryUrl)));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = ex.getRequestURI().getPath();
      JsonNode req;
      try {
        req = JSON.readTree(body);
      } catch (IOException e) {
        send(ex, 400, error("SCH_FIELD_NOT_ALLOWED", "not JSON", ""));
        return;
      }
      VerificationResult sig =
          verifier.verify(
              ex.getRequestHeaders().getFirst(SignatureHeaders.AUTHORIZATION), body, null);
      String signer;
      if (sig.valid()) {
        signer = sig.signerId();
      } else if (fault == Fault.ACCEPTS_UNSIGNED) {
        signer = req.path("platformIdSeller").asText();
      } else {
        send(ex, 401, error("AUT_SIGNATURE_INVALID", "signature " + sig, ""));
        return;
      }
      synchronized (records) {
        switch (path.substring(path.lastIndexOf('/') + 1)) {
          case "put" -> put(ex, signer, (ObjectNode) req);
          case "record" -> discomOnly(ex, signer, JSON.createObjectNode().put("success", true));
          case "allocate" -> discomOnly(ex, signer, allocation(req));
          case "get" -> get(ex, signer, req);
          default -> send(ex, 404, error("PRC_NOT_FOUND", path, ""));
        }
      }
    }
  }

  private void put(HttpExchange ex, String signer, ObjectNode req) throws IOException {
    String author =
        req.path("BUYER".equals(req.path("role").asText()) ? "platformIdBuyer" : "platformIdSeller")
            .asText();
    boolean discom = discomSigner.equals(signer);
    if ((discom && fault != Fault.DISCOM_PUTS) || (!discom && !author.equals(signer))) {
      send(ex, 403, error("AUT_NOT_AUTHORIZED", signer + " cannot write as " + author, ""));
      return;
    }
    JsonNode lines = req.path("tradeDetails");
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).path("tradeQty").isNumber()) {
        String field = "tradeDetails[" + i + "].tradeQty";
        send(
            ex,
            400,
            error(
                "SCH_FIELD_NOT_ALLOWED",
                field + " must be a number",
                fault == Fault.ERROR_WITHOUT_FIELD ? "" : field));
        return;
      }
    }
    ObjectNode known = fault == Fault.DUPLICATES_PUTS ? null : find(req);
    if (known == null) {
      known = req.deepCopy().put("recordId", "rec-" + UUID.randomUUID());
      records.add(known);
    }
    send(
        ex,
        200,
        JSON.createObjectNode()
            .put("success", true)
            .put("recordId", known.path("recordId").asText()));
  }

  private ObjectNode find(JsonNode req) {
    for (ObjectNode r : records) {
      if (r.path("transactionId").equals(req.path("transactionId"))
          && r.path("orderItemId").equals(req.path("orderItemId"))) {
        return r;
      }
    }
    return null;
  }

  private void discomOnly(HttpExchange ex, String signer, ObjectNode answer) throws IOException {
    if (!discomSigner.equals(signer) && fault != Fault.PLATFORM_RECORDS) {
      send(ex, 403, error("AUT_NOT_AUTHORIZED", signer + " is not DISCOM " + discomId, ""));
      return;
    }
    send(ex, 200, answer);
  }

  /** The meter's export shared over its trades in proportion: here each gets at most its own. */
  private ObjectNode allocation(JsonNode req) {
    ObjectNode n = JSON.createObjectNode().put("success", true);
    ArrayNode out = n.putArray("allocations");
    BigDecimal actual = req.path("actualImported").decimalValue().abs();
    for (ObjectNode r : records) {
      if (r.path("sellerId").equals(req.path("meterId"))) {
        BigDecimal qty = r.path("tradeDetails").path(0).path("tradeQty").decimalValue();
        out.addObject()
            .put("transactionId", r.path("transactionId").asText())
            .put("allocatedQty", actual.min(qty));
      }
    }
    return n;
  }

  private void get(HttpExchange ex, String signer, JsonNode req) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode out = n.putArray("records");
    for (ObjectNode r : records) {
      boolean party =
          signer.equals(r.path("platformIdSeller").asText())
              || signer.equals(r.path("platformIdBuyer").asText())
              || discomSigner.equals(signer);
      if ((party || fault == Fault.STRANGER_READS)
          && r.path("transactionId").equals(req.path("transactionId"))) {
        out.add(r);
      }
    }
    send(ex, 200, n.put("count", out.size()));
  }

  private static ObjectNode error(String code, String message, String field) {
    ObjectNode n = JSON.createObjectNode().put("code", code).put("message", message);
    if (!field.isEmpty()) {
      n.putObject("details").put("field", field);
    }
    return n;
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
