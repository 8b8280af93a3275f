package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknSigner;

/**
 * A settled wave-2 contract in the seller platform's settlement statement, its monthly DISCOM
 * billing file and its DRE report, with the money of the revenue flows it settled with.
 */
@QuarkusTest
@TestProfile(Wave2Mode.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2StatementTest extends Wave2NodeTest {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  private static Wave2Envelope onStatus(
      String txn, String senderId, String senderUri, TradeContract active, List<Allocation> a) {
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
    TradeContract tc =
        new TradeContract(
            active.order(),
            active.policy(),
            active.buyerLedger(),
            active.sellerLedger(),
            a,
            Map.of(),
            List.of());
    return Wave2Envelope.of(
        context, new Wave2Codec(Wave2Buyer.POLICY, List.of()).contractMessage(tc));
  }

  private static void post(Wave2Envelope e, BecknSigner signer) {
    byte[] body = e.write();
    var r =
        given()
            .contentType("application/json")
            .header("Authorization", signer.authorization(body))
            .body(body)
            .post("/on_status");
    assertEquals(200, r.statusCode(), r.asString());
  }

  private static JsonNode json(String path) throws Exception {
    String body = given().get(path).then().statusCode(200).extract().asString();
    return BecknJson.readTree(body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<JsonNode> find(JsonNode array, Predicate<JsonNode> which) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(
        n -> {
          if (which.test(n)) {
            out.add(n);
          }
        });
    return out;
  }

  /** Amounts of the lines of {@code trade} of {@code type} paid by {@code payer}. */
  private static BigDecimal amount(JsonNode trade, String type, String payer) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode l : trade.path("lines")) {
      if (l.path("type").asText().equals(type) && l.path("payer").asText().equals(payer)) {
        sum = sum.add(l.get("amount").decimalValue());
      }
    }
    return sum;
  }

  private static void same(String expected, BigDecimal actual, String what) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual);
  }

  @Test
  void aSettledContractIsInTheStatementTheBillAndTheDreReportWithItsFlowsMoney() throws Exception {
    BecknSigner ledger = registerSellerLedger("statement-k");
    sellerLedger.answering(true);
    Instant slot = TradingRules.ies().firstTradableSlot(Instant.now());
    EnergyOffer first = discovered(publish(slot, "4.55", "3"));
    EnergyOffer second = discovered(publish(slot, "4.55", "3"));
    MeterPoint buyerMeter =
        new MeterPoint(
            "TEST_METER_BUYER_" + UUID.randomUUID().toString().substring(0, 8),
            Wave2Buyer.BUYER_DISCOM);
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            TestPeers.peerId(),
            TestPeers.nodeId(),
            "TEST_CUST_STATEMENT",
            buyerMeter,
            List.of(
                OrderLine.take(first, new BigDecimal("3")),
                OrderLine.take(second, new BigDecimal("3"))));
    String txn = UUID.randomUUID().toString();
    Wave2Envelope confirm =
        send(
            Wave2Buyer.request(
                Wave2Action.CONFIRM,
                txn,
                new Wave2Codec(
                        Wave2Buyer.POLICY,
                        List.of(Wave2Buyer.sellerLedger(), Wave2Buyer.buyerLedger()))
                    .orderMessage(order)));
    TradeContract active = read(callback("on_confirm", confirm));
    String id = active.order().orderId();
    String t1 = id + "/1";
    String t2 = id + "/2";
    String m1 = active.order().lines().get(0).seller().meterId();
    String m2 = active.order().lines().get(1).seller().meterId();
    BigDecimal three = new BigDecimal("3");

    // Each seller meter delivered 2.5 of 3 kWh; the buyer drew 2.5 and 3: FINAL_ALLOC 2.5 each.
    post(
        onStatus(
            txn,
            Wave2Buyer.sellerLedger().ledgerId(),
            Wave2Buyer.sellerLedger().ledgerUri(),
            active,
            List.of(
                new Allocation(t1, TradeSide.SELLER, m1, three, new BigDecimal("2.5")),
                new Allocation(t2, TradeSide.SELLER, m2, three, new BigDecimal("2.5")))),
        ledger);
    post(
        onStatus(
            txn,
            TestPeers.peerId(),
            TestPeers.peerUrl(),
            active,
            List.of(
                new Allocation(
                    t1, TradeSide.BUYER, buyerMeter.meterId(), three, new BigDecimal("2.5")),
                new Allocation(t2, TradeSide.BUYER, buyerMeter.meterId(), three, three))),
        TestPeers.peerSigner());
    Wave2Envelope settled =
        Wave2Envelope.parse(
            buyerPlatform
                .await(
                    r ->
                        r.action().equals("on_status")
                            && r.bodyText().contains(txn)
                            && r.bodyText().contains("FINAL_ALLOC"),
                    WAIT,
                    "the settled contract")
                .body());
    Map<String, BigDecimal> flows = new HashMap<>();
    settled
        .message()
        .contract()
        .revenueFlow()
        .orElseThrow()
        .revenueFlows()
        .forEach(f -> flows.put(f.role(), f.value()));
    // 2 × 2.5 kWh × ₹4.55 = ₹22.75 (rounded trade by trade it would be 11.38 + 11.38 = 22.76);
    // seller-side wheeling 5 kWh × 0.125 = 0.63, penalty 1 kWh short × 0.75 = 0.75.
    same("-22.75", flows.get("buyerPlatform"), "buyer platform's flow");
    same("21.37", flows.get("sellerPlatform"), "seller platform's flow");
    same("1.38", flows.get("sellerDiscom"), "seller DISCOM's flow");
    same("0", flows.get("buyerDiscom"), "buyer DISCOM's flow");

    LocalDate day = LocalDate.ofInstant(slot, IST);
    JsonNode st =
        json(
            "/provider/settlement/statement?from="
                + day
                + "&to="
                + day
                + "&counterparty="
                + TestPeers.peerId());
    List<JsonNode> ours = find(st.get("trades"), t -> t.get("tradeId").asText().startsWith(id));
    assertEquals(2, ours.size(), "both trades of the contract: " + st);
    assertEquals(t1, ours.get(0).get("tradeId").asText());
    BigDecimal energy = BigDecimal.ZERO;
    BigDecimal toSellerDiscom = BigDecimal.ZERO;
    for (JsonNode t : ours) {
      same("2.5", t.get("settledKwh").decimalValue(), "settled kWh");
      same("3", t.get("contractedKwh").decimalValue(), "contracted kWh");
      assertEquals(TestPeers.peerId(), t.get("buyerPlatformId").asText());
      energy = energy.add(amount(t, "ENERGY", "BUYER"));
      toSellerDiscom =
          toSellerDiscom.add(amount(t, "WHEELING", "SELLER")).add(amount(t, "DEVIATION", "SELLER"));
    }
    same("11.38", amount(ours.get(0), "ENERGY", "BUYER"), "energy of trade 1");
    same("11.37", amount(ours.get(1), "ENERGY", "BUYER"), "energy of trade 2");
    same(flows.get("buyerPlatform").negate().toPlainString(), energy, "energy of the contract");
    same(flows.get("sellerDiscom").toPlainString(), toSellerDiscom, "seller DISCOM's money");
    same(
        flows.get("sellerPlatform").toPlainString(),
        energy.subtract(toSellerDiscom),
        "seller platform's money");
    // The net with the buyer platform is the energy of every trade with it that day, wave 2 too.
    BigDecimal allEnergy = BigDecimal.ZERO;
    for (JsonNode t : st.get("trades")) {
      allEnergy = allEnergy.add(amount(t, "ENERGY", "BUYER"));
    }
    JsonNode net = st.get("netPositions").get(0);
    assertEquals(TestPeers.peerId(), net.get("payerPlatformId").asText());
    assertEquals(TestPeers.nodeId(), net.get("payeePlatformId").asText());
    same(allEnergy.toPlainString(), net.get("amount").decimalValue(), "net amount");

    // The billing file: the buyer's meter under the buyer DISCOM, the sellers' under theirs.
    String month = YearMonth.from(slot.atZone(IST)).toString();
    String sellerCsv =
        given()
            .get(
                "/provider/settlement/report?month="
                    + month
                    + "&discom="
                    + Wave2Buyer.SELLER_DISCOM
                    + "&format=csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String p1 = m1.substring("TEST_METER_".length());
    String p2 = m2.substring("TEST_METER_".length());
    assertTrue(
        sellerCsv.contains(
            p1 + "," + m1 + "," + month + ",0.00,2.50,0.00,0.32,0.00,0.38,0.00,0.70,1"),
        sellerCsv);
    assertTrue(
        sellerCsv.contains(
            p2 + "," + m2 + "," + month + ",0.00,2.50,0.00,0.31,0.00,0.37,0.00,0.68,1"),
        sellerCsv);
    JsonNode buyerBill =
        json(
            "/provider/settlement/report?month="
                + month
                + "&discom="
                + Wave2Buyer.BUYER_DISCOM
                + "&format=json");
    List<JsonNode> buyerRow =
        find(buyerBill, l -> l.get("meterId").asText().equals(buyerMeter.meterId()));
    assertEquals(1, buyerRow.size(), buyerBill.toString());
    assertEquals("TEST_CUST_STATEMENT", buyerRow.get(0).get("accountId").asText());
    same("5", buyerRow.get(0).get("p2pBoughtKwh").decimalValue(), "kWh bought");
    same("0", buyerRow.get(0).get("totalCharges").decimalValue(), "buyer's charges");
    assertEquals(2, buyerRow.get(0).get("trades").asInt());

    // The DRE report counts the rooftop kWh the buyer DISCOM's consumer drew.
    JsonNode dre = json("/provider/settlement/dre?month=" + month + "&format=json");
    List<JsonNode> dreTrades = new ArrayList<>();
    dre.get("figures")
        .forEach(
            f ->
                dreTrades.addAll(
                    find(f.get("trades"), t -> t.get("tradeId").asText().startsWith(id))));
    assertEquals(2, dreTrades.size(), dre.toString());
    for (JsonNode t : dreTrades) {
      same("2.5", t.get("settledKwh").decimalValue(), "DRE kWh");
      assertEquals(buyerMeter.meterId(), t.get("buyerMeterId").asText());
    }
  }
}
