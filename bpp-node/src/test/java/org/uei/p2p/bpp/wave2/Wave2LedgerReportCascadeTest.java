package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.codec.Wave2LedgerReport;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknSigner;

/**
 * The seller DISCOM's ledger reporting in its compact allocation report, and the seller platform
 * telling that ledger what it learns from the buyer side.
 */
@QuarkusTest
@TestProfile(Wave2Mode.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2LedgerReportCascadeTest extends Wave2NodeTest {

  private static Wave2Envelope onStatus(
      String txn, String senderId, String senderUri, Wave2Message message) {
    ObjectNode context =
        JsonNodeFactory.instance
            .objectNode()
            .put("networkId", Wave2Buyer.NETWORK)
            .put("version", "2.0.0")
            .put("action", "on_status")
            .put("bapId", TestPeers.nodeId())
            .put("bapUri", TestPeers.nodeUrl())
            .put("bppId", senderId)
            .put("bppUri", senderUri)
            .put("transactionId", txn)
            .put("messageId", UUID.randomUUID().toString())
            .put("timestamp", Instant.now().toString())
            .put("ttl", "PT30S");
    return Wave2Envelope.of(context, message);
  }

  private static Wave2Message report(String contractId, Wave2LedgerReport.Line... lines) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.set("contract", Wave2LedgerReport.write(contractId, List.of(lines)).toJson());
    return Wave2Message.of(m);
  }

  private static io.restassured.response.Response post(Wave2Envelope e, BecknSigner signer) {
    byte[] body = e.write();
    return given()
        .contentType("application/json")
        .header("Authorization", signer.authorization(body))
        .body(body)
        .post("/on_status");
  }

  @Test
  void theLedgersReportIsAcceptedForItsOwnLinesAndTheBuyerSideGoesBackToTheLedger()
      throws Exception {
    BecknSigner ledger = registerSellerLedger("report-k");
    sellerLedger.answering(true);
    EnergyOffer offer = discovered(publish("6.50", "5"));
    String txn = UUID.randomUUID().toString();
    TradeContract active = confirmed(offer, "2", txn);
    String contractId = active.order().orderId();
    assertTrue(
        sellerLedger.received().stream()
            .anyMatch(
                p ->
                    p.text().contains(txn)
                        && p.text().contains("\"clientReference\":\"" + contractId + "\"")),
        "the puts name the contract");
    Instant start = active.order().lines().get(0).slot().start();
    Instant end = active.order().lines().get(0).slot().end();
    String ledgerId = Wave2Buyer.sellerLedger().ledgerId();
    String ledgerUri = Wave2Buyer.sellerLedger().ledgerUri();

    // Lines that are not this contract's trades, or more than was traded, are refused.
    var noSuchLine =
        post(
            onStatus(txn, ledgerId, ledgerUri, report(contractId, line("2", start, end, "1"))),
            ledger);
    assertEquals(400, noSuchLine.statusCode(), noSuchLine.asString());
    assertEquals(
        "message.contract.commitments[0].id", noSuchLine.jsonPath().getString("error.paths"));
    var otherWindow =
        post(
            onStatus(
                txn,
                ledgerId,
                ledgerUri,
                report(contractId, line("1", end, end.plusSeconds(3600), "1"))),
            ledger);
    assertEquals(400, otherWindow.statusCode(), otherWindow.asString());
    var tooMuch =
        post(
            onStatus(txn, ledgerId, ledgerUri, report(contractId, line("1", start, end, "2.5"))),
            ledger);
    assertEquals(400, tooMuch.statusCode(), tooMuch.asString());
    // Only the seller DISCOM's ledger reports in this shape.
    var fromBuyer =
        post(
            onStatus(
                txn,
                TestPeers.peerId(),
                TestPeers.peerUrl(),
                report(contractId, line("1", start, end, "1"))),
            TestPeers.peerSigner());
    assertEquals(400, fromBuyer.statusCode(), fromBuyer.asString());

    var ok =
        post(
            onStatus(txn, ledgerId, ledgerUri, report(contractId, line("1", start, end, "1.8"))),
            ledger);
    assertEquals(200, ok.statusCode(), ok.asString());
    Wave2Envelope passedOn =
        Wave2Envelope.parse(
            buyerPlatform
                .await(
                    r ->
                        r.action().equals("on_status")
                            && r.bodyText().contains(txn)
                            && r.bodyText().contains("SELLER_DISCOM_ALLOC"),
                    WAIT,
                    "the seller figures passed on")
                .body());
    TradeContract withSeller = read(passedOn);
    assertEquals(1, withSeller.allocations().size());
    assertEquals(
        0, new BigDecimal("1.8").compareTo(withSeller.allocations().get(0).allocatedKwh()));

    // The buyer side completes the contract: the settled contract goes to the buyer platform
    // and to the seller DISCOM's ledger, which cannot learn the buyer side otherwise.
    var buyerSide =
        post(
            onStatus(
                txn,
                TestPeers.peerId(),
                TestPeers.peerUrl(),
                new Wave2Codec(Wave2Buyer.POLICY, List.of())
                    .contractMessage(
                        new TradeContract(
                            active.order(),
                            active.policy(),
                            active.buyerLedger(),
                            active.sellerLedger(),
                            List.of(
                                new Allocation(
                                    contractId + "/1",
                                    TradeSide.BUYER,
                                    Wave2Buyer.BUYER_METER.meterId(),
                                    new BigDecimal("2"),
                                    new BigDecimal("1.5"))),
                            Map.of(),
                            List.of()))),
            TestPeers.peerSigner());
    assertEquals(200, buyerSide.statusCode(), buyerSide.asString());
    Poll.until(
        () ->
            sellerLedger.onStatus().stream()
                .anyMatch(p -> p.text().contains(txn) && p.text().contains("FINAL_ALLOC")),
        WAIT,
        "the settled contract at the seller DISCOM's ledger");
    Wave2Envelope told =
        Wave2Envelope.parse(
            sellerLedger.onStatus().stream()
                .filter(p -> p.text().contains(txn) && p.text().contains("FINAL_ALLOC"))
                .findFirst()
                .orElseThrow()
                .body());
    assertEquals(ledgerId, told.context().bapId());
    assertEquals(TestPeers.nodeId(), told.context().bppId());
    assertEquals(0, new BigDecimal("1.5").compareTo(read(told).finalKwh().get(contractId + "/1")));
  }

  private static Wave2LedgerReport.Line line(String item, Instant start, Instant end, String kwh) {
    return new Wave2LedgerReport.Line(
        item, TradeSide.SELLER, start, end, new BigDecimal(kwh), Wave2LedgerReport.COMPLETED);
  }
}
