package org.uei.p2p.network.ueiv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;

/**
 * Issue #26 after delivery, between processes on UEI v1 (Beckn 1.1.0): the seller platform imports
 * the MDMS data of the slot (the seller injected 4 of the 5 kWh bought, the buyer drew 6), settles
 * the day through its settlement API, and reports it to the buyer platform in signed 1.1.0
 * on_status (delivered, NOT_PAID) and on_update (PAID); both platforms' statements then agree on
 * the settled energy and on what the buyer platform pays, to the paisa.
 */
class UeiV1SettlementIT {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private static LocalNetwork net;

  @BeforeAll
  static void start() throws Exception {
    net = LocalNetwork.startUeiV1("uei-v1-settlement");
  }

  @AfterAll
  static void stop() {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void aUeiV1TradeIsMeteredSettledAndBothStatementsAgree() throws Exception {
    TradeFlow flow = new TradeFlow(net);
    String offerId = flow.publishOffer("6.40", 10);
    TradeFlow.Result trade = flow.trade(offerId, 5, Map.of());
    JsonNode offer = Json.get(net.bpp().url() + "/provider/offers/" + offerId).expect(200);
    String sellerMeter = sellerMeter(trade.transactionId());
    String buyerMeter = "UP-BUYER-0001";
    ZonedDateTime s = Instant.parse(offer.get("slotStart").asText()).atZone(IST);
    String day = s.toLocalDate().toString();

    String csv =
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + sellerMeter
            + ","
            + s.toOffsetDateTime()
            + ",30,0,2.5\n"
            + sellerMeter
            + ","
            + s.plusMinutes(30).toOffsetDateTime()
            + ",30,0,1.5\n"
            + buyerMeter
            + ","
            + s.toOffsetDateTime()
            + ",60,6,0\n";
    JsonNode imported = postCsv(net.bpp().url() + "/provider/meter-data/csv", csv);
    assertEquals(3, imported.get("added").asInt(), imported.toString());
    JsonNode run =
        Json.post(net.bpp().url() + "/provider/settlement/run?day=" + day, Map.of()).expect(200);
    assertTrue(run.get("settledOrders").toString().contains(trade.orderId()), run.toString());

    // The buyer platform holds both 1.1.0 reports in the transaction.
    JsonNode status = awaitCallback(trade.transactionId(), "on_status", "NOT_PAID");
    assertEquals("COMPLETE", status.at("/message/order/status").asText(), status.toString());
    assertEquals(
        "ORDER_COMPLETED",
        status.at("/message/order/fulfillments/0/state/descriptor/code").asText());
    assertEquals(
        0,
        new BigDecimal("25.60").compareTo(status.at("/summary/order/orderValue").decimalValue()),
        "the final invoice: 4 kWh × 6.40: " + status.path("summary"));
    JsonNode paid = awaitCallback(trade.transactionId(), "on_update", "PAID");
    assertTrue(
        paid.at("/message/order/payments/0/params/transaction_id").asText().startsWith("STL-"),
        paid.toString());

    JsonNode bppStatement =
        Json.get(
                net.bpp().url()
                    + "/provider/settlement/statement?from="
                    + day
                    + "&to="
                    + day
                    + "&counterparty="
                    + LocalNetwork.BAP_ID)
            .expect(200);
    JsonNode bapStatement =
        Await.value(
            () -> {
              JsonNode st =
                  Json.get(net.bap().url() + "/client/settlement/statement?from=" + day)
                      .expect(200);
              JsonNode t = tradeOf(st, trade.orderId());
              return t != null ? st : null;
            },
            DEADLINE,
            "the trade in the buyer platform's statement");
    JsonNode bppTrade = tradeOf(bppStatement, trade.orderId());
    JsonNode bapTrade = tradeOf(bapStatement, trade.orderId());
    assertNotNull(bppTrade, bppStatement.toString());
    assertEquals(bppTrade.get("tradeId").asText(), bapTrade.get("tradeId").asText());
    for (String figure : new String[] {"settledKwh", "buyerAllocatedKwh", "sellerAllocatedKwh"}) {
      assertEquals(
          0,
          bppTrade.get(figure).decimalValue().compareTo(bapTrade.get(figure).decimalValue()),
          figure + ": " + bppTrade + " vs " + bapTrade);
    }
    assertEquals(0, new BigDecimal("4").compareTo(bppTrade.get("settledKwh").decimalValue()));
    JsonNode bppNet = bppStatement.at("/netPositions/0");
    JsonNode bapNet = bapStatement.at("/netPositions/0");
    assertEquals(LocalNetwork.BAP_ID, bppNet.get("payerPlatformId").asText(), bppNet.toString());
    assertEquals(LocalNetwork.BPP_ID, bppNet.get("payeePlatformId").asText(), bppNet.toString());
    assertEquals(bppNet.get("payerPlatformId"), bapNet.get("payerPlatformId"), bapNet.toString());
    assertEquals(bppNet.get("payeePlatformId"), bapNet.get("payeePlatformId"), bapNet.toString());
    assertEquals(
        0,
        new BigDecimal("25.60").compareTo(bppNet.get("amount").decimalValue()),
        "4 kWh × 6.40: " + bppNet);
    assertEquals(
        0,
        bppNet.get("amount").decimalValue().compareTo(bapNet.get("amount").decimalValue()),
        bppNet + " vs " + bapNet);
  }

  private static String sellerMeter(String transactionId) throws Exception {
    JsonNode txn = Json.get(net.bap().url() + "/client/transactions/" + transactionId).expect(200);
    for (JsonNode c : txn.get("callbacks")) {
      if (c.get("action").asText().equals("on_search")) {
        String m = c.at("/summary/offers/0/sellerMeterId").asText(null);
        if (m != null) {
          return m;
        }
      }
    }
    throw new AssertionError("the on_search names the seller's meter: " + txn);
  }

  private static JsonNode awaitCallback(String transactionId, String action, String paymentStatus)
      throws Exception {
    return Await.value(
        () -> {
          for (JsonNode c :
              Json.get(net.bap().url() + "/client/transactions/" + transactionId)
                  .expect(200)
                  .get("callbacks")) {
            if (c.get("action").asText().equals(action)
                && paymentStatus.equals(c.at("/message/order/payments/0/status").asText())
                && c.at("/message/order/fulfillments/0/tags").isArray()) {
              return c;
            }
          }
          return null;
        },
        DEADLINE,
        action + " with payment " + paymentStatus + " at the buyer platform");
  }

  private static JsonNode tradeOf(JsonNode statement, String orderId) {
    for (JsonNode t : statement.get("trades")) {
      if (t.get("tradeId").asText().startsWith(orderId)) {
        return t;
      }
    }
    return null;
  }

  private static JsonNode postCsv(String url, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return Json.MAPPER.readTree(r.body());
  }
}
