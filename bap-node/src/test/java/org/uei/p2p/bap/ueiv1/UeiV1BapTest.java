package org.uei.p2p.bap.ueiv1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1DeliveryReport;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.model.validation.UeiV1Validator;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestPeers;

/**
 * The buyer platform on UEI v1 (Beckn 1.1.0), its client API unchanged: the test plays the seller
 * platform (and the gateway) and checks what goes out on the wire and what the buyer app reads
 * back, on the happy path and on each refusal.
 */
@QuarkusTest
@QuarkusTestResource(value = UeiV1TestNetwork.class, restrictToAnnotatedClass = true)
class UeiV1BapTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Map<String, Object> BUYER =
      Map.of("id", "buyer-7", "meterId", "TEST_PVVNL_M0107", "discomId", "PVVNL");
  @RegisterExtension static final CallbackReceiver seller = CallbackReceiver.forPeer();

  @Inject AgroalDataSource dataSource;

  private static JsonPath async(String action, Map<String, Object> body) {
    return given()
        .contentType("application/json")
        .body(body)
        .post("/client/" + action + "?mode=async")
        .then()
        .statusCode(202)
        .extract()
        .jsonPath();
  }

  private static JsonPath result(String messageId) {
    return given().get("/client/requests/" + messageId).then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath answered(String messageId) {
    Poll.until(
        () -> {
          JsonPath r = result(messageId);
          return !r.getList("callbacks").isEmpty()
              || "FAILED".equals(r.getString("requests[0].status"));
        },
        WAIT,
        "the result of " + messageId);
    return result(messageId);
  }

  /** The request the seller received: valid by the strict Beckn 1.1.0 rules. */
  private static UeiV1Envelope sent(String action, String messageId) {
    UeiV1Envelope e =
        UeiV1SellerSide.parse(
            seller.await(
                r ->
                    r.action().equals(action)
                        && r.bodyText().contains("\"message_id\":\"" + messageId + "\""),
                WAIT,
                "UEI v1 " + action));
    var valid = UeiV1Validator.strict().validate(e, null);
    assertTrue(valid.isValid(), valid.toString());
    return e;
  }

  private static void ack(UeiV1Envelope callback) {
    UeiV1SellerSide.post(callback, TestPeers.peerSigner())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("message.ack.status", equalTo("ACK"));
  }

  /** A transaction whose seller offered {@code offerId} in on_search. */
  private static String searched(String offerId) {
    return searched(UeiV1SellerSide.offer(offerId));
  }

  /** A transaction whose seller offered {@code offer} in on_search. */
  private static String searched(EnergyOffer offer) {
    String offerId = offer.offerId();
    JsonPath d = async("discover", Map.of());
    UeiV1Envelope search = sent("search", d.getString("messageId"));
    assertEquals(UeiV1Context.DOMAIN, search.context().domain());
    assertNull(search.context().bppId(), "a search through the gateway names no seller");
    ack(UeiV1SellerSide.onSearch(search, List.of(offer)));
    JsonPath offers = answered(d.getString("messageId"));
    assertEquals(offerId, offers.getString("offers[0].offerId"));
    assertEquals(TestPeers.peerId(), offers.getString("offers[0].bppId"));
    assertEquals("PVVNL", offers.getString("offers[0].sellerDiscomId"));
    assertEquals(5.5f, offers.getFloat("offers[0].pricePerKwh"), 0.001f);
    return d.getString("transactionId");
  }

  private static UeiV1Envelope select(String txn, String offerId, int kwh) {
    JsonPath s =
        async(
            "select",
            Map.of(
                "transactionId",
                txn,
                "bppId",
                TestPeers.peerId(),
                "buyer",
                BUYER,
                "items",
                List.of(Map.of("offerId", offerId, "quantityKwh", kwh))));
    return sent("select", s.getString("messageId"));
  }

  @Test
  void tradesFromSearchToStatusOnBeckn110() throws Exception {
    String txn = searched("u1-offer");

    UeiV1Envelope select = select(txn, "u1-offer", 4);
    TradeOrder asked = UeiV1SellerSide.CODEC.order(select.message());
    assertEquals("TEST_PVVNL_M0107", asked.buyer().meterId());
    assertEquals(TestPeers.nodeId(), asked.buyerPlatformId());
    assertEquals(TestPeers.peerId(), asked.sellerPlatformId());
    assertEquals(TestPeers.peerId(), select.context().bppId());
    ack(UeiV1SellerSide.answer(select, UeiV1SellerSide::quote));
    JsonPath onSelect = answered(select.context().messageId());
    assertEquals("ANSWERED", onSelect.getString("requests[0].status"));
    assertEquals(22.0f, onSelect.getFloat("callbacks[0].summary.order.orderValue"), 0.001f);

    // init without items takes the last quote.
    UeiV1Envelope init =
        sent("init", async("init", Map.of("transactionId", txn)).getString("messageId"));
    assertEquals(
        "4",
        init.message().order().items().get(0).textAtPointer("/quantity/selected/measure/value"));
    ack(UeiV1SellerSide.answer(init, UeiV1SellerSide::vpaTerms));
    JsonPath onInit = answered(init.context().messageId());
    assertEquals("seller-platform@upi", onInit.getString("callbacks[0].summary.paymentTerms.vpa"));
    assertEquals("PENDING", onInit.getString("callbacks[0].summary.order.status"));

    UeiV1Envelope confirm =
        sent("confirm", async("confirm", Map.of("transactionId", txn)).getString("messageId"));
    assertEquals(
        "seller-platform@upi",
        confirm
            .message()
            .order()
            .payments()
            .get(0)
            .textAtPointer("/params/virtual_payment_address"),
        "confirm accepts the seller's payment terms");
    ack(UeiV1SellerSide.answer(confirm, UeiV1SellerSide.active("order-u1-1")));
    JsonPath onConfirm = answered(confirm.context().messageId());
    assertEquals("ANSWERED", onConfirm.getString("requests[0].status"));
    assertEquals("CONFIRMED", onConfirm.getString("callbacks[0].summary.order.status"));
    assertEquals("order-u1-1", onConfirm.getString("callbacks[0].summary.order.orderId"));

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
    UeiV1Envelope statusRequest =
        UeiV1SellerSide.parse(
            seller.await(
                r -> r.action().equals("status") && r.bodyText().contains("order-u1-1"),
                WAIT,
                "UEI v1 status"));
    assertEquals("order-u1-1", statusRequest.message().orderId());
    UeiV1Envelope confirmedOrder =
        UeiV1SellerSide.answer(confirm, UeiV1SellerSide.active("order-u1-1"));
    ack(UeiV1SellerSide.answer(statusRequest, confirmedOrder.message()));
    JsonPath s = status.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertTrue(s.getBoolean("complete"));
    assertEquals("on_status", s.getString("callbacks[0].action"));
    assertEquals("CONFIRMED", s.getString("callbacks[0].summary.order.status"));
  }

  @Test
  void aRefusedQuantityFailsTheRequestWithTheSellersCodeAndPath() {
    String txn = searched("u1-short");
    UeiV1Envelope select = select(txn, "u1-short", 9);
    String path = "message.order.items[0].quantity.selected.measure.value";
    ack(UeiV1SellerSide.error(select, UeiV1SellerSide::quote, "40002", path));
    JsonPath r = answered(select.context().messageId());
    assertEquals("FAILED", r.getString("requests[0].status"));
    assertEquals("40002", r.getString("requests[0].error.code"));
    assertEquals(path, r.getString("requests[0].error.paths"));
    assertEquals("40002", r.getString("callbacks[0].error.code"));
  }

  @Test
  void aMalformedCallbackIsRefusedWithItsPath() {
    String txn = searched("u1-bad");
    UeiV1Envelope select = select(txn, "u1-bad", 2);
    UeiV1Envelope bad =
        UeiV1SellerSide.answer(
            select,
            o ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) o.at("/items/0/price"))
                    .put("value", "five"));
    Response r = UeiV1SellerSide.post(bad, TestPeers.peerSigner());
    r.then().body("message.ack.status", equalTo("NACK")).body("error.code", equalTo("30000"));
    assertTrue(
        r.jsonPath().getString("error.paths").contains("message.order.items[0].price.value"),
        r.asString());
    assertEquals("ACKED", result(select.context().messageId()).getString("requests[0].status"));
  }

  @Test
  void anUnsignedCallbackIsRefusedWith401() {
    String txn = searched("u1-unsigned");
    UeiV1Envelope select = select(txn, "u1-unsigned", 2);
    UeiV1Envelope onSelect = UeiV1SellerSide.answer(select, UeiV1SellerSide::quote);
    Response r = given().contentType("application/json").body(onSelect.write()).post("/on_select");
    assertEquals(401, r.statusCode(), r.asString());
    r.then().body("message.ack.status", equalTo("NACK"));
    assertTrue(result(select.context().messageId()).getList("callbacks").isEmpty());
  }

  /** A transaction of {@code kwh} of {@code offerId} confirmed as {@code orderId}; its confirm. */
  private static UeiV1Envelope confirmed(String offerId, int kwh, String orderId) {
    return confirmed(UeiV1SellerSide.offer(offerId), kwh, orderId);
  }

  private static UeiV1Envelope confirmed(EnergyOffer offer, int kwh, String orderId) {
    String offerId = offer.offerId();
    String txn = searched(offer);
    UeiV1Envelope select = select(txn, offerId, kwh);
    ack(UeiV1SellerSide.answer(select, UeiV1SellerSide::quote));
    answered(select.context().messageId());
    UeiV1Envelope init =
        sent("init", async("init", Map.of("transactionId", txn)).getString("messageId"));
    ack(UeiV1SellerSide.answer(init, UeiV1SellerSide::vpaTerms));
    answered(init.context().messageId());
    UeiV1Envelope confirm =
        sent("confirm", async("confirm", Map.of("transactionId", txn)).getString("messageId"));
    ack(UeiV1SellerSide.answer(confirm, UeiV1SellerSide.active(orderId)));
    answered(confirm.context().messageId());
    return confirm;
  }

  /**
   * The seller's unsolicited report of {@code confirm}'s order: 3.5 of its 4 kWh delivered (the
   * seller exported 3.5, the buyer drew 5), worth 19.25 at 5.50, in {@code payment} state.
   */
  private static UeiV1Envelope delivered(
      UeiV1Envelope confirm, String orderId, UeiV1Action action, UeiV1DeliveryReport.Payment pay) {
    ObjectNode m = confirm.message().toJson();
    UeiV1SellerSide.active(orderId).accept((ObjectNode) m.get("order"));
    UeiV1Message report =
        UeiV1DeliveryReport.write(
            UeiV1Message.of(m),
            List.of(
                new UeiV1DeliveryReport.Line(
                    new BigDecimal("3.5"),
                    new BigDecimal("3.5"),
                    new BigDecimal("3.5"),
                    new BigDecimal("5"),
                    new BigDecimal("4"),
                    new BigDecimal("19.25"),
                    null,
                    null)),
            pay,
            Instant.now());
    UeiV1Envelope base = UeiV1SellerSide.answer(confirm, report);
    return UeiV1Envelope.of(
        UeiV1Contexts.unsolicited(action, base.context(), Clock.systemUTC()), report);
  }

  @Test
  void theSellersDeliveryAndSettlementReportsReachTheStatement() throws Exception {
    UeiV1Envelope confirm = confirmed("u1-delivered", 4, "order-u1-d");
    UeiV1Envelope status =
        delivered(
            confirm,
            "order-u1-d",
            UeiV1Action.ON_STATUS,
            new UeiV1DeliveryReport.Payment(
                "NOT_PAID", new BigDecimal("19.25"), "INR", null, null));
    ack(status);
    String paidAt = Instant.now().toString();
    ack(
        delivered(
            confirm,
            "order-u1-d",
            UeiV1Action.ON_UPDATE,
            new UeiV1DeliveryReport.Payment(
                "PAID", new BigDecimal("19.25"), "INR", "STL-u1-d", paidAt)));

    String day =
        UeiV1SellerSide.offer("u1-delivered")
            .slot()
            .start()
            .atZone(java.time.ZoneId.of("Asia/Kolkata"))
            .toLocalDate()
            .toString();
    Poll.until(
        () ->
            given()
                .get("/client/settlement/statement?from=" + day)
                .then()
                .extract()
                .asString()
                .contains("order-u1-d/1"),
        WAIT,
        "the settled trade in the buyer's statement");
    JsonPath st =
        given()
            .get("/client/settlement/statement?from=" + day)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> trade = st.getMap("trades.find { it.tradeId == 'order-u1-d/1' }");
    assertEquals(
        0,
        new BigDecimal("3.5").compareTo(new BigDecimal(trade.get("settledKwh").toString())),
        trade.toString());
    assertEquals(
        0,
        new BigDecimal("4").compareTo(new BigDecimal(trade.get("buyerAllocatedKwh").toString())),
        trade.toString());
    assertEquals(TestPeers.peerId(), st.getString("netPositions[0].payeePlatformId"));
    assertEquals(
        0,
        new BigDecimal("19.25").compareTo(new BigDecimal(st.getString("netPositions[0].amount"))),
        st.prettify());
  }

  /** Payment status and time of the delivery recorded for {@code tradeId}, or null. */
  private String[] recordedPayment(String tradeId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT payment_status, txn_ref, received_at FROM received_delivery WHERE trade_id = ?")) {
      ps.setString(1, tradeId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aLateDeliveryReportDoesNotTakeBackTheSettledPayment() {
    // A day of its own, so that the statement test's day holds only its trade.
    UeiV1Envelope confirm =
        confirmed(UeiV1SellerSide.offer("u1-late-report", 4), 4, "order-u1-late");
    ack(
        delivered(
            confirm,
            "order-u1-late",
            UeiV1Action.ON_UPDATE,
            new UeiV1DeliveryReport.Payment(
                "PAID", new BigDecimal("19.25"), "INR", "STL-u1-late", Instant.now().toString())));
    Poll.until(
        () -> recordedPayment("order-u1-late/1") != null, WAIT, "the settlement report recorded");
    String[] settled = recordedPayment("order-u1-late/1");
    assertEquals("SETTLED", settled[0]);

    // The on_status sent before the on_update, delivered again after it by the seller's outbox.
    ack(
        delivered(
            confirm,
            "order-u1-late",
            UeiV1Action.ON_STATUS,
            new UeiV1DeliveryReport.Payment(
                "NOT_PAID", new BigDecimal("19.25"), "INR", null, null)));
    Poll.until(
        () -> !settled[2].equals(recordedPayment("order-u1-late/1")[2]),
        WAIT,
        "the late delivery report recorded");
    String[] after = recordedPayment("order-u1-late/1");
    assertEquals("SETTLED", after[0]);
    assertEquals("STL-u1-late", after[1]);
  }

  @Test
  void aMalformedDeliveryReportIsRefusedWithItsPath() {
    UeiV1Envelope confirm = confirmed("u1-bad-report", 4, "order-u1-bad");
    ObjectNode root =
        delivered(
                confirm,
                "order-u1-bad",
                UeiV1Action.ON_STATUS,
                new UeiV1DeliveryReport.Payment(
                    "NOT_PAID", new BigDecimal("19.25"), "INR", null, null))
            .toJson();
    ((ObjectNode) root.at("/message/order/fulfillments/0/tags/0/list/0")).put("value", "lots");
    Response r;
    try {
      r = UeiV1SellerSide.post(UeiV1Envelope.fromTree(root), TestPeers.peerSigner());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    r.then()
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("30000"))
        .body("error.paths", equalTo("message.order.fulfillments[0].tags[0].list[0].value"));
  }
}
