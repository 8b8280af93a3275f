package org.uei.p2p.bpp.ueiv1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
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
 * The seller platform on UEI v1 (Beckn 1.1.0): the test plays the buyer platform and trades search
 * → on_search → select → init → confirm → status, then the refusals: too much energy, a malformed
 * message, an order without the buyer's meter and an unsigned request.
 */
@QuarkusTest
@TestProfile(UeiV1Mode.class)
@QuarkusTestResource(TestNetwork.class)
class UeiV1SellerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final UeiV1Codec CODEC = new UeiV1Codec();
  @RegisterExtension static final CallbackReceiver buyerPlatform = CallbackReceiver.forPeer();

  /** A TPDDL prosumer with its own meter and one offer; returns the offer id. */
  private static String publish(String price, String kwh) {
    return org.uei.p2p.bpp.BppNodeTest.publish("TPDDL", price, kwh);
  }

  private static BigDecimal available(String offerId) {
    return new BigDecimal(
        given()
            .get("/provider/offers/" + offerId)
            .then()
            .extract()
            .path("availableKwh")
            .toString());
  }

  private static UeiV1Envelope send(UeiV1Action action, String txn, ObjectNode message) {
    UeiV1Envelope request = UeiV1Buyer.request(action, txn, message);
    Response r = UeiV1Buyer.post(request);
    assertEquals(200, r.statusCode(), r.asString());
    r.then().body("message.ack.status", equalTo("ACK"));
    return request;
  }

  /** The callback to {@code request}: signed by the node, valid by the strict 1.1.0 rules. */
  private static UeiV1Envelope callback(String action, UeiV1Envelope request) throws Exception {
    CallbackReceiver.Received r = buyerPlatform.await(action, request.context().messageId(), WAIT);
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
    assertEquals(request.context().transactionId(), e.context().transactionId());
    assertEquals(TestPeers.nodeId(), e.context().bppId());
    return e;
  }

  private static EnergyOffer searched(String offerId, String maxPrice) throws Exception {
    UeiV1Envelope search = send(UeiV1Action.SEARCH, null, UeiV1Buyer.search(maxPrice));
    List<EnergyOffer> offers = CODEC.offers(callback("on_search", search).message());
    return offers.stream().filter(o -> o.offerId().equals(offerId)).findFirst().orElse(null);
  }

  @Test
  void tradesFromSearchToStatusOnBeckn110() throws Exception {
    String offerId = publish("6.50", "5");
    assertNull(searched(offerId, "6"), "an offer above the highest price asked is left out");
    EnergyOffer offer = searched(offerId, "7");
    assertNotNull(offer, "the offer is in on_search");
    assertEquals(0, new BigDecimal("5").compareTo(offer.maxQuantityKwh()));
    assertEquals(0, new BigDecimal("6.50").compareTo(offer.price().perKwh()));
    String txn = UUID.randomUUID().toString();

    // select as short as the API's examples: the seller fills in price and slot from its catalog.
    UeiV1Envelope select = send(UeiV1Action.SELECT, txn, UeiV1Buyer.shortOrder(offer, "2"));
    Order quoted = callback("on_select", select).message().order();
    assertNull(quoted.id(), "no order id before on_confirm");
    assertEquals(0, new BigDecimal("13.00").compareTo(quoted.quoteValue()));
    assertEquals("INR", quoted.quoteCurrency());
    assertTrue(quoted.payments().isEmpty(), "payment terms come with on_init");

    UeiV1Envelope init = send(UeiV1Action.INIT, txn, UeiV1Buyer.shortOrder(offer, "2"));
    Order drafted = callback("on_init", init).message().order();
    Order.Payment terms = drafted.payments().get(0);
    assertEquals("BPP", terms.collectedBy());
    assertEquals("POST_FULFILLMENT", terms.type());
    assertEquals(0, new BigDecimal("13.00").compareTo(terms.amount()));
    assertEquals("seller-platform@upi", terms.textAtPointer("/params/virtual_payment_address"));
    assertEquals("TEST0000001", terms.textAtPointer("/params/bank_code"));

    UeiV1Envelope confirm = send(UeiV1Action.CONFIRM, txn, UeiV1Buyer.codecOrder(offer, "2"));
    UeiV1Envelope onConfirm = callback("on_confirm", confirm);
    assertNull(onConfirm.member("error"));
    TradeOrder confirmed = CODEC.order(onConfirm.message());
    assertEquals(TradeStatus.CONFIRMED, confirmed.status());
    assertEquals("ACTIVE", onConfirm.message().order().status());
    assertEquals(BigDecimal.valueOf(3), available(offerId).stripTrailingZeros());

    // A repeated confirm of the transaction takes nothing more.
    UeiV1Envelope again = send(UeiV1Action.CONFIRM, txn, UeiV1Buyer.codecOrder(offer, "2"));
    assertEquals(confirmed.orderId(), callback("on_confirm", again).message().order().id());
    assertEquals(BigDecimal.valueOf(3), available(offerId).stripTrailingZeros());

    UeiV1Envelope status = send(UeiV1Action.STATUS, txn, UeiV1Buyer.orderId(confirmed.orderId()));
    Order current = callback("on_status", status).message().order();
    assertEquals(confirmed.orderId(), current.id());
    assertEquals("ACTIVE", current.status());
    assertEquals(
        "ORDER_PLACED", current.fulfillments().get(0).stateCode(), "the delivery is placed");
  }

  @Test
  void tooMuchEnergyIsRefusedWithTheItemsQuantity() throws Exception {
    String offerId = publish("6.00", "3");
    EnergyOffer offer = searched(offerId, "10");
    UeiV1Envelope select =
        UeiV1Buyer.request(
            UeiV1Action.SELECT, UUID.randomUUID().toString(), UeiV1Buyer.shortOrder(offer, "4"));
    Response r = UeiV1Buyer.post(select);
    assertEquals(200, r.statusCode(), r.asString());
    r.then()
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("40002"))
        .body("error.paths", equalTo("message.order.items[0].quantity.selected.measure.value"));
    assertEquals(BigDecimal.valueOf(3), available(offerId).stripTrailingZeros());
  }

  @Test
  void aMalformedMessageIsRefusedWithItsPath() throws Exception {
    String offerId = publish("6.00", "3");
    EnergyOffer offer = searched(offerId, "10");
    ObjectNode m = UeiV1Buyer.shortOrder(offer, "2");
    ((ObjectNode) m.at("/order/items/0/quantity/selected/measure")).put("value", 2);
    Response r =
        UeiV1Buyer.post(UeiV1Buyer.request(UeiV1Action.SELECT, UUID.randomUUID().toString(), m));
    r.then().body("message.ack.status", equalTo("NACK")).body("error.code", equalTo("30000"));
    assertTrue(
        r.jsonPath().getString("error.paths").contains("message.order.items[0].quantity"),
        r.asString());

    // Beckn 1.1.0 has no member for the buyer's meter: an order without its tag is refused there.
    ObjectNode noMeter = UeiV1Buyer.shortOrder(offer, "2");
    ((ObjectNode) noMeter.get("order")).remove("tags");
    Response missing =
        UeiV1Buyer.post(
            UeiV1Buyer.request(UeiV1Action.SELECT, UUID.randomUUID().toString(), noMeter));
    missing
        .then()
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("30000"))
        .body("error.paths", equalTo("message.order.tags"));
    assertTrue(missing.jsonPath().getString("error.message").contains("buyer-meter"));

    Response unknown =
        UeiV1Buyer.post(
            UeiV1Buyer.request(
                UeiV1Action.STATUS, UUID.randomUUID().toString(), UeiV1Buyer.orderId("nope")));
    unknown
        .then()
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("30010"))
        .body("error.paths", equalTo("message.order_id"));
  }

  @Test
  void aTradeWhoseDiscomChecksLimitsThroughAUtilityIsRefusedOnThisWire() throws Exception {
    String offerId = publish("6.00", "3");
    EnergyOffer offer = searched(offerId, "10");
    ObjectNode order = UeiV1Buyer.shortOrder(offer, "1", new MeterPoint("UP-BUYER-0002", "PVVNL"));
    Response r =
        UeiV1Buyer.post(UeiV1Buyer.request(UeiV1Action.INIT, UUID.randomUUID().toString(), order));
    assertEquals(200, r.statusCode(), r.asString());
    r.then()
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("50000"))
        .body("error.paths", equalTo("message.order"));
    assertTrue(r.jsonPath().getString("error.message").contains("PVVNL"), r.asString());
    assertTrue(r.jsonPath().getString("error.message").contains("limit check"), r.asString());
  }

  @Test
  void anUnsignedRequestIsRefusedWith401() {
    UeiV1Envelope search = UeiV1Buyer.request(UeiV1Action.SEARCH, null, UeiV1Buyer.search("10"));
    Response r = given().contentType("application/json").body(search.write()).post("/search");
    assertEquals(401, r.statusCode(), r.asString());
    assertFalse(r.header("WWW-Authenticate").isBlank());
    r.then().body("message.ack.status", equalTo("NACK"));
  }
}
