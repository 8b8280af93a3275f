package org.uei.p2p.bap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestPeers;

/**
 * The buyer platform on IES wave 2, its client API unchanged: the test plays the seller platform
 * (and the network's discovery service) and checks what goes out on the wire and what the buyer app
 * reads back, on the happy path and on each refusal.
 */
@QuarkusTest
@QuarkusTestResource(value = Wave2TestNetwork.class, restrictToAnnotatedClass = true)
class Wave2BapTest {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Map<String, Object> BUYER =
      Map.of("id", "buyer-9", "meterId", "TEST_BRPL_M0009", "discomId", "BRPL");
  private static CallbackReceiver seller;

  @BeforeAll
  static void start() {
    seller = CallbackReceiver.forPeer().start();
  }

  @AfterAll
  static void stop() {
    if (seller != null) {
      seller.close();
    }
  }

  private static EnergyOffer offer(String id) {
    // Noon IST the day after tomorrow: inside the 06:00-18:00 delivery day, and on a day of its
    // own, apart from the wave-1 tests' deliveries when both classes share one database.
    Instant slot = LocalDate.now(IST).plusDays(2).atTime(12, 0).atZone(IST).toInstant();
    return new EnergyOffer(
        id,
        "prosumer-3",
        new MeterPoint("TEST_TPDDL_M0003", "TPDDL"),
        new DeliverySlot(slot, slot.plus(Duration.ofHours(1))),
        UnitPrice.inr("5.50"),
        new BigDecimal("10"),
        Instant.now().minusSeconds(60),
        slot.minus(Duration.ofHours(4)));
  }

  private static JsonPath async(String action, Map<String, Object> body) {
    return given()
        .contentType("application/json")
        .body(body)
        .post("/client/" + action + "?mode=async")
        .then()
        .statusCode(202)
        .extract()
        .jsonPath();
  }

  private static JsonPath result(String messageId) {
    return given().get("/client/requests/" + messageId).then().statusCode(200).extract().jsonPath();
  }

  /** The wave-2 request with {@code messageId} the seller received. */
  private static Wave2Envelope sent(String action, String messageId) {
    return Wave2SellerSide.parse(
        seller.await(
            r ->
                r.action().equals(action)
                    && r.bodyText().contains("\"messageId\":\"" + messageId + "\""),
            WAIT,
            "wave-2 " + action));
  }

  private static void ack(Wave2Envelope callback) {
    Wave2SellerSide.post(callback, TestPeers.peerSigner())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("status", equalTo("ACK"));
  }

  private static JsonPath answered(String messageId) {
    Poll.until(
        () -> {
          JsonPath r = result(messageId);
          return !r.getList("callbacks").isEmpty()
              || "FAILED".equals(r.getString("requests[0].status"));
        },
        WAIT,
        "the result of " + messageId);
    return result(messageId);
  }

  /** A transaction whose seller offered {@code offerId} on wave 2. */
  private static String discovered(String offerId) {
    JsonPath d = async("discover", Map.of());
    Wave2Envelope request = sent("discover", d.getString("messageId"));
    assertNull(request.context().bppId(), "a discover to the discovery service names no seller");
    ack(Wave2SellerSide.onDiscover(request, List.of(offer(offerId))));
    return d.getString("transactionId");
  }

  /** Sends init for 4 kWh of {@code offerId} and returns what the seller received. */
  private static Wave2Envelope init(String txn, String offerId) {
    JsonPath i =
        async(
            "init",
            Map.of(
                "transactionId",
                txn,
                "bppId",
                TestPeers.peerId(),
                "buyer",
                BUYER,
                "items",
                List.of(Map.of("offerId", offerId, "quantityKwh", 4))));
    return sent("init", i.getString("messageId"));
  }

  @Test
  void tradesAContractFromDiscoverToStatusOnWave2() throws Exception {
    JsonPath d = async("discover", Map.of());
    String mid = d.getString("messageId");
    Wave2Envelope discover = sent("discover", mid);
    assertEquals(Wave2TestNetwork.NETWORK, discover.context().networkId());
    assertEquals(
        "jsonpath", discover.message().intent().filterType(), "the devkit's filter language");
    // The node speaks both wires: the wave-1 BPPs of the registry get a wave-1 discover, same id.
    assertTrue(
        seller
            .await(
                r ->
                    r.action().equals("discover")
                        && r.bodyText().contains("\"message_id\":\"" + mid + "\""),
                WAIT,
                "wave-1 discover")
            .bodyText()
            .contains(mid));
    ack(Wave2SellerSide.onDiscover(discover, List.of(offer("w2-offer"))));
    JsonPath offers = answered(mid);
    assertEquals(
        "w2-offer",
        offers.getString("offers.find { it.bppId == '" + TestPeers.peerId() + "' }.offerId"));
    assertEquals("TPDDL", offers.getString("offers[0].sellerDiscomId"));

    String txn = d.getString("transactionId");
    Wave2Envelope init = init(txn, "w2-offer");
    Contract draft = init.message().contract();
    assertEquals("DRAFT", draft.statusCode());
    assertEquals(
        TestPeers.nodeId(),
        draft.contractAttributes().participantIdOf("buyerPlatform").orElseThrow());
    assertEquals("BRPL", draft.contractAttributes().participantIdOf("buyerDiscom").orElseThrow());
    assertEquals("TPDDL", draft.contractAttributes().participantIdOf("sellerDiscom").orElseThrow());
    Participant.DiscomLedgerProvider brpl =
        draft.participantInRole("buyerDiscom").orElseThrow().ledgerProvider();
    assertEquals(Wave2TestNetwork.BRPL_LEDGER_URI, brpl.ledgerUri(), "from the registry");
    assertEquals(Wave2TestNetwork.BRPL_DISCOM_URI, brpl.discomUri());
    assertEquals(
        Wave2TestNetwork.TPDDL_LEDGER_URI,
        draft.participantInRole("sellerDiscom").orElseThrow().ledgerProvider().ledgerUri());
    TimeSeries ts = draft.commitments().get(0).commitmentAttributes();
    assertEquals(
        0,
        new BigDecimal("4")
            .compareTo(ts.intervals().get(0).number(TimeSeries.REQUESTED_QTY).orElseThrow()));
    assertEquals("data.deg.contracts.p2p_trading", draft.contractAttributes().policy().queryPath());

    ack(Wave2SellerSide.answer(init, Wave2SellerSide::vpaTerms));
    JsonPath onInit = answered(init.context().messageId());
    assertEquals("ANSWERED", onInit.getString("requests[0].status"));
    assertEquals("seller-platform@upi", onInit.getString("callbacks[0].summary.paymentTerms.vpa"));
    assertEquals("PENDING", onInit.getString("callbacks[0].summary.order.status"));
    assertEquals(22.0f, onInit.getFloat("callbacks[0].summary.order.orderValue"), 0.001f);

    JsonPath c = async("confirm", Map.of("transactionId", txn));
    Wave2Envelope confirm = sent("confirm", c.getString("messageId"));
    Contract toConfirm = confirm.message().contract();
    assertEquals(
        "seller-platform@upi",
        toConfirm.settlementTerm().orElseThrow().payTo().vpa(),
        "confirm accepts the seller's payment terms");
    assertEquals(
        Wave2TestNetwork.BRPL_LEDGER_URI,
        toConfirm.participantInRole("buyerDiscom").orElseThrow().ledgerProvider().ledgerUri());
    ack(
        Wave2SellerSide.answer(
            confirm,
            k -> {
              k.put("id", "contract-w2-1");
              k.putObject("status").put("code", "ACTIVE");
            }));
    JsonPath onConfirm = answered(confirm.context().messageId());
    assertEquals("ANSWERED", onConfirm.getString("requests[0].status"));
    assertEquals("CONFIRMED", onConfirm.getString("callbacks[0].summary.order.status"));
    assertEquals("contract-w2-1", onConfirm.getString("callbacks[0].summary.order.orderId"));

    // Sync: the call returns once the seller's on_status is in.
    CompletableFuture<JsonPath> status =
        CompletableFuture.supplyAsync(
            () ->
                given()
                    .contentType("application/json")
                    .body(Map.of("transactionId", txn))
                    .post("/client/status")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath());
    Wave2Envelope statusRequest =
        Wave2SellerSide.parse(
            seller.await(
                r -> r.action().equals("status") && r.bodyText().contains("contract-w2-1"),
                WAIT,
                "wave-2 status"));
    assertEquals("ACTIVE", statusRequest.message().contract().statusCode());
    ack(Wave2SellerSide.answer(statusRequest, k -> {}));
    JsonPath s = status.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(s.getBoolean("complete"));
    assertEquals("on_status", s.getString("callbacks[0].action"));
    assertEquals("contract-w2-1", s.getString("callbacks[0].summary.order.orderId"));
  }

  @Test
  void aContractPolicyRefusalReachesTheAppWithTheSellersCodeAndPath() {
    String txn = discovered("w2-blocked");
    String path = "message.contract.contractAttributes.roles[2].participantId";
    seller.answerNext(
        new CallbackReceiver.Answer(
            400,
            AckResponse.nack(BecknError.of("50000", "buyer DISCOM BRPL is not allowed", path))
                .toWave2Json(null)));
    Wave2Envelope init = init(txn, "w2-blocked");
    JsonPath r = answered(init.context().messageId());
    assertEquals("FAILED", r.getString("requests[0].status"));
    assertEquals("50000", r.getString("requests[0].error.code"));
    assertEquals("buyer DISCOM BRPL is not allowed", r.getString("requests[0].error.message"));
    assertEquals(path, r.getString("requests[0].error.paths"));
    assertTrue(r.getBoolean("complete"));
  }

  @Test
  void anOnInitThatMovesTheBuyersLedgerOrDiscomIsRefused() {
    String txn = discovered("w2-ledger");
    Wave2Envelope init = init(txn, "w2-ledger");
    Wave2Envelope moved =
        Wave2SellerSide.answer(
            init,
            k -> {
              Wave2SellerSide.vpaTerms(k);
              for (JsonNode p : k.get("participants")) {
                if (p.path("id").asText().equals("BRPL")) {
                  ((ObjectNode) p.get("participantAttributes"))
                      .put("ledgerUri", "http://127.0.0.1:9999");
                }
              }
            });
    Wave2SellerSide.post(moved, TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("status", equalTo("NACK"))
        .body("error.errorCode", equalTo("50000"))
        .body(
            "error.paths",
            equalTo("message.contract.participants[2].participantAttributes.ledgerUri"));
    Wave2Envelope otherDiscom =
        Wave2SellerSide.answer(
            init,
            k -> {
              Wave2SellerSide.vpaTerms(k);
              for (JsonNode role : k.path("contractAttributes").get("roles")) {
                if (role.path("participantId").asText().equals("BRPL")) {
                  ((ObjectNode) role).put("participantId", "PVVNL");
                }
              }
              for (JsonNode p : k.get("participants")) {
                if (p.path("id").asText().equals("BRPL")) {
                  ((ObjectNode) p).put("id", "PVVNL");
                }
              }
            });
    Wave2SellerSide.post(otherDiscom, TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("error.errorCode", equalTo("50000"))
        .body("error.paths", equalTo("message.contract.participants[2].id"));
    JsonPath r = result(init.context().messageId());
    assertEquals(
        "ACKED", r.getString("requests[0].status"), "the refused on_init is not an answer");
    assertTrue(r.getList("callbacks").isEmpty(), "nothing of it is stored");
  }

  @Test
  void aConfirmTheSellerCouldNotRecordAtTheLedgerFailsClearly() {
    String txn = discovered("w2-ledger-down");
    Wave2Envelope init = init(txn, "w2-ledger-down");
    ack(Wave2SellerSide.answer(init, Wave2SellerSide::vpaTerms));
    answered(init.context().messageId());
    JsonPath c = async("confirm", Map.of("transactionId", txn));
    Wave2Envelope confirm = sent("confirm", c.getString("messageId"));
    ack(
        Wave2SellerSide.error(
            confirm,
            "DEG_ASYNC_ACK_TIMEOUT",
            "the seller DISCOM's ledger did not acknowledge the contract in time"));
    JsonPath r = answered(confirm.context().messageId());
    assertEquals("FAILED", r.getString("requests[0].status"));
    assertEquals("DEG_ASYNC_ACK_TIMEOUT", r.getString("requests[0].error.code"));
    assertTrue(r.getBoolean("complete"));
    assertEquals("DEG_ASYNC_ACK_TIMEOUT", r.getString("callbacks[0].error.code"));
  }

  private static JsonPath statement(String day) {
    return given()
        .get("/client/settlement/statement?from=" + day)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A transaction taken to an ACTIVE contract {@code contractId}; returns the confirm sent. */
  private static Wave2Envelope confirmed(String offerId, String contractId) {
    String txn = discovered(offerId);
    Wave2Envelope init = init(txn, offerId);
    ack(Wave2SellerSide.answer(init, Wave2SellerSide::vpaTerms));
    answered(init.context().messageId());
    Wave2Envelope confirm =
        sent("confirm", async("confirm", Map.of("transactionId", txn)).getString("messageId"));
    ack(
        Wave2SellerSide.answer(
            confirm,
            k -> {
              k.put("id", contractId);
              k.putObject("status").put("code", "ACTIVE");
            }));
    answered(confirm.context().messageId());
    return confirm;
  }

  @Test
  void theDiscomsAllocationsAndTheSettlementReachTheBuyersStatement() throws Exception {
    Wave2Envelope confirm = confirmed("w2-settle", "contract-w2-settle");
    String txn = confirm.context().transactionId();
    TradeContract tc = Wave2SellerSide.CODEC.contract(confirm.message());
    TradeOrder active =
        tc.order().withOrderId("contract-w2-settle").withStatus(TradeStatus.CONFIRMED);
    String trade = "contract-w2-settle/1";
    List<Allocation> allocations =
        List.of(
            new Allocation(
                trade,
                TradeSide.BUYER,
                "TEST_BRPL_M0009",
                new BigDecimal("4"),
                new BigDecimal("3.5")),
            new Allocation(
                trade,
                TradeSide.SELLER,
                "TEST_TPDDL_M0003",
                new BigDecimal("4"),
                new BigDecimal("4")));
    Currency inr = Currency.getInstance("INR");
    List<MoneyFlow> unbalanced =
        List.of(
            new MoneyFlow(Payee.BUYER_PLATFORM, new BigDecimal("-19.25"), inr),
            new MoneyFlow(Payee.SELLER_PLATFORM, new BigDecimal("19.00"), inr));
    Wave2SellerSide.post(
            Wave2SellerSide.onStatus(
                confirm,
                new TradeContract(
                    active,
                    tc.policy(),
                    tc.buyerLedger(),
                    tc.sellerLedger(),
                    allocations,
                    Map.of(trade, new BigDecimal("3.5")),
                    unbalanced)),
            TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("status", equalTo("NACK"))
        .body(
            "error.paths",
            containsString(
                "message.contract.consideration[0].considerationAttributes.revenueFlows"));

    List<MoneyFlow> flows =
        List.of(
            new MoneyFlow(Payee.BUYER_PLATFORM, new BigDecimal("-19.25"), inr),
            new MoneyFlow(Payee.SELLER_PLATFORM, new BigDecimal("19.25"), inr));
    ack(
        Wave2SellerSide.onStatus(
            confirm,
            new TradeContract(
                active,
                tc.policy(),
                tc.buyerLedger(),
                tc.sellerLedger(),
                allocations,
                Map.of(trade, new BigDecimal("3.5")),
                flows)));
    String day = LocalDate.ofInstant(active.lines().get(0).slot().start(), IST).toString();
    Poll.until(
        () ->
            statement(day).getList("trades.findAll { it.tradeId == '" + trade + "' }").size() == 1,
        WAIT,
        "the settled trade in the statement");
    JsonPath st = statement(day);
    String t = "trades.find { it.tradeId == '" + trade + "' }.";
    assertEquals(3.5f, st.getFloat(t + "buyerAllocatedKwh"), 0.0001f);
    assertEquals(4.0f, st.getFloat(t + "sellerAllocatedKwh"), 0.0001f);
    assertEquals(3.5f, st.getFloat(t + "settledKwh"), 0.0001f);
    String f = "revenueFlows.find { it.contractId == 'contract-w2-settle' }.";
    assertEquals(txn, st.getString(f + "transactionId"));
    assertEquals(TestPeers.peerId(), st.getString(f + "sellerPlatform"));
    assertEquals(List.of("BUYER_PLATFORM", "SELLER_PLATFORM"), st.getList(f + "flows.party"));
    assertEquals(-19.25f, st.getFloat(f + "flows[0].amount"), 0.0001f);
  }
}
