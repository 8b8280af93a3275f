package org.uei.p2p.bap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * The buyer platform on IES wave 2, its client API unchanged: the test plays the seller platform
 * (and the network's discovery service) and checks what goes out on the wire and what the buyer app
 * reads back, on the happy path and on each refusal.
 */
@QuarkusTest
@QuarkusTestResource(value = Wave2TestNetwork.class, restrictToAnnotatedClass = true)
class Wave2BapTest {

  private static final Duration WAIT = Wave2Buyer.WAIT;
  private static CallbackReceiver seller;
  private static Wave2Buyer buyer;

  @BeforeAll
  static void start() {
    seller = CallbackReceiver.forPeer().start();
    buyer = new Wave2Buyer(seller);
  }

  @AfterAll
  static void stop() {
    if (seller != null) {
      seller.close();
    }
  }

  @Test
  void tradesAContractFromDiscoverToStatusOnWave2() throws Exception {
    JsonPath d = buyer.async("discover", Map.of());
    String mid = d.getString("messageId");
    Wave2Envelope discover = buyer.sent("discover", mid);
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
    buyer.ack(Wave2SellerSide.onDiscover(discover, List.of(Wave2Buyer.offer("w2-offer"))));
    JsonPath offers = buyer.answered(mid);
    assertEquals(
        "w2-offer",
        offers.getString("offers.find { it.bppId == '" + TestPeers.peerId() + "' }.offerId"));
    assertEquals("TPDDL", offers.getString("offers[0].sellerDiscomId"));

    String txn = d.getString("transactionId");
    Wave2Envelope init = buyer.init(txn, "w2-offer");
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

    buyer.ack(Wave2SellerSide.answer(init, Wave2SellerSide::vpaTerms));
    JsonPath onInit = buyer.answered(init.context().messageId());
    assertEquals("ANSWERED", onInit.getString("requests[0].status"));
    assertEquals("seller-platform@upi", onInit.getString("callbacks[0].summary.paymentTerms.vpa"));
    assertEquals("PENDING", onInit.getString("callbacks[0].summary.order.status"));
    assertEquals(22.0f, onInit.getFloat("callbacks[0].summary.order.orderValue"), 0.001f);

    JsonPath c = buyer.async("confirm", Map.of("transactionId", txn));
    Wave2Envelope confirm = buyer.sent("confirm", c.getString("messageId"));
    Contract toConfirm = confirm.message().contract();
    assertEquals(
        "seller-platform@upi",
        toConfirm.settlementTerm().orElseThrow().payTo().vpa(),
        "confirm accepts the seller's payment terms");
    assertEquals(
        Wave2TestNetwork.BRPL_LEDGER_URI,
        toConfirm.participantInRole("buyerDiscom").orElseThrow().ledgerProvider().ledgerUri());
    buyer.ack(
        Wave2SellerSide.answer(
            confirm,
            k -> {
              k.put("id", "contract-w2-1");
              k.putObject("status").put("code", "ACTIVE");
            }));
    JsonPath onConfirm = buyer.answered(confirm.context().messageId());
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
    buyer.ack(Wave2SellerSide.answer(statusRequest, k -> {}));
    JsonPath s = status.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(s.getBoolean("complete"));
    assertEquals("on_status", s.getString("callbacks[0].action"));
    assertEquals("contract-w2-1", s.getString("callbacks[0].summary.order.orderId"));
  }

  @Test
  void eachWireGetsTheFilterWrittenInItsOwnLanguage() throws Exception {
    String wave1 = "$[?(@.beckn:price.schema:price <= 7)]";
    String wave2 =
        "$.catalogs[*].offers[*] ? (@.offerAttributes.\"@type\" == \"EnergyTradeOffer\")";
    JsonPath d = buyer.async("discover", Map.of("filter", wave1, "wave2Filter", wave2));
    String mid = d.getString("messageId");
    Wave2Envelope toWave2 = buyer.sent("discover", mid);
    assertEquals(wave2, toWave2.message().intent().filterExpression());
    assertFalse(
        new String(toWave2.write(), java.nio.charset.StandardCharsets.UTF_8).contains("beckn:"),
        "no wave-1 filter on wave 2");
    JsonNode toWave1 =
        org.uei.p2p.model.json.BecknJson.readTree(
            seller
                .await(
                    r ->
                        r.action().equals("discover")
                            && r.bodyText().contains("\"message_id\":\"" + mid + "\""),
                    WAIT,
                    "wave-1 discover")
                .body());
    assertEquals(wave1, toWave1.at("/message/filters/expression").asText());

    // Wave 1's filter alone has no wave-2 meaning: refused before anything goes out.
    given()
        .contentType("application/json")
        .body(Map.of("filter", wave1))
        .post("/client/discover?mode=async")
        .then()
        .statusCode(400)
        .body("error", containsString("wave2Filter"));
  }

  @Test
  void aBuyerOfADiscomThisPlatformDoesNotServeIsRefusedBeforeAnythingGoesOut() {
    String txn = buyer.discovered("w2-unserved");
    int requestsBefore =
        given().get("/client/transactions/" + txn).jsonPath().getList("requests").size();
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "transactionId",
                txn,
                "bppId",
                TestPeers.peerId(),
                "buyer",
                Map.of("id", "buyer-u", "meterId", "TEST_PVVNL_M0001", "discomId", "PVVNL"),
                "items",
                List.of(Map.of("offerId", "w2-unserved", "quantityKwh", 2))))
        .post("/client/init?mode=async")
        .then()
        .statusCode(400)
        .body("error", containsString("uei.bap.wave2.discoms.PVVNL"));
    assertEquals(
        requestsBefore,
        given().get("/client/transactions/" + txn).jsonPath().getList("requests").size(),
        "no init was recorded or sent");
  }

  @Test
  void aContractPolicyRefusalReachesTheAppWithTheSellersCodeAndPath() {
    String txn = buyer.discovered("w2-blocked");
    String path = "message.contract.contractAttributes.roles[2].participantId";
    seller.answerNext(
        new CallbackReceiver.Answer(
            400,
            AckResponse.nack(BecknError.of("50000", "buyer DISCOM BRPL is not allowed", path))
                .toWave2Json(null)));
    Wave2Envelope init = buyer.init(txn, "w2-blocked");
    JsonPath r = buyer.answered(init.context().messageId());
    assertEquals("FAILED", r.getString("requests[0].status"));
    assertEquals("50000", r.getString("requests[0].error.code"));
    assertEquals("buyer DISCOM BRPL is not allowed", r.getString("requests[0].error.message"));
    assertEquals(path, r.getString("requests[0].error.paths"));
    assertTrue(r.getBoolean("complete"));
  }

  @Test
  void anOnInitThatMovesTheBuyersLedgerOrDiscomIsRefused() {
    String txn = buyer.discovered("w2-ledger");
    Wave2Envelope init = buyer.init(txn, "w2-ledger");
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
    JsonPath r = buyer.result(init.context().messageId());
    assertEquals(
        "ACKED", r.getString("requests[0].status"), "the refused on_init is not an answer");
    assertTrue(r.getList("callbacks").isEmpty(), "nothing of it is stored");
  }

  @Test
  void anAnswerOnTheOtherWireIsRefused() throws Exception {
    String txn = buyer.discovered("w2-wire");
    Wave2Envelope init = buyer.init(txn, "w2-wire");
    Context asWave1 =
        Contexts.newRequest(
            Action.INIT,
            new Contexts.Parties(
                TestNetwork.DOMAIN,
                TestPeers.nodeId(),
                TestPeers.nodeUrl(),
                TestPeers.peerId(),
                TestPeers.peerUrl()),
            txn,
            Duration.ofSeconds(30),
            Clock.systemUTC());
    asWave1.setMessageId(init.context().messageId());
    TradeOrder quoted = Wave2SellerSide.CODEC.contract(init.message()).order();
    SellerSide.post(
            SellerSide.answerOrder(asWave1, quoted, null, TradeStatus.PENDING),
            TestPeers.peerSigner())
        .then()
        .body("message.ack.status", equalTo("NACK"))
        .body("error.paths", equalTo("context"))
        .body("error.message", equalTo("the init went out on wave2, not on wave1"));
    assertEquals("ACKED", buyer.result(init.context().messageId()).getString("requests[0].status"));
  }

  @Test
  void aConfirmTheSellerCouldNotRecordAtTheLedgerFailsClearly() {
    String txn = buyer.discovered("w2-ledger-down");
    Wave2Envelope init = buyer.init(txn, "w2-ledger-down");
    buyer.ack(Wave2SellerSide.answer(init, Wave2SellerSide::vpaTerms));
    buyer.answered(init.context().messageId());
    JsonPath c = buyer.async("confirm", Map.of("transactionId", txn));
    Wave2Envelope confirm = buyer.sent("confirm", c.getString("messageId"));
    buyer.ack(
        Wave2SellerSide.error(
            confirm,
            "DEG_ASYNC_ACK_TIMEOUT",
            "the seller DISCOM's ledger did not acknowledge the contract in time"));
    JsonPath r = buyer.answered(confirm.context().messageId());
    assertEquals("FAILED", r.getString("requests[0].status"));
    assertEquals("DEG_ASYNC_ACK_TIMEOUT", r.getString("requests[0].error.code"));
    assertTrue(r.getBoolean("complete"));
    assertEquals("DEG_ASYNC_ACK_TIMEOUT", r.getString("callbacks[0].error.code"));
  }

  @Test
  void theDiscomsAllocationsAndTheSettlementReachTheBuyersStatement() throws Exception {
    Wave2Envelope confirm = buyer.confirmed("w2-settle", "contract-w2-settle");
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
    buyer.ack(
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
    String day =
        LocalDate.ofInstant(active.lines().get(0).slot().start(), Wave2Buyer.IST).toString();
    Poll.until(
        () ->
            buyer.statement(day).getList("trades.findAll { it.tradeId == '" + trade + "' }").size()
                == 1,
        WAIT,
        "the settled trade in the statement");
    JsonPath st = buyer.statement(day);
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

  /**
   * A transaction taken to ACTIVE contract {@code contractId} for {@code kwh} of each of {@code
   * offers}; returns the confirm sent.
   */
  private static Wave2Envelope activeContract(String contractId, int kwh, EnergyOffer... offers) {
    JsonPath d = buyer.async("discover", Map.of());
    Wave2Envelope discover = buyer.sent("discover", d.getString("messageId"));
    buyer.ack(Wave2SellerSide.onDiscover(discover, List.of(offers)));
    buyer.answered(d.getString("messageId"));
    String txn = d.getString("transactionId");
    List<Map<String, Object>> items = new java.util.ArrayList<>();
    for (EnergyOffer o : offers) {
      items.add(Map.of("offerId", o.offerId(), "quantityKwh", kwh));
    }
    JsonPath i =
        buyer.async(
            "init",
            Map.of(
                "transactionId",
                txn,
                "bppId",
                TestPeers.peerId(),
                "buyer",
                Wave2Buyer.BUYER,
                "items",
                items));
    Wave2Envelope init = buyer.sent("init", i.getString("messageId"));
    buyer.ack(Wave2SellerSide.answer(init, Wave2SellerSide::vpaTerms));
    buyer.answered(init.context().messageId());
    Wave2Envelope confirm =
        buyer.sent(
            "confirm", buyer.async("confirm", Map.of("transactionId", txn)).getString("messageId"));
    buyer.ack(
        Wave2SellerSide.answer(
            confirm,
            k -> {
              k.put("id", contractId);
              k.putObject("status").put("code", "ACTIVE");
            }));
    buyer.answered(confirm.context().messageId());
    return confirm;
  }

  /** The buyer's statement of {@code day} once it holds {@code trades} trades of {@code id}. */
  private static JsonNode statement(String day, String id, int trades) throws Exception {
    Poll.until(
        () ->
            buyer
                    .statement(day)
                    .getList("trades.findAll { it.tradeId.startsWith('" + id + "/') }")
                    .size()
                == trades,
        WAIT,
        "the contract's trades in the statement");
    String body =
        given().get("/client/settlement/statement?from=" + day).then().extract().asString();
    return org.uei.p2p.model.json.BecknJson.readTree(
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The ENERGY amounts of {@code id}'s trades in {@code st}, trade by trade. */
  private static List<BigDecimal> energy(JsonNode st, String id) {
    List<BigDecimal> out = new java.util.ArrayList<>();
    for (JsonNode t : st.get("trades")) {
      for (JsonNode l : t.get("lines")) {
        if (l.get("type").asText().equals("ENERGY")
            && t.get("tradeId").asText().startsWith(id + "/")) {
          out.add(l.get("amount").decimalValue());
        }
      }
    }
    return out;
  }

  @Test
  void aSettledContractsStatementNetsToItsRevenueFlowsToThePaisa() throws Exception {
    Wave2Envelope confirm =
        activeContract(
            "contract-w2-cut",
            3,
            Wave2Buyer.offer("w2-cut-a", "TEST_TPDDL_M0004", "4.55"),
            Wave2Buyer.offer("w2-cut-b", "TEST_TPDDL_M0005", "4.55"));
    TradeOrder active =
        Wave2SellerSide.CODEC
            .contract(confirm.message())
            .order()
            .withOrderId("contract-w2-cut")
            .withStatus(TradeStatus.CONFIRMED);
    TradeContract tc = Wave2SellerSide.CODEC.contract(confirm.message());
    BigDecimal three = new BigDecimal("3");
    BigDecimal settled = new BigDecimal("2.5");
    List<Allocation> allocations =
        List.of(
            new Allocation("contract-w2-cut/1", TradeSide.BUYER, "TEST_BRPL_M0009", three, settled),
            new Allocation(
                "contract-w2-cut/1", TradeSide.SELLER, "TEST_TPDDL_M0004", three, settled),
            new Allocation("contract-w2-cut/2", TradeSide.BUYER, "TEST_BRPL_M0009", three, three),
            new Allocation(
                "contract-w2-cut/2", TradeSide.SELLER, "TEST_TPDDL_M0005", three, settled));
    // What a seller platform charging seller-side wheeling ₹0.125/kWh and a ₹0.75/kWh shortfall
    // penalty sends (as the seller platform's own test has it): 5 kWh × ₹4.55 = ₹22.75, where
    // rounding each trade on its own would give 11.38 + 11.38.
    Currency inr = Currency.getInstance("INR");
    List<MoneyFlow> flows =
        List.of(
            new MoneyFlow(Payee.BUYER_PLATFORM, new BigDecimal("-22.75"), inr),
            new MoneyFlow(Payee.SELLER_PLATFORM, new BigDecimal("21.37"), inr),
            new MoneyFlow(Payee.BUYER_DISCOM, new BigDecimal("0.00"), inr),
            new MoneyFlow(Payee.SELLER_DISCOM, new BigDecimal("1.38"), inr));
    buyer.ack(
        Wave2SellerSide.onStatus(
            confirm,
            new TradeContract(
                active,
                tc.policy(),
                tc.buyerLedger(),
                tc.sellerLedger(),
                allocations,
                Map.of("contract-w2-cut/1", settled, "contract-w2-cut/2", settled),
                flows)));
    String day =
        LocalDate.ofInstant(active.lines().get(0).slot().start(), Wave2Buyer.IST).toString();
    JsonNode st = statement(day, "contract-w2-cut", 2);
    BigDecimal ours = BigDecimal.ZERO;
    BigDecimal all = BigDecimal.ZERO;
    List<BigDecimal> perTrade = new java.util.ArrayList<>();
    for (JsonNode t : st.get("trades")) {
      for (JsonNode l : t.get("lines")) {
        if (l.get("type").asText().equals("ENERGY")) {
          all = all.add(l.get("amount").decimalValue());
          if (t.get("tradeId").asText().startsWith("contract-w2-cut/")) {
            ours = ours.add(l.get("amount").decimalValue());
            perTrade.add(l.get("amount").decimalValue());
            assertEquals(0, settled.compareTo(t.get("settledKwh").decimalValue()));
          }
        }
      }
    }
    assertEquals(List.of(new BigDecimal("11.38"), new BigDecimal("11.37")), perTrade);
    assertEquals(0, new BigDecimal("22.75").compareTo(ours), "the buyer platform's flow");
    JsonNode net = st.get("netPositions").get(0);
    assertEquals(TestPeers.nodeId(), net.get("payerPlatformId").asText());
    assertEquals(TestPeers.peerId(), net.get("payeePlatformId").asText());
    assertEquals(0, all.compareTo(net.get("amount").decimalValue()), "nets every trade's energy");
  }

  @Test
  void aLedgersThirdDecimalIsSettledAsTheSellerSettlesIt() throws Exception {
    Wave2Envelope confirm =
        activeContract(
            "contract-w2-milli", 2, Wave2Buyer.offer("w2-milli", "TEST_TPDDL_M0006", "4.00"));
    TradeContract tc = Wave2SellerSide.CODEC.contract(confirm.message());
    TradeOrder active =
        tc.order().withOrderId("contract-w2-milli").withStatus(TradeStatus.CONFIRMED);
    String trade = "contract-w2-milli/1";
    BigDecimal two = new BigDecimal("2");
    BigDecimal drawn = new BigDecimal("1.234");
    // 1.234 kWh × ₹4.00 = ₹4.936, so ₹4.94; kept to two decimals it would be 1.23 kWh, ₹4.92.
    Currency inr = Currency.getInstance("INR");
    buyer.ack(
        Wave2SellerSide.onStatus(
            confirm,
            new TradeContract(
                active,
                tc.policy(),
                tc.buyerLedger(),
                tc.sellerLedger(),
                List.of(
                    new Allocation(trade, TradeSide.BUYER, "TEST_BRPL_M0009", two, drawn),
                    new Allocation(trade, TradeSide.SELLER, "TEST_TPDDL_M0006", two, two)),
                Map.of(trade, drawn),
                List.of(
                    new MoneyFlow(Payee.BUYER_PLATFORM, new BigDecimal("-4.94"), inr),
                    new MoneyFlow(Payee.SELLER_PLATFORM, new BigDecimal("4.94"), inr)))));
    String day =
        LocalDate.ofInstant(active.lines().get(0).slot().start(), Wave2Buyer.IST).toString();
    JsonNode st = statement(day, "contract-w2-milli", 1);
    assertEquals(List.of(new BigDecimal("4.94")), energy(st, "contract-w2-milli"));
    // The buyer drew less than the seller sent, but the contract policy's penalty is the seller's
    // (none here): no deviation line from this platform's profile.
    List<String> types = new java.util.ArrayList<>();
    for (JsonNode t : st.get("trades")) {
      if (t.get("tradeId").asText().equals(trade)) {
        t.get("lines").forEach(l -> types.add(l.get("type").asText()));
      }
    }
    assertEquals(List.of("ENERGY", "PLATFORM_FEE", "PLATFORM_FEE"), types);
  }
}
