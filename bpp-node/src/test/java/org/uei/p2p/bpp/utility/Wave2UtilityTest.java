package org.uei.p2p.bpp.utility;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * bpp-node in utility mode as the buyer DISCOM's utility node on IES wave 2, with the test peer
 * playing the seller platform that cascades the contract to it: the limit check per trade in
 * on_init, recording at confirm (once per platform transaction), cancel giving the headroom back.
 */
@QuarkusTest
@TestProfile(Wave2UtilityTest.Wave2UtilityMode.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2UtilityTest {

  static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";
  static final String DISCOM = "TEST_DISCOM_BUYER";
  static final String SELLER_DISCOM = "TEST_DISCOM_SELLER";
  static final String QUANTITY =
      "message.contract.commitments[0].commitmentAttributes.intervals[0]"
          + ".payloads[type=REQUESTED_QTY]";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  @RegisterExtension static final CallbackReceiver platform = CallbackReceiver.forPeer();

  /** Utility mode for the buyer DISCOM, on wave 1 and wave 2. */
  public static class Wave2UtilityMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "uei.bpp.mode",
          "utility",
          "uei.bpp.utility.discom-id",
          DISCOM,
          "uei.wire",
          "wave1,wave2",
          "uei.network-id",
          NETWORK,
          "uei.bpp.rules.test-network",
          "true",
          "uei.bpp.rules.allowed-discoms",
          DISCOM + "," + SELLER_DISCOM);
    }
  }

  private static Instant slot() {
    return org.uei.p2p.market.rules.TradingRules.ies().firstTradableSlot(Instant.now());
  }

  /** A fresh consumer of this DISCOM with {@code sanctionedKw}; returns its meter id. */
  private static String consumer(String sanctionedKw) {
    String meter = "TEST_METER_B_" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "meterId",
                meter,
                "customerId",
                "C-" + meter,
                "sanctionedLoadKw",
                new BigDecimal(sanctionedKw),
                "installedCapacityKw",
                0))
        .post("/utility/consumers")
        .then()
        .statusCode(201);
    return meter;
  }

  /** The contract of {@code kwh} bought at {@code buyerMeter} from a seller-DISCOM prosumer. */
  private static Wave2Message contract(String buyerMeter, String kwh) {
    Instant s = slot();
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            "buyer-platform.test",
            TestPeers.peerId(),
            "C-" + buyerMeter,
            new MeterPoint(buyerMeter, DISCOM),
            List.of(
                new OrderLine(
                    "offer-1",
                    "prosumer-1",
                    new MeterPoint("TEST_METER_SELLER_1", SELLER_DISCOM),
                    new DeliverySlot(s, s.plus(Duration.ofHours(1))),
                    UnitPrice.inr("6.00"),
                    new BigDecimal(kwh))));
    List<LedgerProvider> ledgers =
        List.of(
            new LedgerProvider(
                DISCOM,
                "buyer-discom.test",
                "http://127.0.0.1:29",
                "bl.test",
                "http://127.0.0.1:9"),
            new LedgerProvider(
                SELLER_DISCOM,
                "seller-discom.test",
                "http://127.0.0.1:19",
                "sl.test",
                "http://127.0.0.1:8"));
    return new Wave2Codec(new PolicyReference("https://policy.test/p", "data.p"), ledgers)
        .orderMessage(order);
  }

  /** The contract of a callback under {@code contractId}, as a cancel or status names it. */
  private static Wave2Message named(JsonNode callback, String contractId) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    ObjectNode c = m.putObject("contract");
    c.setAll((ObjectNode) callback.at("/message/contract"));
    c.put("id", contractId);
    return Wave2Message.of(m);
  }

  /** A signed request as the platform. */
  private static Wave2Envelope request(Wave2Action action, String txn, Wave2Message message) {
    return Wave2Envelope.of(
        Wave2Contexts.newRequest(
            action,
            new Wave2Contexts.Parties(
                NETWORK,
                TestPeers.peerId(),
                TestPeers.peerUrl(),
                TestPeers.nodeId(),
                TestPeers.nodeUrl()),
            txn,
            Duration.ofSeconds(30),
            List.of(),
            Clock.systemUTC()),
        message);
  }

  private static Response post(Wave2Envelope e) {
    byte[] body = e.write();
    return given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/" + e.context().action());
  }

  /** Sends {@code action} as the platform and returns the utility's callback. */
  private static JsonNode send(Wave2Action action, String txn, Wave2Message message)
      throws Exception {
    Wave2Envelope e = request(action, txn, message);
    Response r = post(e);
    assertEquals(200, r.statusCode(), r.asString());
    return JSON.readTree(
        platform.await("on_" + action.wireName(), e.context().messageId(), WAIT).body());
  }

  private static JsonNode check(JsonNode callback) {
    JsonNode p = callback.at("/message/contract/performance/0");
    assertEquals("discom-limit-check-1", p.path("id").asText(), callback.toString());
    assertEquals("DiscomLimitCheck", p.at("/performanceAttributes/@type").asText());
    return p.path("performanceAttributes");
  }

  private static BigDecimal headroom(String meter) {
    return new BigDecimal(
        given()
            .queryParam("meterId", meter)
            .queryParam("side", "buyer")
            .queryParam("slotStart", slot().toString())
            .get("/utility/headroom")
            .then()
            .statusCode(200)
            .extract()
            .path("remainingHeadroomKwh")
            .toString());
  }

  private static List<Map<String, Object>> tradesOf(String orderId) {
    List<Map<String, Object>> all = given().get("/utility/trades").then().extract().path("");
    return all.stream().filter(t -> orderId.equals(t.get("orderId"))).toList();
  }

  @Test
  void initReportsTheBuyerSideAndRefusesATradeAboveTheSanctionedLoad() throws Exception {
    String meter = consumer("5");
    JsonNode ok = send(Wave2Action.INIT, UUID.randomUUID().toString(), contract(meter, "2"));
    assertTrue(ok.path("error").isMissingNode(), ok.toString());
    assertEquals("DRAFT", ok.at("/message/contract/status/code").asText());
    JsonNode check = check(ok);
    assertEquals("OK", check.at("/buyerSide/limitCheckResult").asText(), ok.toString());
    assertEquals(TestPeers.nodeId(), check.at("/buyerSide/discomParticipantId").asText());
    assertEquals(
        0,
        new BigDecimal("3").compareTo(check.at("/buyerSide/remainingHeadroomKwh").decimalValue()));
    assertTrue(check.path("sellerSide").isMissingNode(), "the seller's DISCOM reports that side");
    assertEquals(0, new BigDecimal("5").compareTo(headroom(meter)), "an init records nothing");

    JsonNode refused = send(Wave2Action.INIT, UUID.randomUUID().toString(), contract(meter, "6"));
    assertEquals("50000", refused.at("/error/code").asText(), refused.toString());
    String why = refused.at("/error/message").asText();
    assertTrue(why.contains("DISCOM " + DISCOM), why);
    assertTrue(why.contains("BUYER_CAP"), why);
    assertTrue(why.contains(meter), why);
    assertTrue(why.contains("remaining headroom 5.00 kWh"), why);
    assertEquals(QUANTITY, refused.at("/error/paths").asText());
    assertEquals("REJECTED", check(refused).at("/buyerSide/limitCheckResult").asText());
    assertEquals("REJECTED", refused.at("/message/contract/performance/0/status/code").asText());
  }

  @Test
  void aConfirmIsRecordedOnceAndItsCancelGivesTheHeadroomBack() throws Exception {
    String meter = consumer("5");
    String txn = UUID.randomUUID().toString();
    JsonNode confirmed = send(Wave2Action.CONFIRM, txn, contract(meter, "2"));
    assertTrue(confirmed.path("error").isMissingNode(), confirmed.toString());
    String id = confirmed.at("/message/contract/id").asText();
    assertTrue(id.startsWith("UO-"), id);
    assertEquals("ACTIVE", confirmed.at("/message/contract/status/code").asText());
    assertEquals(
        0,
        new BigDecimal("3")
            .compareTo(check(confirmed).at("/buyerSide/remainingHeadroomKwh").decimalValue()));
    assertEquals(0, new BigDecimal("3").compareTo(headroom(meter)));
    assertEquals(1, tradesOf(id).size());
    assertEquals("CONFIRMED", tradesOf(id).get(0).get("status"));

    JsonNode replayed = send(Wave2Action.CONFIRM, txn, contract(meter, "2"));
    assertEquals(id, replayed.at("/message/contract/id").asText(), "the same record");
    assertEquals(0, new BigDecimal("3").compareTo(headroom(meter)), "counted once");
    assertEquals(1, tradesOf(id).size());

    JsonNode status = send(Wave2Action.STATUS, txn, named(confirmed, id));
    assertEquals("ACTIVE", status.at("/message/contract/status/code").asText());

    JsonNode cancelled = send(Wave2Action.CANCEL, txn, named(confirmed, id));
    assertEquals("CANCELLED", cancelled.at("/message/contract/status/code").asText());
    assertEquals(0, new BigDecimal("5").compareTo(headroom(meter)), "no longer counted");
    assertEquals("CANCELLED", tradesOf(id).get(0).get("status"));

    JsonNode again = send(Wave2Action.CONFIRM, txn, contract(meter, "2"));
    assertEquals("40000", again.at("/error/code").asText(), again.toString());
    assertEquals(0, new BigDecimal("5").compareTo(headroom(meter)), "not revived");
  }

  @Test
  void aCancelOfAnUnknownRecordIsRefused() throws Exception {
    String meter = consumer("5");
    JsonNode drafted = send(Wave2Action.INIT, UUID.randomUUID().toString(), contract(meter, "1"));
    Response r =
        post(
            request(Wave2Action.CANCEL, UUID.randomUUID().toString(), named(drafted, "UO-nobody")));
    assertEquals(400, r.statusCode(), r.asString());
    assertEquals("30010", r.path("error.code").toString(), r.asString());
  }
}
