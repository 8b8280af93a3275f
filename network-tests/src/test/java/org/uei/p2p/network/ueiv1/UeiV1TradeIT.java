package org.uei.p2p.network.ueiv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;

/**
 * Issue #26 between processes: a buyer platform and a seller platform of the UP pilot's network
 * (UEI v1, Beckn 1.1.0, domain {@code uei:p2p-trading}) trade through the buyer app's unchanged
 * client API: search, select, init, confirm and status, every message signed 1.1.0 over HTTP.
 */
class UeiV1TradeIT {

  private static LocalNetwork net;

  @BeforeAll
  static void start() throws Exception {
    net = LocalNetwork.startUeiV1("uei-v1-network");
  }

  @AfterAll
  static void stop() {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void searchSelectInitConfirmStatusOnUeiV1BetweenTwoProcesses() throws Exception {
    TradeFlow flow = new TradeFlow(net);
    String offerId = flow.publishOffer("6.40", 10);
    TradeFlow.Result trade = flow.trade(offerId, 3, Map.of());

    JsonNode confirmed = trade.confirm().at("/callbacks/0");
    assertEquals("CONFIRMED", confirmed.at("/summary/order/status").asText(), confirmed.toString());
    assertEquals(
        0,
        new BigDecimal("19.20").compareTo(confirmed.at("/summary/order/orderValue").decimalValue()),
        "3 kWh × 6.40: " + confirmed);
    assertTrue(
        confirmed.path("message").toString().contains("\"status\":\"ACTIVE\""),
        "the 1.1.0 order is ACTIVE: " + confirmed.path("message"));

    JsonNode status =
        Json.post(
                net.bap().url() + "/client/status", Map.of("transactionId", trade.transactionId()))
            .expect(200);
    assertEquals("on_status", status.at("/callbacks/0/action").asText(), status.toString());
    assertEquals(trade.orderId(), status.at("/callbacks/0/summary/order/orderId").asText());

    // The seller kept the order and took the energy from the offer.
    JsonNode sellerOrder =
        Json.get(net.bpp().url() + "/provider/orders/" + trade.orderId()).expect(200);
    assertEquals(trade.transactionId(), sellerOrder.get("transactionId").asText());
    JsonNode offer = Json.get(net.bpp().url() + "/provider/offers/" + offerId).expect(200);
    assertEquals(0, BigDecimal.valueOf(7).compareTo(offer.get("availableKwh").decimalValue()));
  }
}
