package org.uei.p2p.network.wave2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
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
import org.uei.p2p.network.Wave2LocalNetwork;

/**
 * Issue #19 with real processes: a trading day on IES wave 2 between a Delhi buyer platform, a UP
 * seller platform, the utility nodes of TPDDL and PVVNL and each DISCOM's ledger provider. The
 * contract policy refuses a BRPL buyer, TPDDL refuses a trade above a flat's sanctioned load, a
 * confirm with the seller DISCOM's ledger down fails cleanly and succeeds once it is back, and
 * after delivery the ledgers allocate the DISCOMs' meter actuals, the platforms cascade the
 * allocations, the seller settles with FINAL_ALLOC and a revenue flow summing to zero, and both
 * ledgers show every party the records it is a party to.
 */
class Wave2NetworkIT {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  // Ledger → DISCOM → ledger → both platforms → seller → buyer: six hops through six outboxes.
  private static final Duration SETTLING = Duration.ofSeconds(180);
  private static final String FLAT = "TEST_DL_TPDDL_0001";
  private static final String SMALL_FLAT = "TEST_DL_TPDDL_0002";
  private static final String BRPL_FLAT = "TEST_DL_BRPL_0001";
  private static final String ROOFTOP = "TEST_UP_PVVNL_0001";

  private static Wave2LocalNetwork net;

  @BeforeAll
  static void start() throws Exception {
    // Outside target/: other builds of this module may clean it while the nodes write there.
    net = Wave2LocalNetwork.start(Files.createTempDirectory("uei-wave2-it"));
  }

  @AfterAll
  static void stop() {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void aTradingDayOnWave2() throws Exception {
    enrol();
    Instant slot = TradeFlow.tradableSlot();
    String offer =
        Json.post(
                net.bpp.url() + "/provider/offers",
                Map.of(
                    "prosumerId",
                    "up-rooftop-1",
                    "slotStart",
                    slot.toString(),
                    "pricePerKwh",
                    "5.50",
                    "maxKwh",
                    8))
            .expect(201)
            .get("id")
            .asText();

    // The contract policy: BRPL's consumers may not buy on this network.
    String brpl = discover(offer);
    JsonNode refused = refusal(init(brpl, offer, BRPL_FLAT, "BRPL", 2));
    assertEquals("50000", refused.at("/code").asText(), refused.toString());
    assertTrue(refused.at("/message").asText().startsWith("CON-BUYER-DISCOM"), refused.toString());

    // TPDDL's headroom: 3 kWh in one hour is above the small flat's 2 kW sanctioned load.
    String small = discover(offer);
    JsonNode capped = refusal(init(small, offer, SMALL_FLAT, "TPDDL", 3));
    assertEquals("50000", capped.at("/code").asText(), capped.toString());
    String why = capped.at("/message").asText();
    assertTrue(why.contains("TPDDL") && why.contains(SMALL_FLAT) && why.contains("BUYER_CAP"), why);

    // A trade that passes: 4 kWh for the flat.
    String first = discover(offer);
    JsonNode onInit = callback(init(first, offer, FLAT, "TPDDL", 4), "on_init");
    assertTrue(
        onInit.path("error").isMissingNode() || onInit.path("error").isNull(), onInit.toString());

    // The seller DISCOM's ledger is down: the confirm fails and nothing is recorded anywhere; the
    // DISCOMs' records of the refused contract are cancelled, so the headroom is whole again.
    net.pvvnlLedger.stop();
    JsonNode failed = callback(confirm(first), "on_confirm");
    assertTrue(failed.hasNonNull("error"), "a confirm no ledger acknowledged fails: " + failed);
    assertEquals(0, records(net.tpddlLedger, Wave2LocalNetwork.TPDDL_ID, first).size());
    Await.until(
        () -> headroom(FLAT, slot).compareTo(new BigDecimal("5")) == 0,
        DEADLINE,
        "TPDDL to count nothing of the refused contract");
    Wave2LocalNetwork.start(net.pvvnlLedger);
    assertEquals(0, records(net.pvvnlLedger, Wave2LocalNetwork.PVVNL_ID, first).size());

    // Back up: the buyer tries again and both ledgers record the trade, seller side first.
    String txn = discover(offer);
    callback(init(txn, offer, FLAT, "TPDDL", 4), "on_init");
    JsonNode confirmed = callback(confirm(txn), "on_confirm");
    assertTrue(
        confirmed.path("error").isMissingNode() || confirmed.path("error").isNull(),
        confirmed.toString());
    assertEquals(
        "ACTIVE", confirmed.at("/message/contract/status/code").asText(), confirmed.toString());
    assertEquals(0, headroom(FLAT, slot).compareTo(BigDecimal.ONE), "TPDDL counts the 4 kWh");
    String contractId = confirmed.at("/message/contract/id").asText();
    JsonNode atPvvnl = records(net.pvvnlLedger, Wave2LocalNetwork.PVVNL_ID, txn);
    JsonNode atTpddl = records(net.tpddlLedger, Wave2LocalNetwork.TPDDL_ID, txn);
    assertEquals(1, atPvvnl.size(), atPvvnl.toString());
    assertEquals(1, atTpddl.size(), atTpddl.toString());
    assertEquals(facts(atPvvnl.get(0)), facts(atTpddl.get(0)), "both ledgers hold the same trade");

    // Delivery: the flat pulls 3.5 kWh, the rooftop pushes 5 kWh in the slot.
    ZonedDateTime s = slot.atZone(IST);
    net.marketClock(slot.plus(Duration.ofHours(3)));
    meterData(net.tpddl.url(), FLAT, s, "3.5", "0");
    meterData(net.pvvnl.url(), ROOFTOP, s, "0", "5");
    String day = s.toLocalDate().toString();
    Json.post(net.tpddlLedger.url() + "/provider/ledger/actuals/requests", Map.of("day", day))
        .expect(200);
    Json.post(net.pvvnlLedger.url() + "/provider/ledger/actuals/requests", Map.of("day", day))
        .expect(200);

    // The allocations cascade ledger → platform → platform → ledger; the seller settles.
    JsonNode settled;
    try {
      settled =
          Await.value(
              () -> {
                for (JsonNode c :
                    Json.get(net.bap.url() + "/client/transactions/" + txn)
                        .expect(200)
                        .get("callbacks")) {
                  if (c.toString().contains("auto-settlement-flows")) {
                    return c;
                  }
                }
                return null;
              },
              SETTLING,
              "the settled contract at the buyer platform");
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "; the buyer's transaction: "
              + Json.get(net.bap.url() + "/client/transactions/" + txn).body(),
          e);
    }
    JsonNode summary = settled.get("summary");
    assertEquals(
        0,
        new BigDecimal("3.5").compareTo(summary.at("/finalKwh").elements().next().decimalValue()),
        summary.toString());
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode f : summary.get("revenueFlows")) {
      sum = sum.add(f.get("amount").decimalValue());
    }
    assertEquals(0, sum.signum(), "the revenue flow sums to zero: " + summary);

    // Both ledgers end with both DISCOMs' figures, and show them alike.
    Await.until(
        () ->
            bothSides(net.pvvnlLedger, Wave2LocalNetwork.PVVNL_ID, txn)
                && bothSides(net.tpddlLedger, Wave2LocalNetwork.TPDDL_ID, txn),
        SETTLING,
        "both ledgers to hold both allocations");
    assertEquals(
        facts(records(net.pvvnlLedger, Wave2LocalNetwork.PVVNL_ID, txn).get(0)),
        facts(records(net.tpddlLedger, Wave2LocalNetwork.TPDDL_ID, txn).get(0)),
        "both ledgers hold the same figures");

    // Every party sees its own records: both platforms and both DISCOMs, not BRPL.
    for (String party :
        List.of(Wave2LocalNetwork.BAP_ID, Wave2LocalNetwork.BPP_ID, Wave2LocalNetwork.TPDDL_ID)) {
      assertEquals(1, records(net.tpddlLedger, party, txn).size(), party);
    }
    assertEquals(0, records(net.tpddlLedger, Wave2LocalNetwork.BRPL_ID, txn).size());

    statementsAgree(day, contractId + "/1", summary);
  }

  /**
   * Both platforms' statements of the delivery day show the trade alike and net to what the buyer
   * platform pays in the revenue flow; the seller's billing file carries both meters.
   */
  private static void statementsAgree(String day, String trade, JsonNode settledSummary)
      throws Exception {
    JsonNode seller =
        Json.get(
                net.bpp.url()
                    + "/provider/settlement/statement?from="
                    + day
                    + "&to="
                    + day
                    + "&counterparty="
                    + Wave2LocalNetwork.BAP_ID)
            .expect(200);
    JsonNode buyer =
        Await.value(
            () -> {
              JsonNode s =
                  Json.get(net.bap.url() + "/client/settlement/statement?from=" + day).expect(200);
              return tradeOf(s, trade) != null ? s : null;
            },
            DEADLINE,
            "the trade on the buyer platform's statement");
    JsonNode sold = tradeOf(seller, trade);
    JsonNode bought = tradeOf(buyer, trade);
    assertTrue(sold != null, "the trade on the seller's statement: " + seller);
    assertEquals(0, new BigDecimal("3.5").compareTo(sold.get("settledKwh").decimalValue()));
    assertEquals(
        0,
        sold.get("settledKwh").decimalValue().compareTo(bought.get("settledKwh").decimalValue()),
        "both platforms settle the same kWh: " + sold + " / " + bought);
    BigDecimal sellerNet = seller.at("/netPositions/0/amount").decimalValue();
    BigDecimal buyerNet = buyer.at("/netPositions/0/amount").decimalValue();
    assertEquals(0, sellerNet.compareTo(buyerNet), "the nets agree: " + seller + " / " + buyer);
    // The flow: the buyer platform pays the energy and its DISCOM's wheeling; the seller platform
    // gets the energy less its DISCOM's. Between the platforms only the energy moves.
    Map<String, BigDecimal> flow = new java.util.HashMap<>();
    for (JsonNode f : settledSummary.get("revenueFlows")) {
      flow.merge(f.get("party").asText(), f.get("amount").decimalValue(), BigDecimal::add);
    }
    String why = settledSummary.get("revenueFlows") + " / " + seller;
    assertEquals(
        0,
        sellerNet.compareTo(flow.get("BUYER_PLATFORM").negate().subtract(flow.get("BUYER_DISCOM"))),
        why);
    assertEquals(
        0, sellerNet.compareTo(flow.get("SELLER_PLATFORM").add(flow.get("SELLER_DISCOM"))), why);
    assertEquals(0, new BigDecimal("19.25").compareTo(sellerNet), "3.5 kWh at ₹5.50: " + why);
    for (JsonNode line : sold.get("lines")) {
      if ("WHEELING".equals(line.get("type").asText())) {
        assertEquals(
            0,
            line.get("amount").decimalValue().compareTo(flow.get(line.get("payee").asText())),
            "the statement's wheeling is the DISCOM's flow: " + why);
      }
    }

    String bill =
        Json.getText(net.bpp.url() + "/provider/settlement/report?month=" + day.substring(0, 7));
    assertTrue(bill.lines().anyMatch(l -> l.contains(ROOFTOP) && l.contains(",0.00,3.50,")), bill);
    assertTrue(bill.lines().anyMatch(l -> l.contains(FLAT) && l.contains(",3.50,0.00,")), bill);
  }

  private static JsonNode tradeOf(JsonNode statement, String trade) {
    for (JsonNode t : statement.path("trades")) {
      if (trade.equals(t.path("tradeId").asText())) {
        return t;
      }
    }
    return null;
  }

  /** A ledger record without what each ledger gives it of its own (id, time, digest). */
  private static JsonNode facts(JsonNode record) {
    com.fasterxml.jackson.databind.node.ObjectNode f = record.deepCopy();
    f.remove(List.of("recordId", "creationTime", "rowDigest"));
    return f;
  }

  /** What TPDDL's utility node says is left of the meter's sanctioned load in the slot. */
  private static BigDecimal headroom(String meter, Instant slot) {
    try {
      return Json.get(
              net.tpddl.url()
                  + "/utility/headroom?meterId="
                  + meter
                  + "&side=buyer&slotStart="
                  + slot)
          .expect(200)
          .get("remainingHeadroomKwh")
          .decimalValue();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void enrol() throws Exception {
    Json.post(
            net.tpddl.url() + "/utility/consumers",
            List.of(
                consumer(FLAT, "TPDDL-C-1", 5, 0, "DL"),
                consumer(SMALL_FLAT, "TPDDL-C-2", 2, 0, "DL")))
        .expect(201);
    Json.post(net.pvvnl.url() + "/utility/consumers", consumer(ROOFTOP, "PVVNL-C-1", 3, 10, "UP"))
        .expect(201);
    Json.post(
            net.bpp.url() + "/provider/prosumers",
            Map.of(
                "id",
                "up-rooftop-1",
                "meterId",
                ROOFTOP,
                "discomId",
                "PVVNL",
                "stateCode",
                "UP",
                "installedCapacityKw",
                10))
        .expect(201);
  }

  private static Map<String, Object> consumer(
      String meter, String customer, int sanctionedKw, int installedKw, String state) {
    return Map.of(
        "meterId",
        meter,
        "customerId",
        customer,
        "sanctionedLoadKw",
        sanctionedKw,
        "installedCapacityKw",
        installedKw,
        "stateCode",
        state);
  }

  /** A discover through the buyer platform that finds the offer; its transaction id. */
  private static String discover(String offer) throws Exception {
    String txn = net.discover(offer, DEADLINE);
    assertNotNull(txn, "the offer at the discovery service within " + DEADLINE);
    return txn;
  }

  private static JsonNode init(String txn, String offer, String meter, String discom, int kwh)
      throws Exception {
    return Json.post(
            net.bap.url() + "/client/init",
            Map.of(
                "transactionId",
                txn,
                "bppId",
                Wave2LocalNetwork.BPP_ID,
                "buyer",
                Map.of("id", "buyer-" + meter, "meterId", meter, "discomId", discom),
                "items",
                List.of(Map.of("offerId", offer, "quantityKwh", kwh))))
        .expect(200);
  }

  private static JsonNode confirm(String txn) throws Exception {
    return Json.post(net.bap.url() + "/client/confirm", Map.of("transactionId", txn)).expect(200);
  }

  /**
   * Why the seller refused a request: the error of its NACK (the request FAILED, no callback) or of
   * the callback that answered it.
   */
  private static JsonNode refusal(JsonNode answer) {
    JsonNode cbs = answer.path("callbacks");
    JsonNode error = cbs.size() > 0 ? cbs.get(0).path("error") : answer.at("/requests/0/error");
    assertTrue(error.isObject(), "the request was refused: " + answer);
    return error;
  }

  /** The sync answer's first callback, which must be {@code action}. */
  private static JsonNode callback(JsonNode answer, String action) {
    JsonNode cbs = answer.path("callbacks");
    assertTrue(cbs.size() > 0, "no callback in " + answer);
    assertEquals(action, cbs.get(0).get("action").asText(), answer.toString());
    return cbs.get(0);
  }

  private static void meterData(
      String utility, String meter, ZonedDateTime slot, String in, String out) throws Exception {
    Json.post(
            utility + "/provider/meter-data",
            Map.of(
                "readings",
                List.of(
                    Map.of(
                        "meterId",
                        meter,
                        "blockStart",
                        slot.toOffsetDateTime().toString(),
                        "blockMinutes",
                        60,
                        "importKwh",
                        new BigDecimal(in),
                        "exportKwh",
                        new BigDecimal(out)))))
        .expect(200);
  }

  private static JsonNode records(
      org.uei.p2p.examples.network.NodeProcess ledger, String caller, String txn) throws Exception {
    return net.ledgerGet(ledger, caller, Map.of("transactionId", txn)).get("records");
  }

  private static boolean bothSides(
      org.uei.p2p.examples.network.NodeProcess ledger, String caller, String txn) {
    try {
      JsonNode r = records(ledger, caller, txn);
      return r.size() == 1
          && r.get(0).path("buyerFulfillmentValidationMetrics").size() > 0
          && r.get(0).path("sellerFulfillmentValidationMetrics").size() > 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
