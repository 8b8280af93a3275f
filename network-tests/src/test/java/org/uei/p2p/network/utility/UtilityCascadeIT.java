package org.uei.p2p.network.utility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.TradeFlow;

/**
 * Issue #9 with real processes: a Delhi buyer (TPDDL) buys from a UP prosumer (PVVNL) through the
 * buyer and seller platforms, and the seller platform cascades init and confirm to both DISCOMs'
 * utility nodes. Their limit checks reach the buyer; a trade above the buyer's sanctioned load is
 * refused naming TPDDL; the utilities' meter data lets the seller platform settle; a curtailment at
 * PVVNL reaches the buyer platform.
 */
class UtilityCascadeIT {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String BUYER_METER = "DL-CONSUMER-0001";
  private static final String SELLER_METER = "UP-PROSUMER-0001";

  private static UtilityNetwork net;

  @BeforeAll
  static void start() throws Exception {
    // Outside target/: other builds of this module may clean it while the nodes write there.
    net = UtilityNetwork.start(Files.createTempDirectory("uei-utility-it"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void cascadedTradeIsLimitCheckedSettledFromUtilityMeterDataAndCurtailed() throws Exception {
    Json.post(
            net.tpddl.url() + "/utility/consumers",
            List.of(
                Map.of(
                    "meterId",
                    BUYER_METER,
                    "customerId",
                    "TPDDL-C-1",
                    "sanctionedLoadKw",
                    5,
                    "installedCapacityKw",
                    0,
                    "stateCode",
                    "DL")))
        .expect(201);
    Json.post(
            net.pvvnl.url() + "/utility/consumers",
            Map.of(
                "meterId",
                SELLER_METER,
                "customerId",
                "PVVNL-C-1",
                "sanctionedLoadKw",
                3,
                "installedCapacityKw",
                10,
                "stateCode",
                "UP"))
        .expect(201);
    Json.post(
            net.bpp.url() + "/provider/prosumers",
            Map.of(
                "id",
                "up-prosumer-1",
                "meterId",
                SELLER_METER,
                "discomId",
                "PVVNL",
                "stateCode",
                "UP",
                "installedCapacityKw",
                10))
        .expect(201);
    Instant slot = TradeFlow.tradableSlot();
    String offerId =
        Json.post(
                net.bpp.url() + "/provider/offers",
                Map.of(
                    "prosumerId",
                    "up-prosumer-1",
                    "slotStart",
                    slot.toString(),
                    "pricePerKwh",
                    "6.00",
                    "maxKwh",
                    10))
            .expect(201)
            .get("id")
            .asText();

    // 3 kWh: both DISCOMs check their side and say OK, with what is left after the trade.
    String txn = selected(offerId, 3);
    JsonNode init =
        first(
            Json.post(net.bap.url() + "/client/init", Map.of("transactionId", txn)).expect(200),
            "on_init");
    assertTrue(init.path("error").isMissingNode() || init.path("error").isNull(), init.toString());
    JsonNode check =
        init.at("/message/order/beckn:orderItems/0/beckn:orderItemAttributes/discomLimitCheck");
    assertEquals("OK", check.at("/buyerSide/limitCheckResult").asText(), init.toString());
    assertEquals(UtilityNetwork.TPDDL_ID, check.at("/buyerSide/discomParticipantId").asText());
    assertEquals(
        0,
        new BigDecimal("2").compareTo(check.at("/buyerSide/remainingHeadroomKwh").decimalValue()));
    assertEquals("OK", check.at("/sellerSide/limitCheckResult").asText());
    assertEquals(UtilityNetwork.PVVNL_ID, check.at("/sellerSide/discomParticipantId").asText());
    assertEquals(
        0,
        new BigDecimal("7").compareTo(check.at("/sellerSide/remainingHeadroomKwh").decimalValue()));
    JsonNode confirm =
        first(
            Json.post(net.bap.url() + "/client/confirm", Map.of("transactionId", txn)).expect(200),
            "on_confirm");
    assertTrue(
        confirm.path("error").isMissingNode() || confirm.path("error").isNull(),
        confirm.toString());
    String orderId = confirm.at("/message/order/beckn:id").asText();
    assertTrue(orderId.startsWith("order-"), confirm.toString());
    JsonNode pvvnlTrade = tradeAt(net.pvvnl.url(), SELLER_METER);
    assertEquals("SELLER", pvvnlTrade.get("side").asText());
    assertEquals(UtilityNetwork.BPP_ID, pvvnlTrade.get("platformId").asText());
    assertEquals(
        0,
        new BigDecimal("2")
            .compareTo(
                Json.get(
                        net.tpddl.url()
                            + "/utility/headroom?meterId="
                            + BUYER_METER
                            + "&side=buyer&slotStart="
                            + slot)
                    .expect(200)
                    .get("remainingHeadroomKwh")
                    .decimalValue()));

    // 4 kWh more would take the buyer to 7 kWh in the slot, above its 5 kW sanctioned load.
    String second = selected(offerId, 4);
    JsonNode refused =
        first(
            Json.post(net.bap.url() + "/client/init", Map.of("transactionId", second)).expect(200),
            "on_init");
    assertEquals("50000", refused.at("/error/code").asText(), refused.toString());
    String why = refused.at("/error/message").asText();
    assertTrue(
        why.contains("DISCOM TPDDL")
            && why.contains("BUYER_CAP")
            && why.contains("remaining headroom 2"),
        why);
    assertTrue(!why.contains("DISCOM PVVNL"), "PVVNL has room for 4 kWh more: " + why);

    // PVVNL curtails 1 kWh of the trade; the buyer platform hears of it through the seller
    // platform.
    String pvvnlOrder = pvvnlTrade.get("orderId").asText();
    Json.post(
            net.pvvnl.url() + "/utility/curtailments",
            Map.of("orderId", pvvnlOrder, "curtailedKwh", 1, "reason", "GRID_OUTAGE"))
        .expect(201);
    JsonNode curtailed =
        Await.value(
            () -> {
              JsonNode list =
                  Json.get(net.bap.url() + "/client/curtailments?transactionId=" + txn).expect(200);
              return list.size() == 1 ? list.get(0) : null;
            },
            DEADLINE,
            "the curtailment at the buyer platform");
    assertEquals(orderId, curtailed.get("orderId").asText(), curtailed.toString());
    assertEquals(0, BigDecimal.ONE.compareTo(curtailed.get("curtailedKwh").decimalValue()));
    assertEquals("GRID_OUTAGE", curtailed.get("curtailmentReason").asText());
    assertEquals("CURTAILED", tradeAt(net.pvvnl.url(), SELLER_METER).get("status").asText());

    // Meter data at each DISCOM: TPDDL through its API, PVVNL as an MDMS drop file.
    ZonedDateTime s = slot.atZone(IST);
    Json.post(
            net.tpddl.url() + "/provider/meter-data",
            Map.of(
                "readings",
                List.of(
                    Map.of(
                        "meterId",
                        BUYER_METER,
                        "blockStart",
                        s.toOffsetDateTime().toString(),
                        "blockMinutes",
                        60,
                        "importKwh",
                        4,
                        "exportKwh",
                        0))))
        .expect(200);
    Path drop = net.pvvnlDropDir();
    Files.createDirectories(drop);
    Path partial = drop.resolve("pvvnl.part");
    Files.writeString(
        partial,
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + SELLER_METER
            + ","
            + s.toOffsetDateTime()
            + ",30,0,1.5\n"
            + SELLER_METER
            + ","
            + s.plusMinutes(30).toOffsetDateTime()
            + ",30,0,1\n");
    Files.move(
        partial, drop.resolve("pvvnl-" + s.toLocalDate() + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    Await.until(
        () -> reported(net.tpddl.url()) && reported(net.pvvnl.url()),
        DEADLINE,
        "both utilities to report the delivery");

    // The seller platform now has both meters' readings from the utilities and settles the order.
    String day = s.toLocalDate().toString();
    JsonNode run =
        Await.value(
            () -> {
              JsonNode r =
                  Json.post(net.bpp.url() + "/provider/settlement/run?day=" + day, Map.of())
                      .expect(200);
              return r.get("settledOrders").toString().contains(orderId) ? r : null;
            },
            DEADLINE,
            "the settlement run to settle " + orderId);
    assertTrue(run.get("allocated").toString().contains(orderId), run.toString());
    JsonNode delivery =
        Await.value(
            () -> {
              for (JsonNode c :
                  Json.get(net.bap.url() + "/client/transactions/" + txn)
                      .expect(200)
                      .get("callbacks")) {
                JsonNode d =
                    c.at(
                        "/message/order/beckn:orderItems/0/beckn:orderItemAttributes/fulfillmentAttributes");
                if (c.get("action").asText().equals("on_status") && d.has("deliveredQuantity")) {
                  return d;
                }
              }
              return null;
            },
            DEADLINE,
            "the delivery report at the buyer platform");
    // PVVNL's 1 kWh curtailment takes the contract from 3 to 2 kWh: the seller's 2.5 kWh covers it,
    // so 2 kWh are delivered and the curtailed kWh are no shortfall of the seller's.
    assertEquals(
        0,
        new BigDecimal("2").compareTo(delivery.get("deliveredQuantity").decimalValue()),
        "the curtailed trade delivers its 2 remaining kWh: " + delivery);
    assertEquals(
        0,
        BigDecimal.ONE.compareTo(delivery.get("curtailedQuantity").decimalValue()),
        delivery.toString());
  }

  @Test
  void aConfirmTheBuyersDiscomRefusesReleasesTheEnergyAndIsCancelledAtTheSellersDiscom()
      throws Exception {
    String buyer = "DL-CONSUMER-0002";
    String seller = "UP-PROSUMER-0002";
    Json.post(
            net.tpddl.url() + "/utility/consumers",
            Map.of("meterId", buyer, "customerId", "TPDDL-C-2", "sanctionedLoadKw", 3))
        .expect(201);
    Json.post(
            net.pvvnl.url() + "/utility/consumers",
            Map.of(
                "meterId",
                seller,
                "customerId",
                "PVVNL-C-2",
                "sanctionedLoadKw",
                3,
                "installedCapacityKw",
                10))
        .expect(201);
    Json.post(
            net.bpp.url() + "/provider/prosumers",
            Map.of(
                "id",
                "up-prosumer-2",
                "meterId",
                seller,
                "discomId",
                "PVVNL",
                "stateCode",
                "UP",
                "installedCapacityKw",
                10))
        .expect(201);
    String offerId =
        Json.post(
                net.bpp.url() + "/provider/offers",
                Map.of(
                    "prosumerId",
                    "up-prosumer-2",
                    "slotStart",
                    TradeFlow.tradableSlot().toString(),
                    "pricePerKwh",
                    "5.50",
                    "maxKwh",
                    10))
            .expect(201)
            .get("id")
            .asText();

    // Two buyers' sessions for the same meter pass init (nothing is recorded at init) ...
    String a = selected(offerId, 2, buyer);
    String b = selected(offerId, 2, buyer);
    for (String txn : List.of(a, b)) {
      JsonNode init =
          first(
              Json.post(net.bap.url() + "/client/init", Map.of("transactionId", txn)).expect(200),
              "on_init");
      assertTrue(
          init.path("error").isMissingNode() || init.path("error").isNull(), init.toString());
    }
    // ... but only the first confirm fits the 3 kW sanctioned load.
    JsonNode confirmed =
        first(
            Json.post(net.bap.url() + "/client/confirm", Map.of("transactionId", a)).expect(200),
            "on_confirm");
    assertTrue(
        confirmed.path("error").isMissingNode() || confirmed.path("error").isNull(),
        confirmed.toString());
    JsonNode refused =
        first(
            Json.post(net.bap.url() + "/client/confirm", Map.of("transactionId", b)).expect(200),
            "on_confirm");
    assertEquals("50000", refused.at("/error/code").asText(), refused.toString());
    String why = refused.at("/error/message").asText();
    assertTrue(
        why.contains("DISCOM TPDDL") && why.contains("BUYER_CAP") && why.contains(buyer), why);
    assertEquals(
        "CANCELLED", refused.at("/message/order/beckn:orderStatus").asText(), refused.toString());

    // The seller platform gave the 2 kWh back; PVVNL, which had recorded the trade, cancelled it.
    assertEquals(
        0,
        new BigDecimal("8")
            .compareTo(
                Json.get(net.bpp.url() + "/provider/offers/" + offerId)
                    .expect(200)
                    .get("availableKwh")
                    .decimalValue()));
    Await.until(
        () -> statuses(net.pvvnl.url(), seller).equals(List.of("CONFIRMED", "CANCELLED")),
        DEADLINE,
        "PVVNL to hold A confirmed and B cancelled");
    assertEquals(List.of("CONFIRMED"), statuses(net.tpddl.url(), buyer));
  }

  private static List<String> statuses(String utility, String meter) {
    List<String> out = new java.util.ArrayList<>();
    try {
      for (JsonNode t : Json.get(utility + "/utility/trades").expect(200)) {
        if (t.get("meterId").asText().equals(meter)) {
          out.add(t.get("status").asText());
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Discover (filtered to the offer) and select {@code kwh}; returns the transaction id. */
  private static String selected(String offerId, int kwh) throws Exception {
    return selected(offerId, kwh, BUYER_METER);
  }

  /**
   * Discover (filtered to the offer) and select {@code kwh} for {@code buyerMeter}; returns the
   * transaction id.
   */
  private static String selected(String offerId, int kwh, String buyerMeter) throws Exception {
    JsonNode discover =
        Json.post(
                net.bap.url() + "/client/discover",
                Map.of("filter", "$[?(@.beckn:id == '" + offerId + "')]"))
            .expect(200);
    String txn = discover.get("transactionId").asText();
    assertTrue(discover.toString().contains(offerId), discover.toString());
    JsonNode select =
        first(
            Json.post(
                    net.bap.url() + "/client/select",
                    Map.of(
                        "transactionId",
                        txn,
                        "bppId",
                        UtilityNetwork.BPP_ID,
                        "buyer",
                        Map.of("id", "delhi-buyer-1", "meterId", buyerMeter, "discomId", "TPDDL"),
                        "items",
                        List.of(Map.of("offerId", offerId, "quantityKwh", kwh))))
                .expect(200),
            "on_select");
    assertTrue(
        select.path("error").isMissingNode() || select.path("error").isNull(), select.toString());
    return txn;
  }

  private static JsonNode first(JsonNode answer, String action) {
    JsonNode cbs = answer.get("callbacks");
    assertTrue(
        cbs != null && !cbs.isEmpty() && action.equals(cbs.get(0).get("action").asText()),
        "no " + action + " in " + answer);
    return cbs.get(0);
  }

  private static JsonNode tradeAt(String utility, String meter) throws Exception {
    for (JsonNode t : Json.get(utility + "/utility/trades").expect(200)) {
      if (t.get("meterId").asText().equals(meter)) {
        return t;
      }
    }
    throw new AssertionError("no trade of " + meter + " at " + utility);
  }

  private static boolean reported(String utility) {
    try {
      for (JsonNode t : Json.get(utility + "/utility/trades").expect(200)) {
        if (t.get("deliveryReported").asBoolean()) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
