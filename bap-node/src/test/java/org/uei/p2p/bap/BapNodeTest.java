package org.uei.p2p.bap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.bap.client.WebhookPusher;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

@QuarkusTest
@QuarkusTestResource(
    value = TestNetwork.class,
    initArgs = @ResourceArg(name = "role", value = "BAP"),
    restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WebhookResource.class, restrictToAnnotatedClass = true)
class BapNodeTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Map<String, Object> BUYER =
      Map.of("id", "buyer-7", "meterId", "DL-BUYER-7", "discomId", "BRPL");
  private static CallbackReceiver sellers;
  private static CallbackReceiver webhook;

  @BeforeAll
  static void start() {
    sellers = CallbackReceiver.forPeer().start();
    webhook = CallbackReceiver.onPort(WebhookResource.port()).start();
  }

  @AfterAll
  static void stop() {
    if (sellers != null) {
      sellers.close();
    }
    if (webhook != null) {
      webhook.close();
    }
  }

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

  /** The request the buyer platform sent to {@code bppId} with {@code messageId}. */
  private static Context sent(String action, String messageId, String bppId) {
    CallbackReceiver.Received r =
        sellers.await(
            x ->
                x.action().equals(action)
                    && x.bodyText().contains(messageId)
                    && SellerSide.parse(x).getContext().getBppId().equals(bppId),
            WAIT,
            action + " to " + bppId);
    return SellerSide.parse(r).getContext();
  }

  private static JsonPath result(String messageId) {
    return given().get("/client/requests/" + messageId).then().statusCode(200).extract().jsonPath();
  }

  /** Discovers and answers as the test BPP with one offer; returns the transaction id. */
  private static String discovered(String offerId) {
    JsonPath d = async("discover", Map.of("filter", "$[?(@.beckn:price.schema:price <= 7)]"));
    String mid = d.getString("messageId");
    Context request = sent("discover", mid, TestPeers.peerId());
    SellerSide.post(
            SellerSide.onDiscover(request, List.of(SellerSide.offer(offerId))),
            TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("ACK"));
    return d.getString("transactionId");
  }

  @Test
  void discoverFansOutToEveryBppOfTheDomainAndMergesTheAnswers() {
    JsonPath d = async("discover", Map.of());
    String mid = d.getString("messageId");
    Context toPeer = sent("discover", mid, TestPeers.peerId());
    Context toOther = sent("discover", mid, TestPeers.intruderId());
    assertEquals(toPeer.getTransactionId(), toOther.getTransactionId());
    SellerSide.post(
            SellerSide.onDiscover(toPeer, List.of(SellerSide.offer("o-a"))), TestPeers.peerSigner())
        .then()
        .body("message.ack.status", equalTo("ACK"));
    SellerSide.post(
            SellerSide.onDiscover(toOther, List.of(SellerSide.offer("o-b"))),
            TestPeers.intruderSigner())
        .then()
        .body("message.ack.status", equalTo("ACK"));
    Poll.until(() -> result(mid).getBoolean("complete"), WAIT, "both BPPs answered");
    JsonPath r = result(mid);
    Set<String> offers =
        r.getList("callbacks.summary.offers.offerId.flatten()", String.class).stream()
            .collect(Collectors.toSet());
    assertEquals(Set.of("o-a", "o-b"), offers);
    assertEquals(
        Set.of(TestPeers.peerId(), TestPeers.intruderId()),
        Set.copyOf(r.getList("callbacks.bppId")));
    assertEquals(
        Set.of("o-a@" + TestPeers.peerId(), "o-b@" + TestPeers.intruderId()),
        r.getList("offers", Map.class).stream()
            .map(o -> o.get("offerId") + "@" + o.get("bppId"))
            .collect(Collectors.toSet()),
        "merged offer list");
  }

  @Test
  void syncSelectWaitsForTheQuoteAndThePushIsSigned() throws Exception {
    String txn = discovered("o-sync");
    CompletableFuture<Response> select =
        CompletableFuture.supplyAsync(
            () ->
                given()
                    .contentType("application/json")
                    .body(
                        Map.of(
                            "transactionId",
                            txn,
                            "bppId",
                            TestPeers.peerId(),
                            "buyer",
                            BUYER,
                            "items",
                            List.of(Map.of("offerId", "o-sync", "quantityKwh", 3))))
                    .post("/client/select"));
    CallbackReceiver.Received received =
        sellers.await(
            x -> x.action().equals("select") && x.bodyText().contains(txn), WAIT, "select");
    Envelope<? extends Message> request = SellerSide.parse(received);
    TradeOrder order = SellerSide.CODEC.order(request.getMessage());
    assertEquals("DL-BUYER-7", order.buyer().meterId());
    SellerSide.post(
            SellerSide.answerOrder(request.getContext(), order, null, TradeStatus.PENDING),
            TestPeers.peerSigner())
        .then()
        .body("message.ack.status", equalTo("ACK"));

    Response answer = select.get();
    assertEquals(200, answer.statusCode(), answer.asString());
    assertTrue(answer.jsonPath().getBoolean("complete"));
    assertEquals("on_select", answer.jsonPath().getString("callbacks[0].action"));
    assertEquals(3.0f, answer.jsonPath().getFloat("callbacks[0].summary.order.totalKwh"));

    String mid = request.getContext().getMessageId();
    CallbackReceiver.Received push =
        webhook.await(
            x -> x.bodyText().contains(mid) && x.bodyText().contains("on_select"),
            WAIT,
            "webhook push of the select result");
    assertEquals(
        "sha256=" + WebhookPusher.hmac(WebhookResource.SECRET, push.body()),
        push.header("X-UEI-Signature"));
  }

  @Test
  void callbacksForUnknownMessagesFromTheWrongBppOrTooLateAreRefused() {
    String txn = discovered("o-refuse");
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
                List.of(Map.of("offerId", "o-refuse", "quantityKwh", 2)),
                "ttl",
                "PT2S"));
    Envelope<? extends Message> request =
        SellerSide.parse(sellers.await("select", s.getString("messageId"), WAIT));
    TradeOrder order;
    try {
      order = SellerSide.CODEC.order(request.getMessage());
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    Envelope<Message> unknown =
        SellerSide.answerOrder(request.getContext(), order, null, TradeStatus.PENDING);
    unknown.getContext().setMessageId(java.util.UUID.randomUUID().toString());
    SellerSide.post(unknown, TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.paths", equalTo("context.message_id"));

    Envelope<Message> wrongBpp =
        SellerSide.answerOrder(request.getContext(), order, null, TradeStatus.PENDING);
    wrongBpp.getContext().setBppId(TestPeers.intruderId());
    SellerSide.post(wrongBpp, TestPeers.intruderSigner())
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.paths", equalTo("context.bpp_id"));

    // A callback naming a bpp_uri other than the seller's registered URL is refused, and so is a
    // body that is not one UTF-8 JSON text or carries a number beyond the bounds.
    Envelope<Message> elsewhere =
        SellerSide.answerOrder(request.getContext(), order, null, TradeStatus.PENDING);
    elsewhere.getContext().setBppUri("http://127.0.0.1:1/not-registered");
    SellerSide.post(elsewhere, TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.paths", equalTo("context.bpp_uri"));
    byte[] fine =
        Envelopes.write(
            SellerSide.answerOrder(request.getContext(), order, null, TradeStatus.PENDING));
    String text = new String(fine, StandardCharsets.UTF_8);
    for (byte[] hostile :
        List.of(
            text.getBytes(StandardCharsets.UTF_16),
            text.replaceFirst("\"unitQuantity\":[0-9.]+", "\"unitQuantity\":1E+999999999")
                .getBytes(StandardCharsets.UTF_8),
            (text + " {}").getBytes(StandardCharsets.UTF_8))) {
      given()
          .contentType("application/json")
          .header("Authorization", TestPeers.peerSigner().authorization(hostile))
          .body(hostile)
          .post("/on_select")
          .then()
          .statusCode(400)
          .body("message.ack.status", equalTo("NACK"))
          .body("error.code", equalTo("30000"));
    }

    Instant expires =
        Instant.parse(result(s.getString("messageId")).getString("requests[0].expiresAt"));
    Poll.until(() -> Instant.now().isAfter(expires), WAIT, "the select's ttl to pass");
    SellerSide.post(
            SellerSide.answerOrder(request.getContext(), order, null, TradeStatus.PENDING),
            TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.paths", equalTo("context.timestamp"));
    assertEquals("ACKED", result(s.getString("messageId")).getString("requests[0].status"));
  }

  @Test
  void aCurtailmentRelayedByTheSellerPlatformIsKeptAndListed() throws Exception {
    String txn = discovered("o-curtail");
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
                List.of(Map.of("offerId", "o-curtail", "quantityKwh", 4))));
    Envelope<? extends Message> request =
        SellerSide.parse(sellers.await("select", s.getString("messageId"), WAIT));
    TradeOrder order = SellerSide.CODEC.order(request.getMessage());
    Envelope<Message> update =
        SellerSide.answerOrder(
            request.getContext(), order, "order-curtailed", TradeStatus.CONFIRMED);
    Context base = request.getContext().copy();
    update.setContext(
        org.uei.p2p.model.envelope.Contexts.unsolicited(
            org.uei.p2p.model.envelope.Action.ON_UPDATE, base, java.time.Clock.systemUTC()));
    org.uei.p2p.model.energy.EnergyTradeDelivery d =
        new org.uei.p2p.model.energy.EnergyTradeDelivery();
    d.setType(org.uei.p2p.model.energy.EnergyTradeDelivery.TYPE);
    d.setDeliveryStatus("IN_PROGRESS");
    d.setCurtailedQuantity(new java.math.BigDecimal("1.5"));
    d.setCurtailmentReason("GRID_OUTAGE");
    ((org.uei.p2p.model.envelope.OrderMessage) update.getMessage())
        .getOrder()
        .getOrderItems()
        .get(0)
        .getOrderItemAttributes()
        .as(org.uei.p2p.model.energy.EnergyOrderItem.class)
        .orElseThrow()
        .setFulfillmentAttributes(d);
    SellerSide.post(update, TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("ACK"));
    Poll.until(
        () ->
            given()
                    .queryParam("transactionId", txn)
                    .get("/client/curtailments")
                    .jsonPath()
                    .getList("$")
                    .size()
                == 1,
        WAIT,
        "the curtailment to be recorded");
    given()
        .queryParam("transactionId", txn)
        .get("/client/curtailments")
        .then()
        .statusCode(200)
        .body("[0].orderId", equalTo("order-curtailed"))
        .body("[0].item", equalTo(1))
        .body("[0].curtailedKwh", equalTo(1.5f))
        .body("[0].curtailmentReason", equalTo("GRID_OUTAGE"))
        .body("[0].sellerPlatform", equalTo(TestPeers.peerId()));

    // Delivery of what the DISCOM let through: 2.5 of the 4 kWh. The buyer's statement owes 2.5
    // kWh,
    // and no deviation for the curtailed 1.5 although deviation costs 5.75/kWh here (test
    // settings).
    var line = order.lines().get(0);
    Envelope<Message> status =
        SellerSide.answerOrder(
            request.getContext(), order, "order-curtailed", TradeStatus.CONFIRMED);
    status.setContext(
        org.uei.p2p.model.envelope.Contexts.unsolicited(
            org.uei.p2p.model.envelope.Action.ON_STATUS, base, java.time.Clock.systemUTC()));
    org.uei.p2p.model.energy.EnergyTradeDelivery delivered =
        new org.uei.p2p.model.energy.EnergyTradeDelivery();
    delivered.setContextUrl(org.uei.p2p.model.wave1.CoreContexts.ENERGY_TRADE_V03);
    delivered.setType(org.uei.p2p.model.energy.EnergyTradeDelivery.TYPE);
    delivered.setDeliveryStatus("COMPLETED");
    delivered.setDeliveryMode("GRID_INJECTION");
    delivered.setDeliveredQuantity(new java.math.BigDecimal("2.50"));
    delivered.setCurtailedQuantity(new java.math.BigDecimal("1.5"));
    delivered.setCurtailmentReason("GRID_OUTAGE");
    List<org.uei.p2p.model.energy.MeterReading> readings = new java.util.ArrayList<>();
    for (String meter : List.of(line.seller().meterId(), "DL-BUYER-7")) {
      org.uei.p2p.model.energy.MeterReading r = new org.uei.p2p.model.energy.MeterReading();
      r.setAllocatedEnergy(new java.math.BigDecimal("2.50"));
      r.setConsumedEnergy(java.math.BigDecimal.ZERO);
      r.setProducedEnergy(java.math.BigDecimal.ZERO);
      r.setUnit("kWh");
      r.setTimeWindow(
          org.uei.p2p.model.wave1.TimePeriod.of(line.slot().start(), line.slot().end()));
      r.putExtra("meterId", com.fasterxml.jackson.databind.node.TextNode.valueOf(meter));
      readings.add(r);
    }
    delivered.setMeterReadings(readings);
    ((org.uei.p2p.model.envelope.OrderMessage) status.getMessage())
        .getOrder()
        .getOrderItems()
        .get(0)
        .getOrderItemAttributes()
        .as(org.uei.p2p.model.energy.EnergyOrderItem.class)
        .orElseThrow()
        .setFulfillmentAttributes(delivered);
    var posted = SellerSide.post(status, TestPeers.peerSigner());
    assertEquals(200, posted.statusCode(), posted.asString());
    String day =
        line.slot().start().atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate().toString();
    Poll.until(
        () ->
            given()
                .get("/client/settlement/statement?from=" + day)
                .asString()
                .contains("order-curtailed/1"),
        WAIT,
        "the delivery to be recorded");
    String statement =
        given()
            .get("/client/settlement/statement?from=" + day)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(statement.contains("\"curtailedKwh\" : 1.50"), statement);
    assertTrue(!statement.contains("DEVIATION"), statement);
    java.math.BigDecimal energy =
        line.price()
            .perKwh()
            .multiply(new java.math.BigDecimal("2.5"))
            .setScale(2, java.math.RoundingMode.HALF_UP);
    assertTrue(
        statement.contains("\"amount\" : " + energy.toPlainString()), energy + " in " + statement);
  }

  @Test
  void clientErrorsAreClear() {
    given()
        .contentType("application/json")
        .body(Map.of("transactionId", "nope"))
        .post("/client/select")
        .then()
        .statusCode(404)
        .body("error", equalTo("no transaction 'nope' on this platform"));
    given()
        .contentType("application/json")
        .body(Map.of())
        .post("/client/discover?mode=later")
        .then()
        .statusCode(400);
    given().get("/client/requests/unknown").then().statusCode(404);
  }
}
