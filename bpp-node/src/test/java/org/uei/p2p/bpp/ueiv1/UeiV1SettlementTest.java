package org.uei.p2p.bpp.ueiv1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.codec.UeiV1DeliveryReport;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.validation.UeiV1Validator;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;

/**
 * A UEI v1 order after delivery: the MDMS data comes in, the day is settled with the same
 * allocation and settlement as wave 1, and the buyer platform hears it on the order's own wire: a
 * signed Beckn 1.1.0 on_status (delivered, NOT_PAID) then on_update (PAID), never a wave-1 report.
 */
@QuarkusTest
@TestProfile(UeiV1Mode.class)
@QuarkusTestResource(TestNetwork.class)
class UeiV1SettlementTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  @RegisterExtension static final CallbackReceiver buyerPlatform = CallbackReceiver.forPeer();

  private static UeiV1Envelope send(UeiV1Action action, String txn, ObjectNode message) {
    UeiV1Envelope request = UeiV1Buyer.request(action, txn, message);
    Response r = UeiV1Buyer.post(request);
    assertEquals(200, r.statusCode(), r.asString());
    r.then().body("message.ack.status", equalTo("ACK"));
    return request;
  }

  /** A callback the node signed, valid by the strict 1.1.0 rules. */
  private static UeiV1Envelope checked(CallbackReceiver.Received r) throws Exception {
    var check =
        BecknVerifier.of(
                StaticKeyResolver.builder()
                    .add(TestPeers.nodeId(), "k1", TestPeers.nodePublicKey())
                    .build())
            .verify(r.header("Authorization"), r.body(), TestPeers.nodeId());
    assertTrue(check.valid(), check.toString());
    UeiV1Envelope e = UeiV1Envelope.parse(r.body());
    var valid = UeiV1Validator.strict().validate(e, null);
    assertTrue(valid.isValid(), valid.toString());
    return e;
  }

  private static UeiV1Envelope report(String action, String orderId) throws Exception {
    return checked(
        buyerPlatform.await(
            r -> r.action().equals(action) && r.bodyText().contains(orderId),
            WAIT,
            action + " of " + orderId));
  }

  @Test
  void aSettledUeiV1OrderIsReportedInBeckn110Shapes() throws Exception {
    String offerId = org.uei.p2p.bpp.BppNodeTest.publish("TPDDL", "6.40", "10");
    UeiV1Envelope search = send(UeiV1Action.SEARCH, null, UeiV1Buyer.search("7"));
    EnergyOffer offer =
        new UeiV1Codec()
                .offers(
                    checked(buyerPlatform.await("on_search", search.context().messageId(), WAIT))
                        .message())
                .stream()
                .filter(o -> o.offerId().equals(offerId))
                .findFirst()
                .orElseThrow();
    String buyerMeter = "UP-B-" + UUID.randomUUID().toString().substring(0, 8);
    String txn = UUID.randomUUID().toString();
    UeiV1Envelope confirm =
        send(
            UeiV1Action.CONFIRM,
            txn,
            UeiV1Buyer.codecOrder(offer, "5", new MeterPoint(buyerMeter, "BRPL")));
    String orderId =
        checked(buyerPlatform.await("on_confirm", confirm.context().messageId(), WAIT))
            .message()
            .order()
            .id();

    // The seller exported 4 of the 5 kWh (2.5 + 1.5 in 30-minute blocks); the buyer imported 6.
    ZonedDateTime s = offer.slot().start().atZone(IST);
    String sellerMeter = offer.seller().meterId();
    String csv =
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + sellerMeter
            + ","
            + s.toOffsetDateTime()
            + ",30,0,2.5\n"
            + sellerMeter
            + ","
            + s.plusMinutes(30).toOffsetDateTime()
            + ",30,0,1.5\n"
            + buyerMeter
            + ","
            + s.toOffsetDateTime()
            + ",60,6,0\n";
    given()
        .contentType("text/csv")
        .body(csv)
        .post("/provider/meter-data/csv")
        .then()
        .statusCode(200)
        .body("added", equalTo(3));
    String day = s.toLocalDate().toString();
    given()
        .post("/provider/settlement/run?day=" + day)
        .then()
        .statusCode(200)
        .body("allocated", hasItem(orderId + "/1"))
        .body("settledOrders", hasItem(orderId));

    UeiV1Envelope status = report("on_status", orderId);
    assertEquals(txn, status.context().transactionId());
    assertNotEquals(confirm.context().messageId(), status.context().messageId());
    assertEquals("std:0522", status.context().cityCode(), "the confirm's location is echoed");
    Order delivered = status.message().order();
    assertEquals("COMPLETE", delivered.status());
    assertEquals("ORDER_COMPLETED", delivered.fulfillments().get(0).stateCode());
    assertEquals(0, new BigDecimal("25.60").compareTo(delivered.quoteValue()), "4 kWh × 6.40");
    UeiV1DeliveryReport.Report due = UeiV1DeliveryReport.read(delivered);
    UeiV1DeliveryReport.Line line = due.lines().get(0);
    assertEquals(0, new BigDecimal("4").compareTo(line.deliveredKwh()));
    assertEquals(0, new BigDecimal("4").compareTo(line.sellerAllocatedKwh()));
    assertEquals(0, new BigDecimal("5").compareTo(line.buyerAllocatedKwh()));
    assertEquals(0, new BigDecimal("6").compareTo(line.buyerMeteredKwh()));
    assertEquals(0, new BigDecimal("25.60").compareTo(line.value()));
    assertEquals("NOT_PAID", due.payment().status());
    assertEquals(0, new BigDecimal("25.60").compareTo(due.payment().amount()));
    assertNull(due.payment().txnRef());

    UeiV1DeliveryReport.Report paid =
        UeiV1DeliveryReport.read(report("on_update", orderId).message().order());
    assertEquals("PAID", paid.payment().status());
    assertTrue(paid.payment().txnRef().startsWith("STL-"), paid.payment().toString());
    assertTrue(paid.payment().paidAt() != null, "the payment says when");

    // The buyer platform heard of this order on UEI v1 only.
    for (CallbackReceiver.Received r : buyerPlatform.received()) {
      if (r.bodyText().contains(orderId)) {
        assertTrue(r.bodyText().contains("\"version\":\"1.1.0\""), r.bodyText());
      }
    }
    // The operator's notify sends the order's state on the order's wire too.
    String notified =
        given()
            .contentType("application/json")
            .body(java.util.Map.of("action", "on_update"))
            .post("/provider/orders/" + orderId + "/notify")
            .then()
            .statusCode(200)
            .body("action", equalTo("on_update"))
            .extract()
            .path("message_id");
    UeiV1Envelope pushed = checked(buyerPlatform.await("on_update", notified, WAIT));
    assertEquals("COMPLETE", pushed.message().order().status());
    assertEquals(txn, pushed.context().transactionId());

    // A second run of the day reports nothing again.
    given()
        .post("/provider/settlement/run?day=" + day)
        .then()
        .statusCode(200)
        .body("settledOrders.size()", equalTo(0));
  }
}
