package org.uei.p2p.bpp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
public class BppNodeTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Wave1Codec CODEC = new Wave1Codec();
  @RegisterExtension static final CallbackReceiver buyerPlatform = CallbackReceiver.forPeer();

  /**
   * Registers a prosumer of {@code discom} with its own meter and publishes one offer in the first
   * tradable slot; returns the offer id. Shared by the node tests of every wire.
   */
  public static String publish(String discom, String price, String kwh) {
    return publishOffer(registerProsumer(discom, 10), price, kwh);
  }

  /** Registers a prosumer of {@code discom} with its own meter; returns its id. */
  public static String registerProsumer(String discom, int installedCapacityKw) {
    String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "id",
                id,
                "meterId",
                "DL-" + id,
                "discomId",
                discom,
                "stateCode",
                "DL",
                "installedCapacityKw",
                installedCapacityKw))
        .post("/provider/prosumers")
        .then()
        .statusCode(201);
    return id;
  }

  /** Publishes an offer of the prosumer in the first tradable slot; returns the offer id. */
  public static String publishOffer(String prosumerId, String price, String kwh) {
    return given()
        .contentType("application/json")
        .body(
            Map.of(
                "prosumerId",
                prosumerId,
                "slotStart",
                BuyerSide.tradableSlot().toString(),
                "pricePerKwh",
                new BigDecimal(price),
                "maxKwh",
                new BigDecimal(kwh)))
        .post("/provider/offers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Envelope<? extends Message> callback(String action, Envelope<?> request)
      throws Exception {
    CallbackReceiver.Received r =
        buyerPlatform.await(action, request.getContext().getMessageId(), WAIT);
    return Envelopes.parse(r.body());
  }

  private static EnergyOffer discovered(String offerId) throws Exception {
    Envelope<Message> d = BuyerSide.discover("$[?(@.beckn:id == '" + offerId + "')]");
    BuyerSide.post(d).then().statusCode(200).body("message.ack.status", equalTo("ACK"));
    List<EnergyOffer> offers = CODEC.offers(callback("on_discover", d).getMessage());
    assertEquals(1, offers.size(), "exactly the offer asked for");
    return offers.get(0);
  }

  private static BigDecimal available(String offerId) {
    return new BigDecimal(
        given()
            .get("/provider/offers/" + offerId)
            .then()
            .statusCode(200)
            .extract()
            .path("availableKwh")
            .toString());
  }

  @Test
  void providerApiRefusesBadInputClearly() {
    String offer = publish("TPDDL", "6.50", "5");
    String prosumer = given().get("/provider/offers/" + offer).then().extract().path("prosumerId");
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "id", prosumer, "meterId", "other", "discomId", "TPDDL", "installedCapacityKw", 3))
        .post("/provider/prosumers")
        .then()
        .statusCode(409)
        .body("error", containsString("already registered"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "prosumerId",
                prosumer,
                "slotStart",
                BuyerSide.tradableSlot().plusSeconds(1800).toString(),
                "pricePerKwh",
                6,
                "maxKwh",
                2))
        .post("/provider/offers")
        .then()
        .statusCode(400)
        .body("error", containsString("on the hour in Asia/Kolkata"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "prosumerId",
                prosumer,
                "slotStart",
                BuyerSide.tradableSlot().toString(),
                "pricePerKwh",
                6,
                "maxKwh",
                11))
        .post("/provider/offers")
        .then()
        .statusCode(400)
        .body("error", containsString("installed capacity"));
    given().get("/provider/offers/nope").then().statusCode(404);

    // The provider and meter-data APIs read JSON by the wire's rules and answer in JSON terms.
    String slot = BuyerSide.tradableSlot().toString();
    for (String price : List.of("1E+999999999", "1e-999999999", "123456789.5", "6.12345")) {
      Response r =
          given()
              .contentType("application/json")
              .body(
                  "{\"prosumerId\":\""
                      + prosumer
                      + "\",\"slotStart\":\""
                      + slot
                      + "\",\"pricePerKwh\":"
                      + price
                      + ",\"maxKwh\":2}")
              .post("/provider/offers");
      assertEquals(400, r.statusCode(), price + ": " + r.asString());
      assertTrue(
          r.jsonPath().getString("error").contains("pricePerKwh")
              || "pricePerKwh".equals(r.jsonPath().getString("path")),
          price + ": " + r.asString());
      assertTrue(
          r.asString().length() < 400
              && !r.asString().contains("java.")
              && !r.asString().contains("org.uei"),
          r.asString());
    }
    given()
        .contentType("application/json")
        .body("{\"prosumerId\":\"x\"} {}")
        .post("/provider/offers")
        .then()
        .statusCode(400)
        .body("error", containsString("more JSON after the first"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "id",
                "p".repeat(300),
                "meterId",
                "m-long",
                "discomId",
                "TPDDL",
                "installedCapacityKw",
                3))
        .post("/provider/prosumers")
        .then()
        .statusCode(400)
        .body("error", containsString("at most 255 characters"));
    given()
        .contentType("application/json")
        .body(
            "{\"readings\":[{\"meterId\":\"x\",\"importKwh\":1e999999999}]}"
                .getBytes(StandardCharsets.UTF_16))
        .post("/provider/meter-data")
        .then()
        .statusCode(400)
        .body("error", containsString("UTF-8"));
    given()
        .contentType("application/json")
        .body("{\"readings\":[{\"meterId\":\"x\",\"importKwh\":1e999999999}]}")
        .post("/provider/meter-data")
        .then()
        .statusCode(400)
        .body("error", containsString("readings[0].importKwh"));
  }

  @Test
  void discoverAppliesFiltersAndRefusesUnsupportedOnes() throws Exception {
    String cheap = publish("TPDDL", "5.25", "8");
    String dear = publish("BRPL", "9.00", "8");
    String slot = BuyerSide.tradableSlot().toString();
    Envelope<Message> d =
        BuyerSide.discover(
            "$[?('p2p-trading-pilot-network' == @.beckn:networkId"
                + " && @.beckn:itemAttributes.sourceType == 'SOLAR' && @.beckn:itemAttributes.availableQuantity >= 5"
                + " && @.beckn:price.schema:price <= 6 && @.beckn:price.schema:priceCurrency == 'INR'"
                + " && @.beckn:provider.beckn:providerAttributes.utilityId == 'TPDDL'"
                + " && @.beckn:offerAttributes.deliveryWindow.schema:startTime >= '"
                + slot
                + "')]");
    BuyerSide.post(d).then().statusCode(200);
    List<String> ids =
        CODEC.offers(callback("on_discover", d).getMessage()).stream()
            .map(EnergyOffer::offerId)
            .toList();
    assertTrue(ids.contains(cheap), ids.toString());
    assertTrue(!ids.contains(dear), ids.toString());

    Envelope<Message> none =
        BuyerSide.discover("$[?(@.beckn:itemAttributes.availableQuantity > 1000)]");
    BuyerSide.post(none).then().statusCode(200);
    assertTrue(CODEC.offers(callback("on_discover", none).getMessage()).isEmpty());

    // Through a gateway the discover names no BPP; the answer names this one, as a BAP requires.
    Envelope<Message> viaGateway =
        BuyerSide.discover("$[?(@.beckn:itemAttributes.availableQuantity > 1000)]");
    viaGateway.getContext().setBppId(null);
    viaGateway.getContext().setBppUri(null);
    BuyerSide.post(viaGateway).then().statusCode(200).body("message.ack.status", equalTo("ACK"));
    var answered = callback("on_discover", viaGateway).getContext();
    assertEquals(org.uei.p2p.node.testing.TestPeers.nodeId(), answered.getBppId());
    assertEquals(org.uei.p2p.node.testing.TestPeers.nodeUrl(), answered.getBppUri());

    BuyerSide.post(BuyerSide.discover("$[?(@.a == 1 || @.b == 2)]"))
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("30000"))
        .body("error.paths", equalTo("message.filters.expression"));
  }

  @Test
  void selectInitConfirmStatusCancel() throws Exception {
    String offerId = publish("TPDDL", "6.50", "10");
    EnergyOffer offer = discovered(offerId);
    String txn = UUID.randomUUID().toString();
    TradeOrder order = BuyerSide.order(offer, new BigDecimal("4"), BuyerSide.BUYER_METER);

    Envelope<Message> select = BuyerSide.orderRequest(Action.SELECT, txn, order);
    BuyerSide.post(select).then().statusCode(200).body("message.ack.status", equalTo("ACK"));
    Order quoted = ((OrderMessage) callback("on_select", select).getMessage()).getOrder();
    assertEquals(
        0, new BigDecimal("26.00").compareTo(quoted.getOrderValue().getValue()), "4 kWh at 6.50");
    assertEquals(
        0, new BigDecimal("6.50").compareTo(quoted.getOrderItems().get(0).getPrice().getPrice()));

    Envelope<Message> init = BuyerSide.orderRequest(Action.INIT, txn, order);
    BuyerSide.post(init).then().statusCode(200);
    Order initialized = ((OrderMessage) callback("on_init", init).getMessage()).getOrder();
    assertEquals("BPP", initialized.getPayment().getBeneficiary());
    assertEquals(
        0, new BigDecimal("26.00").compareTo(initialized.getPayment().getAmount().getValue()));
    assertNotNull(initialized.getPayment().getPaymentAttributes(), "seller settlement account");
    assertEquals(BuyerSide.BUYER_METER, CODEC.order(new OrderMessage(initialized)).buyer());

    Envelope<Message> confirm = BuyerSide.orderRequest(Action.CONFIRM, txn, order);
    BuyerSide.post(confirm).then().statusCode(200);
    Envelope<? extends Message> onConfirm = callback("on_confirm", confirm);
    assertNull(onConfirm.getError());
    TradeOrder confirmed = CODEC.order(onConfirm.getMessage());
    assertNotNull(confirmed.orderId());
    assertEquals(TradeStatus.CONFIRMED, confirmed.status());
    assertEquals(0, new BigDecimal("6").compareTo(available(offerId)), "10 - 4 kWh left");
    given()
        .get("/provider/orders/" + confirmed.orderId())
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("transactionId", equalTo(txn));

    Envelope<Message> status = BuyerSide.byOrderId(Action.STATUS, txn, confirmed.orderId());
    BuyerSide.post(status).then().statusCode(200);
    assertEquals(
        TradeStatus.CONFIRMED, CODEC.order(callback("on_status", status).getMessage()).status());

    String notified =
        given()
            .contentType("application/json")
            .body(Map.of("action", "on_status"))
            .post("/provider/orders/" + confirmed.orderId() + "/notify")
            .then()
            .statusCode(200)
            .extract()
            .path("message_id");
    assertNotEquals(status.getContext().getMessageId(), notified);
    buyerPlatform.await("on_status", notified, WAIT);

    TradeOrder bigger =
        new TradeOrder(
            confirmed.orderId(),
            confirmed.status(),
            confirmed.buyerPlatformId(),
            confirmed.sellerPlatformId(),
            confirmed.buyerId(),
            confirmed.buyer(),
            List.of(
                new org.uei.p2p.model.codec.OrderLine(
                    offer.offerId(),
                    offer.providerId(),
                    offer.seller(),
                    offer.slot(),
                    offer.price(),
                    new BigDecimal("7"))));
    Envelope<Message> update = BuyerSide.orderRequest(Action.UPDATE, txn, bigger);
    ((OrderMessage) update.getMessage()).getOrder().setId(confirmed.orderId());
    BuyerSide.post(update).then().statusCode(200).body("message.ack.status", equalTo("ACK"));
    Envelope<? extends Message> onUpdate = callback("on_update", update);
    assertNull(onUpdate.getError());
    assertEquals(0, new BigDecimal("7").compareTo(CODEC.order(onUpdate.getMessage()).totalKwh()));
    assertEquals(
        0, new BigDecimal("3").compareTo(available(offerId)), "10 - 7 kWh left after the update");

    Envelope<Message> cancel = BuyerSide.byOrderId(Action.CANCEL, txn, confirmed.orderId());
    BuyerSide.post(cancel).then().statusCode(200).body("message.ack.status", equalTo("ACK"));
    assertEquals(
        TradeStatus.CANCELLED, CODEC.order(callback("on_cancel", cancel).getMessage()).status());
    assertEquals(0, new BigDecimal("10").compareTo(available(offerId)), "energy back after cancel");
  }

  @Test
  void quantityNotAvailableIsNack40002() throws Exception {
    EnergyOffer offer = discovered(publish("TPDDL", "6.00", "3"));
    BuyerSide.post(
            BuyerSide.orderRequest(
                Action.SELECT,
                UUID.randomUUID().toString(),
                BuyerSide.order(offer, new BigDecimal("5"), BuyerSide.BUYER_METER)))
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("40002"))
        .body("error.paths", containsString("beckn:quantity"));
  }

  @Test
  void linesTakingFromOneOfferAreSummedAgainstWhatIsLeft() throws Exception {
    EnergyOffer offer = discovered(publish("TPDDL", "6.00", "3"));
    OrderLine two = OrderLine.take(offer, new BigDecimal("2"));
    TradeOrder twice =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            TestPeers.peerId(),
            TestPeers.nodeId(),
            "buyer-1",
            BuyerSide.BUYER_METER,
            List.of(two, two));
    BuyerSide.post(BuyerSide.orderRequest(Action.SELECT, UUID.randomUUID().toString(), twice))
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("40002"))
        .body("error.message", containsString("4 asked by the lines of this order together"))
        .body(
            "error.paths",
            equalTo("message.order.beckn:orderItems[1].beckn:quantity.unitQuantity"));
  }

  @Test
  void theCatalogIsTheOnlySourceOfPrice() throws Exception {
    EnergyOffer offer = discovered(publish("TPDDL", "6.10", "5"));
    for (String price : List.of("0", "0.0001", "6.09", "61.0")) {
      EnergyOffer cheaper =
          new EnergyOffer(
              offer.offerId(),
              offer.providerId(),
              offer.seller(),
              offer.slot(),
              new UnitPrice(new BigDecimal(price), UnitPrice.INR),
              offer.maxQuantityKwh(),
              offer.validFrom(),
              offer.validUntil());
      for (Action a : List.of(Action.SELECT, Action.INIT, Action.CONFIRM)) {
        BuyerSide.post(
                BuyerSide.orderRequest(
                    a,
                    UUID.randomUUID().toString(),
                    BuyerSide.order(cheaper, new BigDecimal("2"), BuyerSide.BUYER_METER)))
            .then()
            .statusCode(200)
            .body("message.ack.status", equalTo("NACK"))
            .body("error.code", equalTo("40003"))
            .body("error.message", containsString("costs 6.1 INR/kWh"));
      }
    }
    // At the catalog's price (written with another scale) the quote is the catalog's.
    EnergyOffer same =
        new EnergyOffer(
            offer.offerId(),
            offer.providerId(),
            offer.seller(),
            offer.slot(),
            new UnitPrice(new BigDecimal("6.1000"), UnitPrice.INR),
            offer.maxQuantityKwh(),
            offer.validFrom(),
            offer.validUntil());
    Envelope<Message> select =
        BuyerSide.orderRequest(
            Action.SELECT,
            UUID.randomUUID().toString(),
            BuyerSide.order(same, new BigDecimal("2"), BuyerSide.BUYER_METER));
    BuyerSide.post(select).then().statusCode(200).body("message.ack.status", equalTo("ACK"));
    OrderMessage quoted = (OrderMessage) callback("on_select", select).getMessage();
    assertEquals(
        0, new BigDecimal("12.20").compareTo(quoted.getOrder().getOrderValue().getValue()));
  }

  @Test
  void movingTheMarketClockPastGateClosureClosesTheOffer() throws Exception {
    String offerId = publish("TPDDL", "6.00", "5");
    EnergyOffer offer = discovered(offerId);
    Instant afterGateClosure = offer.slot().start().minus(Duration.ofHours(3));
    try {
      given()
          .contentType("application/json")
          .body(Map.of("now", afterGateClosure.toString()))
          .put("/testing/market-clock")
          .then()
          .statusCode(200)
          .body("now", containsString(afterGateClosure.toString().substring(0, 16)));
      BuyerSide.post(
              BuyerSide.orderRequest(
                  Action.SELECT,
                  UUID.randomUUID().toString(),
                  BuyerSide.order(offer, new BigDecimal("2"), BuyerSide.BUYER_METER)))
          .then()
          .statusCode(200)
          .body("message.ack.status", equalTo("NACK"))
          .body("error.message", containsString("outside its validity"));
    } finally {
      given()
          .contentType("application/json")
          .body(Map.of("now", Instant.now().toString()))
          .put("/testing/market-clock")
          .then()
          .statusCode(200);
    }
    BuyerSide.post(
            BuyerSide.orderRequest(
                Action.SELECT,
                UUID.randomUUID().toString(),
                BuyerSide.order(offer, new BigDecimal("2"), BuyerSide.BUYER_METER)))
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("ACK"));
    given()
        .contentType("application/json")
        .body(Map.of("now", "yesterday"))
        .put("/testing/market-clock")
        .then()
        .statusCode(400)
        .body("error", containsString("not a UTC instant"));
  }

  @Test
  void aConfirmJudgesTheOfferByTheMarketClock() throws Exception {
    // Market time ahead of the system clock, as on a demo network playing the day before delivery.
    Instant ahead = Instant.now().plus(Duration.ofMinutes(30));
    try {
      given()
          .contentType("application/json")
          .body(Map.of("now", ahead.toString()))
          .put("/testing/market-clock")
          .then()
          .statusCode(200);
      String offerId = publish("TPDDL", "6.00", "5");
      EnergyOffer offer = discovered(offerId);
      Envelope<Message> confirm =
          BuyerSide.orderRequest(
              Action.CONFIRM,
              UUID.randomUUID().toString(),
              BuyerSide.order(offer, new BigDecimal("2"), BuyerSide.BUYER_METER));
      BuyerSide.post(confirm).then().statusCode(200).body("message.ack.status", equalTo("ACK"));
      Envelope<? extends Message> onConfirm = callback("on_confirm", confirm);
      assertNull(onConfirm.getError(), () -> "refused: " + onConfirm.getError().getMessage());
      assertEquals(0, new BigDecimal("3").compareTo(available(offerId)));
    } finally {
      given()
          .contentType("application/json")
          .body(Map.of("now", Instant.now().toString()))
          .put("/testing/market-clock")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void unknownOrderIsNack30010() {
    BuyerSide.post(
            BuyerSide.byOrderId(
                Action.STATUS, UUID.randomUUID().toString(), "order-does-not-exist"))
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("30010"));
  }

  @Test
  void tradingRulesAndSelfTradeAreNacked() throws Exception {
    EnergyOffer offer = discovered(publish("TPDDL", "6.00", "5"));
    BuyerSide.post(
            BuyerSide.orderRequest(
                Action.SELECT,
                UUID.randomUUID().toString(),
                BuyerSide.order(
                    offer, new BigDecimal("2"), new MeterPoint("X-1", "NOT_A_PILOT_DISCOM"))))
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("50000"))
        .body("error.message", containsString("DISCOM_NOT_ALLOWED"));
    BuyerSide.post(
            BuyerSide.orderRequest(
                Action.SELECT,
                UUID.randomUUID().toString(),
                BuyerSide.order(offer, new BigDecimal("2"), offer.seller())))
        .then()
        .statusCode(200)
        .body("error.code", equalTo("50000"))
        .body("error.message", containsString("self-trade"));
  }

  @Test
  void twoBuyersRacingForTheLastKilowattHoursNeverBothGetThem() throws Exception {
    String offerId = publish("TPDDL", "6.00", "5");
    EnergyOffer offer = discovered(offerId);
    int buyers = 4;
    List<Envelope<Message>> confirms = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      confirms.add(
          BuyerSide.orderRequest(
              Action.CONFIRM,
              UUID.randomUUID().toString(),
              BuyerSide.order(offer, new BigDecimal("5"), new MeterPoint("DL-RACE-" + i, "BRPL"))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    List<Response> answers = new ArrayList<>();
    try {
      List<Callable<Response>> calls = new ArrayList<>();
      confirms.forEach(c -> calls.add(() -> BuyerSide.post(c)));
      for (Future<Response> f : pool.invokeAll(calls)) {
        answers.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    int won = 0;
    for (int i = 0; i < buyers; i++) {
      Response a = answers.get(i);
      assertEquals(200, a.statusCode());
      if ("NACK".equals(a.path("message.ack.status"))) {
        assertEquals("40002", a.path("error.code"));
        continue;
      }
      Envelope<? extends Message> onConfirm = callback("on_confirm", confirms.get(i));
      if (onConfirm.getError() == null) {
        won++;
      } else {
        assertEquals("40002", onConfirm.getError().getCode());
        // A buyer platform validating strictly needs an order id even in a refusal.
        assertTrue(
            ((OrderMessage) onConfirm.getMessage()).getOrder().getId().startsWith("REFUSED-"));
      }
    }
    assertEquals(1, won, "exactly one buyer gets the 5 kWh");
    assertEquals(0, BigDecimal.ZERO.compareTo(available(offerId)));
    assertEquals(
        1,
        given()
            .get("/provider/orders")
            .then()
            .extract()
            .jsonPath()
            .getList("findAll { o -> o.lines.any { l -> l.offerId == '" + offerId + "' } }")
            .size());
  }
}
