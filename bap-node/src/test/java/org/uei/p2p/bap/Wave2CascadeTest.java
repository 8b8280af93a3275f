package org.uei.p2p.bap;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2LedgerReport;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;

/**
 * The buyer platform in the wave-2 allocation cascade: the test plays the seller platform and both
 * DISCOMs' ledger providers, and checks what the buyer platform sends each of them, signed, and
 * what it refuses.
 */
@QuarkusTest
@QuarkusTestResource(value = Wave2TestNetwork.class, restrictToAnnotatedClass = true)
class Wave2CascadeTest {

  static final Duration WAIT = Wave2Buyer.WAIT;
  static final String BRPL_LEDGER = "ledger.brpl.test";

  private static CallbackReceiver seller;
  private static CallbackReceiver brplLedger;
  private static Wave2Buyer buyer;

  @Inject CallbackOutbox outbox;

  @BeforeAll
  static void start() {
    seller = CallbackReceiver.forPeer().start();
    brplLedger =
        CallbackReceiver.onPort(URI.create(Wave2TestNetwork.BRPL_LEDGER_URI).getPort()).start();
    buyer = new Wave2Buyer(seller);
  }

  @AfterAll
  static void stop() {
    if (seller != null) {
      seller.close();
    }
    if (brplLedger != null) {
      brplLedger.close();
    }
  }

  @Test
  void theSellersFiguresAndTheSettlementArePassedOnToTheBuyersLedgerOnce() throws Exception {
    String id = "contract-w2c-pass";
    Wave2Envelope confirm = buyer.confirmed("w2c-pass", id);
    String txn = confirm.context().transactionId();
    String trade = id + "/1";
    Allocation sellerSide = allocation(trade, TradeSide.SELLER, "TEST_TPDDL_M0003", "3.75");
    Wave2Envelope first = Wave2SellerSide.onStatus(confirm, contract(confirm, id, sellerSide));
    buyer.ack(first);

    CallbackReceiver.Received r = atLedger(id, "SELLER_DISCOM_ALLOC");
    Wave2Envelope passed = signedByThisPlatform(r);
    assertEquals(BRPL_LEDGER, passed.context().bapId());
    assertEquals(Wave2TestNetwork.BRPL_LEDGER_URI, passed.context().bapUri());
    assertEquals(TestPeers.nodeId(), passed.context().bppId());
    assertEquals(txn, passed.context().transactionId());
    assertNotEquals(first.context().messageId(), passed.context().messageId());
    TradeContract seen = Wave2SellerSide.CODEC.contract(passed.message());
    assertEquals(id, seen.order().orderId());
    assertEquals(List.of(sellerSide), seen.allocations(), "the seller's figures as it sent them");
    assertTrue(SellerPolicy.refusal(passed).isEmpty(), "the network policy passes it: " + passed);

    // The same report again (a new message id) is not passed on again.
    Wave2Envelope again = Wave2SellerSide.onStatus(confirm, contract(confirm, id, sellerSide));
    buyer.ack(again);
    handled(again);

    Allocation buyerSide = allocation(trade, TradeSide.BUYER, "TEST_BRPL_M0009", "3.5");
    Currency inr = Currency.getInstance("INR");
    TradeContract settled =
        contract(
            confirm,
            id,
            List.of(buyerSide, sellerSide),
            Map.of(trade, new BigDecimal("3.5")),
            List.of(
                new MoneyFlow(Payee.BUYER_PLATFORM, new BigDecimal("-19.25"), inr),
                new MoneyFlow(Payee.SELLER_PLATFORM, new BigDecimal("19.25"), inr)));
    Wave2Envelope settlement = Wave2SellerSide.onStatus(confirm, settled);
    buyer.ack(settlement);
    Wave2Envelope last = signedByThisPlatform(atLedger(id, "FINAL_ALLOC"));
    TradeContract lastSeen = Wave2SellerSide.CODEC.contract(last.message());
    assertEquals(0, new BigDecimal("3.5").compareTo(lastSeen.finalKwh().get(trade)));
    assertEquals(2, lastSeen.revenueFlows().size());
    handled(settlement);

    List<String> toLedger =
        outbox.byTransaction(txn).stream()
            .filter(e -> e.recipientId.equals(BRPL_LEDGER))
            .map(e -> e.messageId)
            .toList();
    assertEquals(2, toLedger.size(), "the seller's figures once, the settlement once");
    assertTrue(
        outbox.byTransaction(txn).stream().noneMatch(e -> e.recipientId.equals(TestPeers.peerId())),
        "nothing goes back to the seller platform");
  }

  @Test
  void theBuyerLedgersReportIsKeptAndRelayedToTheSellerPlatformOnce() throws Exception {
    String id = "contract-w2c-relay";
    Wave2Envelope confirm = buyer.confirmed("w2c-relay", id);
    String txn = confirm.context().transactionId();
    Wave2Envelope report = report(confirm, id, "BRPL", line("1", TradeSide.BUYER, confirm, "3.5"));
    post(report, "BRPL").then().statusCode(200).body("status", equalTo("ACK"));

    CallbackReceiver.Received r =
        seller.await(
            x ->
                x.action().equals("on_status")
                    && x.bodyText().contains("\"" + id + "\"")
                    && x.bodyText().contains("BUYER_DISCOM_ALLOC"),
            WAIT,
            "the relayed report at the seller platform");
    Wave2Envelope relayed = signedByThisPlatform(r);
    assertEquals(TestPeers.peerId(), relayed.context().bapId());
    assertEquals(TestPeers.peerUrl(), relayed.context().bapUri());
    assertEquals(TestPeers.nodeId(), relayed.context().bppId());
    assertEquals(txn, relayed.context().transactionId());
    assertNotEquals(report.context().messageId(), relayed.context().messageId());
    // The contract as confirmed, with the buyer DISCOM's figure in the trade's interval: what the
    // seller platform reads with its codec.
    TradeContract tc = Wave2SellerSide.CODEC.contract(relayed.message());
    assertEquals(id, tc.order().orderId());
    assertEquals(
        List.of(allocation(id + "/1", TradeSide.BUYER, "TEST_BRPL_M0009", "3.5")),
        tc.allocations());
    assertEquals("ACTIVE", relayed.message().contract().statusCode());
    assertEquals(
        "seller-platform@upi",
        relayed.message().contract().settlementTerm().orElseThrow().payTo().vpa());
    assertTrue(
        SellerPolicy.refusal(relayed).isEmpty(),
        "the seller's network and contract policy pass it: " + SellerPolicy.refusal(relayed));

    // The same message again is a replay; the same figure in a new message adds nothing.
    post(report, "BRPL").then().statusCode(not(equalTo(500)));
    Wave2Envelope same = report(confirm, id, "BRPL", line("1", TradeSide.BUYER, confirm, "3.50"));
    post(same, "BRPL").then().statusCode(200).body("status", equalTo("ACK"));
    handled(same);
    assertEquals(
        1,
        outbox.byTransaction(txn).stream()
            .filter(e -> e.recipientId.equals(TestPeers.peerId()) && e.action.equals("on_status"))
            .count(),
        "relayed once");
    // A different figure later is refused.
    post(report(confirm, id, "BRPL", line("1", TradeSide.BUYER, confirm, "3.25")), "BRPL")
        .then()
        .statusCode(400)
        .body("status", equalTo("NACK"))
        .body("error.errorCode", equalTo("30000"))
        .body("error.paths", equalTo("message.contract.commitments[0]"))
        .body("error.errorMessage", containsString("3.5"));
    // Nor does the seller platform get to change the buyer DISCOM's figure.
    Allocation altered = allocation(id + "/1", TradeSide.BUYER, "TEST_BRPL_M0009", "3");
    Wave2SellerSide.post(
            Wave2SellerSide.onStatus(confirm, contract(confirm, id, altered)),
            TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("error.paths", equalTo("message.contract.commitments"))
        .body("error.errorMessage", containsString("the buyer DISCOM's ledger reported"));
    assertTrue(
        brplLedger.received().stream().noneMatch(x -> x.bodyText().contains("\"" + id + "\"")),
        "the ledger's own figures never go back to it");
  }

  @Test
  void reportsThatAreNotTheBuyerLedgersToMakeAreRefused() throws Exception {
    String id = "contract-w2c-refused";
    Wave2Envelope confirm = buyer.confirmed("w2c-refused", id);
    // The seller DISCOM's ledger does not report the buyer side.
    post(report(confirm, id, "TPDDL", line("1", TradeSide.BUYER, confirm, "2")), "TPDDL")
        .then()
        .statusCode(400)
        .body("error.errorCode", equalTo("30000"))
        .body("error.paths", equalTo("context.bppId"));
    // Above the 4 kWh traded.
    post(report(confirm, id, "BRPL", line("1", TradeSide.BUYER, confirm, "4.5")), "BRPL")
        .then()
        .statusCode(400)
        .body("error.paths", equalTo("message.contract.commitments[0]"))
        .body("error.errorMessage", containsString("4 kWh traded"));
    // A trade the contract does not have.
    post(report(confirm, id, "BRPL", line("2", TradeSide.BUYER, confirm, "1")), "BRPL")
        .then()
        .statusCode(400)
        .body("error.errorCode", equalTo("30004"))
        .body("error.paths", equalTo("message.contract.commitments[0]"));
    // The seller side is not the buyer DISCOM's ledger's to report.
    post(report(confirm, id, "BRPL", line("1", TradeSide.SELLER, confirm, "1")), "BRPL")
        .then()
        .statusCode(400)
        .body("error.paths", equalTo("message.contract.commitments[0]"));
    // A contract this platform never had confirmed.
    post(
            report(confirm, "contract-unknown", "BRPL", line("1", TradeSide.BUYER, confirm, "1")),
            "BRPL")
        .then()
        .statusCode(400)
        .body("error.errorCode", equalTo("30010"))
        .body("error.paths", equalTo("message.contract.id"));
    assertTrue(
        seller.received().stream()
            .noneMatch(x -> x.action().equals("on_status") && x.bodyText().contains(id)),
        "nothing refused is relayed");
  }

  /**
   * A line of the ledger's report for trade {@code item} of the contract {@code confirm} drafted.
   */
  static Wave2LedgerReport.Line line(String item, TradeSide side, Wave2Envelope confirm, String kwh)
      throws Exception {
    var slot = Wave2SellerSide.CODEC.contract(confirm.message()).order().lines().get(0).slot();
    return new Wave2LedgerReport.Line(
        item, side, slot.start(), slot.end(), new BigDecimal(kwh), Wave2LedgerReport.COMPLETED);
  }

  /** The allocation report of DISCOM {@code code}'s ledger about {@code contractId}. */
  static Wave2Envelope report(
      Wave2Envelope confirm, String contractId, String code, Wave2LedgerReport.Line... lines) {
    String ledger = "ledger." + code.toLowerCase(java.util.Locale.ROOT) + ".test";
    ObjectNode c =
        JsonNodeFactory.instance
            .objectNode()
            .put("networkId", Wave2TestNetwork.NETWORK)
            .put("version", "2.0.0")
            .put("action", "on_status")
            .put("bapId", TestPeers.nodeId())
            .put("bapUri", TestPeers.nodeUrl())
            .put("bppId", ledger)
            .put(
                "bppUri",
                code.equals("BRPL")
                    ? Wave2TestNetwork.BRPL_LEDGER_URI
                    : Wave2TestNetwork.TPDDL_LEDGER_URI)
            .put("transactionId", confirm.context().transactionId())
            .put("messageId", UUID.randomUUID().toString())
            .put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
            .put("ttl", "PT30S");
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.set("contract", Wave2LedgerReport.write(contractId, List.of(lines)).toJson());
    return Wave2Envelope.of(c, Wave2Message.of(m));
  }

  static Response post(Wave2Envelope report, String code) {
    return Wave2SellerSide.post(report, Wave2TestNetwork.ledgerSigner(code));
  }

  static Allocation allocation(String trade, TradeSide side, String meter, String kwh) {
    return new Allocation(trade, side, meter, new BigDecimal("4"), new BigDecimal(kwh));
  }

  /** The contract of {@code confirm}, ACTIVE as {@code id}, with these figures. */
  static TradeContract contract(
      Wave2Envelope confirm,
      String id,
      List<Allocation> allocations,
      Map<String, BigDecimal> finals,
      List<MoneyFlow> flows)
      throws Exception {
    TradeContract tc = Wave2SellerSide.CODEC.contract(confirm.message());
    TradeOrder active = tc.order().withOrderId(id).withStatus(TradeStatus.CONFIRMED);
    return new TradeContract(
        active, tc.policy(), tc.buyerLedger(), tc.sellerLedger(), allocations, finals, flows);
  }

  static TradeContract contract(Wave2Envelope confirm, String id, Allocation allocation)
      throws Exception {
    return contract(confirm, id, List.of(allocation), Map.of(), List.of());
  }

  /** The on_status about contract {@code id} carrying {@code payload} the ledger received. */
  static CallbackReceiver.Received atLedger(String id, String payload) {
    return brplLedger.await(
        r ->
            r.action().equals("on_status")
                && r.bodyText().contains("\"" + id + "\"")
                && r.bodyText().contains(payload),
        WAIT,
        "on_status with " + payload + " at the buyer DISCOM's ledger");
  }

  /** The received message, after checking it is signed by the buyer platform over its bytes. */
  static Wave2Envelope signedByThisPlatform(CallbackReceiver.Received r) throws Exception {
    var verifier =
        BecknVerifier.of(
            StaticKeyResolver.builder()
                .add(TestPeers.nodeId(), "k1", TestPeers.nodePublicKey())
                .build());
    var v = verifier.verify(r.header("Authorization"), r.body(), TestPeers.nodeId());
    assertTrue(v.valid(), "signed by the buyer platform: " + v);
    return Wave2SellerSide.parse(r);
  }

  /** Waits until the buyer platform has handled {@code m} (stored, ACKed, then processed). */
  static void handled(Wave2Envelope m) {
    Poll.until(
        () ->
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        StoredMessage.byMessageId(m.context().messageId()).stream()
                            .anyMatch(s -> s.handledAt != null)),
        WAIT,
        "the buyer platform to handle " + m.context().messageId());
  }
}
