package org.uei.p2p.bap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestPeers;

/**
 * The buyer app's side of the wave-2 tests: client-API calls, the requests the seller received, and
 * the steps every scenario repeats (discover, init, confirm) with the seller's plain answers.
 */
final class Wave2Buyer {

  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Map<String, Object> BUYER =
      Map.of("id", "buyer-9", "meterId", "TEST_BRPL_M0009", "discomId", "BRPL");

  private final CallbackReceiver seller;

  Wave2Buyer(CallbackReceiver seller) {
    this.seller = seller;
  }

  static EnergyOffer offer(String id) {
    return offer(id, "TEST_TPDDL_M0003", "5.50");
  }

  /** An offer of 10 kWh from {@code meterId} of TPDDL at {@code price}. */
  static EnergyOffer offer(String id, String meterId, String price) {
    // Noon IST the day after tomorrow: inside the 06:00-18:00 delivery day, and on a day of its
    // own, apart from the wave-1 tests' deliveries when both classes share one database.
    Instant slot = LocalDate.now(IST).plusDays(2).atTime(12, 0).atZone(IST).toInstant();
    return new EnergyOffer(
        id,
        "prosumer-3",
        new MeterPoint(meterId, "TPDDL"),
        new DeliverySlot(slot, slot.plus(Duration.ofHours(1))),
        UnitPrice.inr(price),
        new BigDecimal("10"),
        Instant.now().minusSeconds(60),
        slot.minus(Duration.ofHours(4)));
  }

  JsonPath async(String action, Map<String, Object> body) {
    return given()
        .contentType("application/json")
        .body(body)
        .post("/client/" + action + "?mode=async")
        .then()
        .statusCode(202)
        .extract()
        .jsonPath();
  }

  JsonPath result(String messageId) {
    return given().get("/client/requests/" + messageId).then().statusCode(200).extract().jsonPath();
  }

  /** The wave-2 request with {@code messageId} the seller received. */
  Wave2Envelope sent(String action, String messageId) {
    return Wave2SellerSide.parse(
        seller.await(
            r ->
                r.action().equals(action)
                    && r.bodyText().contains("\"messageId\":\"" + messageId + "\""),
            WAIT,
            "wave-2 " + action));
  }

  void ack(Wave2Envelope callback) {
    Wave2SellerSide.post(callback, TestPeers.peerSigner())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("status", equalTo("ACK"));
  }

  JsonPath answered(String messageId) {
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

  /** A transaction whose seller offered {@code offerId} on wave 2. */
  String discovered(String offerId) {
    JsonPath d = async("discover", Map.of());
    Wave2Envelope request = sent("discover", d.getString("messageId"));
    assertNull(request.context().bppId(), "a discover to the discovery service names no seller");
    ack(Wave2SellerSide.onDiscover(request, List.of(offer(offerId))));
    return d.getString("transactionId");
  }

  /** Sends init for 4 kWh of {@code offerId} and returns what the seller received. */
  Wave2Envelope init(String txn, String offerId) {
    JsonPath i =
        async(
            "init",
            Map.of(
                "transactionId",
                txn,
                "bppId",
                TestPeers.peerId(),
                "buyer",
                BUYER,
                "items",
                List.of(Map.of("offerId", offerId, "quantityKwh", 4))));
    return sent("init", i.getString("messageId"));
  }

  JsonPath statement(String day) {
    return given()
        .get("/client/settlement/statement?from=" + day)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A transaction taken to an ACTIVE contract {@code contractId}; returns the confirm sent. */
  Wave2Envelope confirmed(String offerId, String contractId) {
    String txn = discovered(offerId);
    Wave2Envelope init = init(txn, offerId);
    ack(Wave2SellerSide.answer(init, Wave2SellerSide::vpaTerms));
    answered(init.context().messageId());
    Wave2Envelope confirm =
        sent("confirm", async("confirm", Map.of("transactionId", txn)).getString("messageId"));
    ack(
        Wave2SellerSide.answer(
            confirm,
            k -> {
              k.put("id", contractId);
              k.putObject("status").put("code", "ACTIVE");
            }));
    answered(confirm.context().messageId());
    return confirm;
  }
}
