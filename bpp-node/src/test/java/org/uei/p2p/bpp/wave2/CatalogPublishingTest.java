package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;

/**
 * A seller platform with a catalog service configured publishes its wave-2 catalog at start and
 * after every change, signed, and keeps what the service answers.
 */
@QuarkusTest
@TestProfile(PublishingMode.class)
@QuarkusTestResource(TestNetwork.class)
class CatalogPublishingTest extends Wave2NodeTest {

  private static CallbackReceiver catalogService;

  @Inject CatalogPublisher publisher;

  @BeforeAll
  static void startService() {
    catalogService =
        CallbackReceiver.onPort(Integer.parseInt(System.getProperty(PublishingMode.PORT))).start();
  }

  @AfterAll
  static void stopService() {
    catalogService.close();
  }

  @Test
  void publishesAtStartAndAfterAConfirmWithWhatIsLeft() throws Exception {
    // At start: delivered once the service listens, the outbox retrying until then.
    Wave2Envelope first = publish(r -> true);
    assertEquals(TestPeers.nodeId(), first.context().bppId());
    assertEquals(Wave2Buyer.NETWORK, first.context().networkId());

    sellerLedger.answering(true);
    String offerId = publish("7.25", "5");
    EnergyOffer published = offerIn(publish(e -> offer(e, offerId).isPresent()), offerId);
    assertEquals(0, new BigDecimal("5").compareTo(published.maxQuantityKwh()));
    assertEquals(0, new BigDecimal("7.25").compareTo(published.price().perKwh()));

    EnergyOffer offer = discovered(offerId);
    Wave2Envelope confirm =
        send(
            Wave2Buyer.request(
                Wave2Action.CONFIRM,
                UUID.randomUUID().toString(),
                Wave2Buyer.contract(offer, new BigDecimal("2"))));
    assertNull(callback("on_confirm", confirm).member("error"));
    Wave2Envelope after =
        publish(
            e ->
                offer(e, offerId)
                    .filter(o -> o.maxQuantityKwh().compareTo(new BigDecimal("3")) == 0)
                    .isPresent());
    assertTrue(
        Wave2Validator.strict().validate(after, Wave2Action.CATALOG_PUBLISH).isValid(),
        "a valid catalog/publish");

    // Nothing changed since: a check now publishes nothing.
    publisher.publishIfChanged();
    assertFalse(publisher.publishIfChanged(), "an unchanged catalog is not published again");
  }

  @Test
  void keepsTheServicesLatestResultAndRefusesOthersAnswers() throws Exception {
    Wave2Envelope last = publish(r -> true);
    String messageId = given().get("/provider/catalog/publication").path("catalogs[0].messageId");
    Wave2Envelope latest =
        catalogService.received().stream()
            .map(CatalogPublishingTest::parse)
            .filter(e -> e.context().messageId().equals(messageId))
            .findFirst()
            .orElse(last);

    // Only the configured service may answer, and only a publish this node sent.
    post(onPublish(latest, "ACCEPTED"), TestPeers.intruderSigner()).then().statusCode(401);
    Wave2Envelope unknown =
        Wave2Envelope.of(
            Wave2Contexts.withMessageId(
                onPublish(latest, "ACCEPTED").context(), UUID.randomUUID().toString()),
            onPublish(latest, "ACCEPTED").message());
    post(unknown, TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("error.paths", equalTo("context.messageId"));
    Wave2Envelope badStatus = onPublish(latest, "MAYBE");
    post(badStatus, TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("error.paths", equalTo("message.results[0].status"));

    post(onPublish(latest, "REJECTED"), TestPeers.peerSigner()).then().statusCode(200);
    Poll.until(
        () ->
            "REJECTED"
                .equals(given().get("/provider/catalog/publication").path("catalogs[0].result")),
        Duration.ofSeconds(10),
        "the rejection is shown");
    given()
        .get("/provider/catalog/publication")
        .then()
        .body("catalogs[0].resultErrors[0]", containsString("50000: seller not allowed"))
        .body("catalogs[0].delivery", equalTo("DELIVERED"));
  }

  private static Wave2Envelope onPublish(Wave2Envelope publish, String status) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    ObjectNode r = m.putArray("results").addObject();
    r.put("catalogId", publish.message().catalogs().get(0).id()).put("status", status);
    r.putArray("errors")
        .addObject()
        .put("errorCode", "50000")
        .put("errorMessage", "seller not allowed");
    return Wave2Envelope.of(
        Wave2Contexts.callbackFor(publish.context(), Clock.systemUTC()), Wave2Message.of(m));
  }

  private static io.restassured.response.Response post(Wave2Envelope e, BecknSigner signer) {
    byte[] body = e.write();
    return given()
        .contentType("application/json")
        .header("Authorization", signer.authorization(body))
        .body(body)
        .post("/catalog/on_publish");
  }

  /** The first publish matching {@code test}, checked to be signed by this node. */
  private static Wave2Envelope publish(java.util.function.Predicate<Wave2Envelope> test) {
    CallbackReceiver.Received r =
        catalogService.await(
            x -> x.action().equals("publish") && test.test(parse(x)),
            Duration.ofSeconds(15),
            "catalog/publish");
    var check =
        BecknVerifier.of(
                StaticKeyResolver.builder()
                    .add(TestPeers.nodeId(), "k1", TestPeers.nodePublicKey())
                    .build())
            .verify(r.header("Authorization"), r.body(), TestPeers.nodeId());
    assertTrue(check.valid(), check.toString());
    Wave2Envelope e = parse(r);
    assertEquals("catalog/publish", e.context().action());
    return e;
  }

  private static Wave2Envelope parse(CallbackReceiver.Received r) {
    try {
      return Wave2Envelope.parse(r.body());
    } catch (Exception e) {
      throw new AssertionError("not a wave-2 message: " + r.bodyText(), e);
    }
  }

  private static Optional<EnergyOffer> offer(Wave2Envelope e, String offerId) {
    try {
      return new Wave2Codec(Wave2Buyer.POLICY, List.of())
          .offers(e.message()).stream().filter(o -> o.offerId().equals(offerId)).findFirst();
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  private static EnergyOffer offerIn(Wave2Envelope e, String offerId) {
    return offer(e, offerId).orElseThrow();
  }
}
