package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestPeers;

/**
 * Plays the wave-2 buyer platform against the seller under test: the network's DISCOMs and ledgers,
 * the node's wave-2 configuration, and signed requests built with the wave-2 codec.
 */
final class Wave2Buyer {

  static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";
  static final String SELLER_DISCOM = "TEST_DISCOM_SELLER";
  static final String BUYER_DISCOM = "TEST_DISCOM_BUYER";
  static final MeterPoint BUYER_METER = new MeterPoint("TEST_METER_BUYER_001", BUYER_DISCOM);
  static final PolicyReference POLICY =
      new PolicyReference("https://policy.test/p2p-trading", "data.deg.contracts.p2p_trading");
  private static final String PREFIX = "wave2-seller-test.";

  private Wave2Buyer() {}

  /**
   * The seller's wave-2 settings: the seller DISCOM's ledger is a {@link LedgerDouble}, the buyer
   * DISCOM's ledger is the node itself (its own ledger API), both at ports chosen here.
   */
  static Map<String, String> nodeConfig() {
    int nodePort = CallbackReceiver.freePort();
    int ledgerPort = CallbackReceiver.freePort();
    System.setProperty(PREFIX + "node.port", String.valueOf(nodePort));
    System.setProperty(PREFIX + "ledger.port", String.valueOf(ledgerPort));
    Map<String, String> c = new HashMap<>();
    c.put("quarkus.http.test-port", String.valueOf(nodePort));
    c.put("uei.wire", "wave1,wave2");
    c.put("uei.network-id", NETWORK);
    c.put("uei.bpp.wave2.policy-file", policyFile().toString());
    c.put("uei.bpp.wave2.policy-url", POLICY.url());
    c.put("uei.bpp.wave2.ledger-forward-timeout", "PT1S");
    for (LedgerProvider l : List.of(sellerLedger(), buyerLedger())) {
      String at = "uei.bpp.wave2.discoms." + l.discomId() + ".";
      c.put(at + "subscriber-id", l.discomSubscriberId());
      c.put(at + "uri", l.discomUri());
      c.put(at + "ledger-id", l.ledgerId());
      c.put(at + "ledger-uri", l.ledgerUri());
    }
    c.put("uei.bpp.ledger.enabled", "true");
    c.put("uei.bpp.ledger.discom-id", BUYER_DISCOM);
    c.put("uei.bpp.rules.test-network", "true");
    c.put("uei.bpp.rules.allowed-discoms", SELLER_DISCOM + "," + BUYER_DISCOM);
    c.put("uei.bpp.settlement.vpa", "seller-platform@upi");
    return c;
  }

  /**
   * The test network's policy: ledgers checked against the seller's DISCOM records; seller-side
   * wheeling and a shortfall penalty (binary-exact rates), so that settlements carry money to the
   * seller DISCOM and leave the buyer platform's flow at FINAL_ALLOC × price.
   */
  private static Path policyFile() {
    String json =
        """
        {
          "currencies": ["INR"],
          "charges": {"wheelingSellerPerKwh": 0.125, "penaltyPerKwh": 0.75},
          "environments": {
            "test": {
              "production": false,
              "networkIds": ["%s"],
              "approvedDiscoms": ["%s", "%s"],
              "applicableSellerDiscoms": ["%s"],
              "allowedBuyerDiscoms": ["%s"],
              "ledgerUrls": {"source": "registry"},
              "testMeterPrefix": "TEST_"
            }
          }
        }
        """
            .formatted(NETWORK, SELLER_DISCOM, BUYER_DISCOM, SELLER_DISCOM, BUYER_DISCOM);
    try {
      Path f = Files.createTempFile("wave2-policy", ".json");
      Files.writeString(f, json);
      f.toFile().deleteOnExit();
      return f;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static int ledgerPort() {
    return Integer.parseInt(System.getProperty(PREFIX + "ledger.port"));
  }

  static LedgerProvider sellerLedger() {
    return new LedgerProvider(
        SELLER_DISCOM,
        "seller-discom.test",
        "http://127.0.0.1:19",
        "seller-ledger.test",
        "http://127.0.0.1:" + System.getProperty(PREFIX + "ledger.port"));
  }

  static LedgerProvider buyerLedger() {
    return new LedgerProvider(
        BUYER_DISCOM,
        "buyer-discom.test",
        "http://127.0.0.1:29",
        "buyer-ledger.test",
        "http://127.0.0.1:" + System.getProperty(PREFIX + "node.port"));
  }

  static Wave2Contexts.Parties parties() {
    return new Wave2Contexts.Parties(
        NETWORK, TestPeers.peerId(), TestPeers.peerUrl(), TestPeers.nodeId(), TestPeers.nodeUrl());
  }

  static Wave2Envelope request(Wave2Action action, String transactionId, Wave2Message message) {
    return request(action, parties(), transactionId, message);
  }

  static Wave2Envelope request(
      Wave2Action action, Wave2Contexts.Parties parties, String txn, Wave2Message message) {
    ObjectNode context =
        Wave2Contexts.newRequest(
            action, parties, txn, Duration.ofSeconds(30), List.of(), Clock.systemUTC());
    return Wave2Envelope.of(context, message);
  }

  static Wave2Message discover(String expression) {
    ObjectNode m = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    ObjectNode filters = m.putObject("intent").putObject("filters");
    filters.put("type", "jsonpath").put("expression", expression);
    return Wave2Message.of(m);
  }

  /** The buyer's contract for {@code kwh} of {@code offer}, naming {@code ledgers}. */
  static Wave2Message contract(
      EnergyOffer offer, BigDecimal kwh, MeterPoint buyer, LedgerProvider... ledgers) {
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            TestPeers.peerId(),
            TestPeers.nodeId(),
            "TEST_CUST_BUYER_001",
            buyer,
            List.of(OrderLine.take(offer, kwh)));
    return new Wave2Codec(POLICY, List.of(ledgers)).orderMessage(order);
  }

  static Wave2Message contract(EnergyOffer offer, BigDecimal kwh) {
    return contract(offer, kwh, BUYER_METER, sellerLedger(), buyerLedger());
  }

  static Response post(Wave2Envelope e) {
    byte[] body = e.write();
    return given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/" + e.context().action());
  }
}
