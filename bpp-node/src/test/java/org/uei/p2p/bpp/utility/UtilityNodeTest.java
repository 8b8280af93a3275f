package org.uei.p2p.bpp.utility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * bpp-node in utility mode as TPDDL's utility node, with the test peer playing a platform that
 * cascades to it: consumers, limit checks at init, recording at confirm, cancel, delivery reports
 * after meter data, curtailment.
 */
@QuarkusTest
@TestProfile(UtilityNodeTest.UtilityMode.class)
@QuarkusTestResource(TestNetwork.class)
class UtilityNodeTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  @RegisterExtension static final CallbackReceiver platform = CallbackReceiver.forPeer();

  /** Utility mode for TPDDL. */
  public static class UtilityMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("uei.bpp.mode", "utility", "uei.bpp.utility.discom-id", "TPDDL");
    }
  }

  private static Instant tradableSlot() {
    return org.uei.p2p.market.rules.TradingRules.ies().firstTradableSlot(Instant.now());
  }

  /** A fresh TPDDL consumer with {@code sanctionedKw}; returns its meter id. */
  private static String consumer(String sanctionedKw) {
    String meter = "TPDDL-M-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body(
            List.of(
                Map.of(
                    "meterId",
                    meter,
                    "customerId",
                    "C-" + meter,
                    "sanctionedLoadKw",
                    new BigDecimal(sanctionedKw),
                    "installedCapacityKw",
                    0,
                    "stateCode",
                    "DL")))
        .post("/utility/consumers")
        .then()
        .statusCode(201);
    return meter;
  }

  /** A buyer at {@code buyerMeter} (TPDDL) buying {@code kwh} from a PVVNL prosumer. */
  private static TradeOrder order(String buyerMeter, Instant slot, String kwh) {
    return new TradeOrder(
        null,
        TradeStatus.PENDING,
        "bap.delhi",
        TestPeers.peerId(),
        "buyer-1",
        new MeterPoint(buyerMeter, "TPDDL"),
        List.of(
            new OrderLine(
                "offer-1",
                "prosumer-up",
                new MeterPoint("PVVNL-S-1", "PVVNL"),
                new DeliverySlot(slot, slot.plus(Duration.ofHours(1))),
                UnitPrice.inr("6.00"),
                new BigDecimal(kwh))));
  }

  /** Sends {@code action} with {@code message} as the platform and returns the callback's JSON. */
  private static JsonNode send(Action action, String txn, Message message) throws Exception {
    Envelope<Message> e =
        new Envelope<>(
            Contexts.newRequest(
                action,
                new Contexts.Parties(
                    TestNetwork.DOMAIN,
                    TestPeers.peerId(),
                    TestPeers.peerUrl(),
                    TestPeers.nodeId(),
                    TestPeers.nodeUrl()),
                txn,
                Duration.ofSeconds(30),
                Clock.systemUTC()),
            message);
    byte[] body = Envelopes.write(e);
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/" + action.wireName())
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("ACK"));
    return JSON.readTree(
        platform.await("on_" + action.wireName(), e.getContext().getMessageId(), WAIT).body());
  }

  private static JsonNode item(JsonNode callback) {
    return callback.at("/message/order/beckn:orderItems/0/beckn:orderItemAttributes");
  }

  private static BigDecimal headroom(String meter, Instant slot) {
    return new BigDecimal(
        given()
            .queryParam("meterId", meter)
            .queryParam("side", "buyer")
            .queryParam("slotStart", slot.toString())
            .get("/utility/headroom")
            .then()
            .statusCode(200)
            .extract()
            .path("remainingHeadroomKwh")
            .toString());
  }

  @Test
  void consumersAreListedAndAnUnknownMeterHasNoHeadroom() {
    String meter = consumer("4");
    given()
        .get("/utility/consumers")
        .then()
        .statusCode(200)
        .body("find { it.meterId == '" + meter + "' }.sanctionedLoadKw", equalTo(4.0f));
    assertEquals(0, new BigDecimal("4").compareTo(headroom(meter, tradableSlot())));
    given()
        .queryParam("meterId", "NOBODY")
        .queryParam("side", "buyer")
        .queryParam("slotStart", tradableSlot().toString())
        .get("/utility/headroom")
        .then()
        .statusCode(404);
  }

  @Test
  void initReportsTheBuyerSideAndRefusesATradeAboveTheSanctionedLoad() throws Exception {
    Instant slot = tradableSlot();
    String meter = consumer("5");
    JsonNode ok =
        send(
            Action.INIT,
            UUID.randomUUID().toString(),
            new Wave1Codec().orderMessage(order(meter, slot, "2")));
    assertTrue(ok.path("error").isMissingNode() || ok.path("error").isNull(), ok.toString());
    JsonNode check = item(ok).path(LimitChecks.MEMBER);
    assertEquals("OK", check.at("/buyerSide/limitCheckResult").asText(), ok.toString());
    assertEquals(TestPeers.nodeId(), check.at("/buyerSide/discomParticipantId").asText());
    assertEquals(
        0,
        new BigDecimal("3").compareTo(check.at("/buyerSide/remainingHeadroomKwh").decimalValue()));
    assertTrue(check.path("sellerSide").isMissingNode(), "the seller is PVVNL's business");
    assertEquals(0, new BigDecimal("5").compareTo(headroom(meter, slot)), "init records nothing");

    JsonNode refused =
        send(
            Action.INIT,
            UUID.randomUUID().toString(),
            new Wave1Codec().orderMessage(order(meter, slot, "6")));
    assertEquals("50000", refused.at("/error/code").asText(), refused.toString());
    String why = refused.at("/error/message").asText();
    assertTrue(
        why.contains("BUYER_CAP") && why.contains(meter) && why.contains("remaining headroom 5"),
        why);
    assertEquals(
        "REJECTED",
        item(refused).at("/" + LimitChecks.MEMBER + "/buyerSide/limitCheckResult").asText());
    assertEquals(
        0,
        new BigDecimal("5")
            .compareTo(
                item(refused)
                    .at("/" + LimitChecks.MEMBER + "/buyerSide/remainingHeadroomKwh")
                    .decimalValue()));
  }

  @Test
  void aMeterThatIsNotAConsumerIsRefused() throws Exception {
    JsonNode refused =
        send(
            Action.INIT,
            UUID.randomUUID().toString(),
            new Wave1Codec().orderMessage(order("TPDDL-UNKNOWN", tradableSlot(), "2")));
    assertEquals("50000", refused.at("/error/code").asText());
    assertTrue(
        refused
            .at("/error/message")
            .asText()
            .contains("TPDDL-UNKNOWN is not a consumer of DISCOM TPDDL"),
        refused.toString());
  }

  @Test
  void confirmRecordsOncePerTransactionAndCancelGivesTheHeadroomBack() throws Exception {
    Instant slot = tradableSlot();
    String meter = consumer("5");
    String txn = UUID.randomUUID().toString();
    Message order = new Wave1Codec().orderMessage(order(meter, slot, "2"));
    JsonNode confirmed = send(Action.CONFIRM, txn, order);
    String id = confirmed.at("/message/order/beckn:id").asText();
    assertTrue(id.startsWith("UO-"), confirmed.toString());
    assertEquals("CONFIRMED", confirmed.at("/message/order/beckn:orderStatus").asText());
    assertEquals(0, new BigDecimal("3").compareTo(headroom(meter, slot)));
    given()
        .get("/utility/trades")
        .then()
        .statusCode(200)
        .body("find { it.meterId == '" + meter + "' }.status", equalTo("CONFIRMED"))
        .body("find { it.meterId == '" + meter + "' }.side", equalTo("BUYER"))
        .body("find { it.meterId == '" + meter + "' }.platformId", equalTo(TestPeers.peerId()));

    JsonNode again = send(Action.CONFIRM, txn, order);
    assertEquals(id, again.at("/message/order/beckn:id").asText(), "same transaction, same order");
    assertEquals(0, new BigDecimal("3").compareTo(headroom(meter, slot)), "recorded once");

    JsonNode tooMuch =
        send(
            Action.CONFIRM,
            UUID.randomUUID().toString(),
            new Wave1Codec().orderMessage(order(meter, slot, "4")));
    assertEquals("50000", tooMuch.at("/error/code").asText(), tooMuch.toString());
    assertTrue(
        tooMuch.at("/message/order/beckn:id").asText().startsWith("REFUSED-"),
        "on_confirm names an order");
    assertEquals("CANCELLED", tooMuch.at("/message/order/beckn:orderStatus").asText());
    assertEquals(
        0,
        new BigDecimal("3").compareTo(headroom(meter, slot)),
        "a refused confirm records nothing");

    TradeOrder named =
        new Wave1Codec().order(Envelopes.parse(JSON.writeValueAsBytes(confirmed)).getMessage());
    JsonNode cancelled = send(Action.CANCEL, txn, new Wave1Codec().orderMessage(named));
    assertEquals(
        "CANCELLED",
        cancelled.at("/message/order/beckn:orderStatus").asText(),
        cancelled.toString());
    assertEquals(0, new BigDecimal("5").compareTo(headroom(meter, slot)));
    JsonNode status = send(Action.STATUS, txn, new Wave1Codec().orderMessage(named));
    assertEquals("CANCELLED", status.at("/message/order/beckn:orderStatus").asText());
  }

  @Test
  void meterDataIsReportedOnceWithTheProRataAllocation() throws Exception {
    Instant slot = tradableSlot();
    String meter = consumer("10");
    JsonNode first =
        send(
            Action.CONFIRM,
            UUID.randomUUID().toString(),
            new Wave1Codec().orderMessage(order(meter, slot, "2")));
    String firstTxn = first.at("/context/transaction_id").asText();
    send(
        Action.CONFIRM,
        UUID.randomUUID().toString(),
        new Wave1Codec().orderMessage(order(meter, slot, "2")));
    ZonedDateTime s = slot.atZone(IST);
    String csv =
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + meter
            + ","
            + s.toOffsetDateTime()
            + ",30,1.5,0\n"
            + meter
            + ","
            + s.plusMinutes(30).toOffsetDateTime()
            + ",30,1.5,0\n";
    given()
        .contentType("text/csv")
        .body(csv)
        .post("/provider/meter-data/csv")
        .then()
        .statusCode(200)
        .body("added", equalTo(2));
    CallbackReceiver.Received r =
        platform.await(
            x ->
                x.action().equals("on_status")
                    && x.bodyText().contains(firstTxn)
                    && x.bodyText().contains("COMPLETED"),
            WAIT,
            "delivery report");
    JsonNode delivery = item(JSON.readTree(r.body())).path("fulfillmentAttributes");
    assertEquals("COMPLETED", delivery.path("deliveryStatus").asText(), delivery.toString());
    JsonNode reading = delivery.path("meterReadings").get(0);
    assertEquals(meter, reading.path("meterId").asText());
    assertEquals(0, new BigDecimal("3").compareTo(reading.path("consumedEnergy").decimalValue()));
    assertEquals(
        0,
        new BigDecimal("1.5").compareTo(reading.path("allocatedEnergy").decimalValue()),
        "3 kWh metered over two 2 kWh trades");
    assertEquals(
        0, new BigDecimal("1.5").compareTo(delivery.path("deliveredQuantity").decimalValue()));
    assertEquals(
        slot.toString(),
        Instant.parse(reading.at("/beckn:timeWindow/schema:startTime").asText()).toString());
    Poll.until(() -> reports(meter) == 2, WAIT, "both trades reported");

    given()
        .contentType("text/csv")
        .body(csv)
        .post("/provider/meter-data/csv")
        .then()
        .statusCode(200)
        .body("unchanged", equalTo(2));
    given()
        .get("/utility/trades")
        .then()
        .statusCode(200)
        .body(
            "findAll { it.meterId == '" + meter + "' }.deliveryReported",
            equalTo(List.of(true, true)));
    assertEquals(2, reports(meter), "a re-import reports nothing again");
  }

  private static long reports(String meter) {
    return platform.received().stream()
        .filter(
            x ->
                x.action().equals("on_status")
                    && x.bodyText().contains(meter)
                    && x.bodyText().contains("\"COMPLETED\""))
        .count();
  }

  @Test
  void aCurtailmentIsSentToThePlatformAndRecorded() throws Exception {
    Instant slot = tradableSlot();
    String meter = consumer("5");
    JsonNode confirmed =
        send(
            Action.CONFIRM,
            UUID.randomUUID().toString(),
            new Wave1Codec().orderMessage(order(meter, slot, "3")));
    String id = confirmed.at("/message/order/beckn:id").asText();
    given()
        .contentType("application/json")
        .body(Map.of("orderId", id, "curtailedKwh", 1.5, "reason", "NOPE"))
        .post("/utility/curtailments")
        .then()
        .statusCode(400);
    given()
        .contentType("application/json")
        .body(Map.of("orderId", id, "curtailedKwh", 1.5, "reason", "CONGESTION"))
        .post("/utility/curtailments")
        .then()
        .statusCode(201)
        .body("status", equalTo("CURTAILED"));
    CallbackReceiver.Received r =
        platform.await(
            x -> x.action().equals("on_update") && x.bodyText().contains(id), WAIT, "curtailment");
    JsonNode d = item(JSON.readTree(r.body())).path("fulfillmentAttributes");
    assertEquals("IN_PROGRESS", d.path("deliveryStatus").asText(), d.toString());
    assertEquals(0, new BigDecimal("1.5").compareTo(d.path("curtailedQuantity").decimalValue()));
    assertEquals("CONGESTION", d.path("curtailmentReason").asText());
    given()
        .get("/utility/trades")
        .then()
        .statusCode(200)
        .body("find { it.orderId == '" + id + "' }.status", equalTo("CURTAILED"))
        .body("find { it.orderId == '" + id + "' }.curtailmentReason", equalTo("CONGESTION"));
  }
}
