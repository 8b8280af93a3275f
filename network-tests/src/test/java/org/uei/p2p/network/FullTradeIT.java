package org.uei.p2p.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.uei.p2p.examples.network.Json;

/**
 * The network as operators run it: registry, bpp-node and bap-node as separate processes on
 * loopback with fresh keys, a trade through the buyer app's API, and the seller's callback outbox
 * outliving a buyer platform that is down for a while.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullTradeIT {

  private static LocalNetwork net;
  private static TradeFlow flow;
  private static TradeFlow.Result trade;

  @BeforeAll
  static void start() throws Exception {
    net =
        LocalNetwork.start(
            Path.of("target", "network-" + System.currentTimeMillis()).toAbsolutePath());
    flow = new TradeFlow(net);
  }

  @AfterAll
  static void stop() throws Exception {
    if (net != null) {
      net.close();
    }
  }

  private static List<String> callbackActions(JsonNode txn) {
    List<String> actions = new ArrayList<>();
    txn.get("callbacks").forEach(c -> actions.add(c.get("action").asText()));
    return actions;
  }

  @Test
  @Order(1)
  void discoverSelectInitConfirmStatusBetweenTwoProcesses() throws Exception {
    String offerId = flow.publishOffer("6.40", 10);
    trade = flow.trade(offerId, 3);
    JsonNode order = trade.confirm().at("/callbacks/0/summary/order");
    assertEquals("CONFIRMED", order.get("status").asText());
    assertEquals(
        0,
        order.get("orderValue").decimalValue().compareTo(new java.math.BigDecimal("19.20")),
        "3 kWh × 6.40");

    JsonNode status =
        Json.post(
                net.bap().url() + "/client/status", Map.of("transactionId", trade.transactionId()))
            .expect(200);
    TradeFlow.require(status, "on_status", offerId);
    assertEquals(trade.orderId(), status.at("/callbacks/0/summary/order/orderId").asText());

    // Seller side: the order is stored and active, the offer holds 3 kWh less.
    JsonNode sellerOrder =
        Json.get(net.bpp().url() + "/provider/orders/" + trade.orderId()).expect(200);
    assertEquals("ACTIVE", sellerOrder.get("status").asText());
    assertEquals(trade.transactionId(), sellerOrder.get("transactionId").asText());
    assertEquals("UP-BUYER-0001", sellerOrder.get("buyerMeterId").asText());
    JsonNode offer = Json.get(net.bpp().url() + "/provider/offers/" + offerId).expect(200);
    assertEquals(
        0, offer.get("availableKwh").decimalValue().compareTo(new java.math.BigDecimal("7")));

    // Buyer side: every callback of the transaction is stored.
    JsonNode txn =
        Json.get(net.bap().url() + "/client/transactions/" + trade.transactionId()).expect(200);
    assertTrue(
        callbackActions(txn)
            .containsAll(List.of("on_discover", "on_select", "on_init", "on_confirm", "on_status")),
        callbackActions(txn).toString());
  }

  @Test
  @Order(2)
  void sellerCallbacksWaitInTheOutboxWhileTheBuyerPlatformIsDown() throws Exception {
    net.bap().stop();
    JsonNode queued =
        Json.post(
                net.bpp().url() + "/provider/orders/" + trade.orderId() + "/notify",
                Map.of("action", "on_status"))
            .expect(200);
    String messageId = queued.get("message_id").asText();
    // Let the seller fail a few deliveries against the stopped buyer platform.
    Await.until(
        () ->
            logMentions(
                net.bpp().log(), messageId + " to " + net.bap().url() + ": attempt 2 failed"),
        Duration.ofSeconds(30),
        "two failed delivery attempts in the bpp-node log");

    net.bap().start(Duration.ofSeconds(90));
    Await.value(
        () -> {
          JsonNode txn;
          try {
            txn =
                Json.get(net.bap().url() + "/client/transactions/" + trade.transactionId())
                    .expect(200);
          } catch (Exception notYet) {
            return null;
          }
          for (JsonNode c : txn.get("callbacks")) {
            if (messageId.equals(c.get("messageId").asText())
                && "CONFIRMED".equals(c.at("/summary/order/status").asText())) {
              return c;
            }
          }
          return null;
        },
        Duration.ofSeconds(30),
        "the unsolicited on_status delivered after the restart");
  }

  private static boolean logMentions(Path log, String text) {
    try {
      return java.nio.file.Files.readString(log).contains(text);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
