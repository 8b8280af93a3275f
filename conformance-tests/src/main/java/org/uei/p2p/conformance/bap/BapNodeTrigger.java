package org.uei.p2p.conformance.bap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drives a bap-node through its client API (sync mode): discover, select, init, confirm, status.
 */
public final class BapNodeTrigger implements BapTrigger {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String clientUrl;
  private final boolean filtered;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param clientUrl the bap-node's base URL (its {@code /client/...} API)
   */
  public BapNodeTrigger(String clientUrl) {
    this(clientUrl, true);
  }

  private BapNodeTrigger(String clientUrl, boolean filtered) {
    this.clientUrl =
        clientUrl.endsWith("/") ? clientUrl.substring(0, clientUrl.length() - 1) : clientUrl;
    this.filtered = filtered;
  }

  /**
   * Drives a bap-node on UEI v1 (Beckn 1.1.0), whose search carries an intent rather than a filter
   * expression: it discovers every offer and selects the kit's by id.
   */
  public static BapNodeTrigger unfiltered(String clientUrl) {
    return new BapNodeTrigger(clientUrl, false);
  }

  @Override
  public void runFlow(String bppId, String offerId) throws IOException, InterruptedException {
    String txn =
        post(
                "discover",
                filtered ? Map.of("filter", "$[?(@.beckn:id == '" + offerId + "')]") : Map.of())
            .path("transactionId")
            .asText();
    post(
        "select",
        Map.of(
            "transactionId",
            txn,
            "bppId",
            bppId,
            "buyer",
            Map.of(
                "id",
                "conformance-buyer",
                "meterId",
                "UP-CONFORMANCE-BUYER-02",
                "discomId",
                "PVVNL"),
            "items",
            List.of(Map.of("offerId", offerId, "quantityKwh", 2))));
    post("init", Map.of("transactionId", txn));
    post("confirm", Map.of("transactionId", txn));
    post("status", Map.of("transactionId", txn));
  }

  private JsonNode post(String action, Object body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(clientUrl + "/client/" + action))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(
          "client " + action + " answered HTTP " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
