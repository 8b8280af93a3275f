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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknSigner;

/**
 * The DISCOMs' allocations reaching the seller platform in on_status, and the settlement they
 * complete.
 */
@QuarkusTest
@TestProfile(Wave2Mode.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2CascadeTest extends Wave2NodeTest {

  /** An on_status to the seller platform from {@code senderId} at {@code senderUri}. */
  private static Wave2Envelope onStatus(
      String txn, String senderId, String senderUri, TradeContract tc) {
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
            .put("timestamp", java.time.Instant.now().toString())
            .put("ttl", "PT30S");
    return Wave2Envelope.of(
        context, new Wave2Codec(Wave2Buyer.POLICY, List.of()).contractMessage(tc));
  }

  private static TradeContract withAllocation(TradeContract active, Allocation a) {
    return new TradeContract(
        active.order(),
        active.policy(),
        active.buyerLedger(),
        active.sellerLedger(),
        List.of(a),
        Map.of(),
        List.of());
  }

  /**
   * The on_status of {@code sender} reporting {@code side}'s allocation of the contract's trade.
   */
  private static Wave2Envelope report(
      String txn, TradeContract active, TradeSide side, String sender, String kwh) {
    String trade = active.order().orderId() + "/1";
    String meter =
        side == TradeSide.BUYER
            ? Wave2Buyer.BUYER_METER.meterId()
            : active.order().lines().get(0).seller().meterId();
    String uri =
        sender.equals(Wave2Buyer.sellerLedger().ledgerId())
            ? Wave2Buyer.sellerLedger().ledgerUri()
            : TestPeers.peerUrl();
    BigDecimal allocated = new BigDecimal(kwh);
    // Claiming more than was traded takes claiming a bigger trade: the model allows no less.
    BigDecimal traded = active.order().lines().get(0).quantityKwh().max(allocated);
    return onStatus(
        txn,
        sender,
        uri,
        withAllocation(active, new Allocation(trade, side, meter, traded, allocated)));
  }

  /** The next on_status the buyer platform gets in {@code txn} that mentions {@code marker}. */
  private static Wave2Envelope onStatusTo(String txn, String marker) throws Exception {
    return Wave2Envelope.parse(
        buyerPlatform
            .await(
                r ->
                    r.action().equals("on_status")
                        && r.bodyText().contains(txn)
                        && r.bodyText().contains(marker),
                WAIT,
                "on_status with " + marker)
            .body());
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
  void bothDiscomsAllocationsSettleTheContractOnceWithRevenueFlowsSummingToZero() throws Exception {
    BecknSigner ledger = registerSellerLedger("k1");
    sellerLedger.answering(true);
    EnergyOffer offer = discovered(publish("6.50", "5"));
    String txn = UUID.randomUUID().toString();
    TradeContract active = confirmed(offer, "2", txn);
    String trade = active.order().orderId() + "/1";

    // A participant outside the contract cannot report an allocation.
    var intruder =
        post(
            report(txn, active, TradeSide.BUYER, TestPeers.intruderId(), "1"),
            TestPeers.intruderSigner());
    assertEquals(400, intruder.statusCode(), intruder.asString());

    // The seller DISCOM's ledger reports its side; the seller platform passes it to the buyer.
    var fromLedger =
        post(
            report(txn, active, TradeSide.SELLER, Wave2Buyer.sellerLedger().ledgerId(), "1.8"),
            ledger);
    assertEquals(200, fromLedger.statusCode(), fromLedger.asString());
    TradeContract passedOn = read(onStatusTo(txn, "SELLER_DISCOM_ALLOC"));
    assertEquals(1, passedOn.allocations().size());
    assertEquals(0, new BigDecimal("1.8").compareTo(passedOn.allocations().get(0).allocatedKwh()));
    assertTrue(passedOn.finalKwh().isEmpty(), "not final before the buyer side is in");

    // More than was traded is refused.
    var tooMuch =
        post(report(txn, active, TradeSide.BUYER, TestPeers.peerId(), "3"), TestPeers.peerSigner());
    assertEquals(400, tooMuch.statusCode(), tooMuch.asString());

    // The buyer platform brings the buyer DISCOM's side: the contract settles.
    var fromBuyer =
        post(
            report(txn, active, TradeSide.BUYER, TestPeers.peerId(), "1.5"),
            TestPeers.peerSigner());
    assertEquals(200, fromBuyer.statusCode(), fromBuyer.asString());
    Wave2Envelope settled = onStatusTo(txn, "FINAL_ALLOC");
    TradeContract s = read(settled);
    assertEquals(0, new BigDecimal("1.5").compareTo(s.finalKwh().get(trade)));
    var flows = settled.message().contract().revenueFlow().orElseThrow().revenueFlows();
    BigDecimal sum = BigDecimal.ZERO;
    for (var f : flows) {
      sum = sum.add(f.value());
    }
    assertEquals(0, sum.signum(), "the flows sum to zero");
    assertEquals(
        0,
        new BigDecimal("-9.75")
            .compareTo(
                flows.stream()
                    .filter(f -> "buyerPlatform".equals(f.role()))
                    .findFirst()
                    .orElseThrow()
                    .value()),
        "the buyer platform pays FINAL_ALLOC × price");
  }

  /**
   * The two sides' reports of a contract come at once from different senders. Each is handled in
   * its own transaction; whichever completes the contract must see the other's allocation, so every
   * contract settles, once.
   */
  @Test
  void bothSidesReportedAtOnceSettleEveryContract() throws Exception {
    BecknSigner ledger = registerSellerLedger("k1");
    sellerLedger.answering(true);
    EnergyOffer offer = discovered(publish("6.50", "8"));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 4; i++) {
        String txn = UUID.randomUUID().toString();
        TradeContract active = confirmed(offer, "2", txn);
        String trade = active.order().orderId() + "/1";
        Wave2Envelope seller =
            report(txn, active, TradeSide.SELLER, Wave2Buyer.sellerLedger().ledgerId(), "1.8");
        Wave2Envelope buyer = report(txn, active, TradeSide.BUYER, TestPeers.peerId(), "1.5");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        var a = pool.submit(() -> together.await() >= 0 ? post(seller, ledger) : null);
        var b =
            pool.submit(() -> together.await() >= 0 ? post(buyer, TestPeers.peerSigner()) : null);
        assertEquals(200, a.get().statusCode(), a.get().asString());
        assertEquals(200, b.get().statusCode(), b.get().asString());
        TradeContract settled = read(onStatusTo(txn, "FINAL_ALLOC"));
        assertEquals(0, new BigDecimal("1.5").compareTo(settled.finalKwh().get(trade)), txn);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
