package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * What the wave-2 seller tests share: this node on wave 1 and wave 2 ({@link Wave2Mode}), the test
 * playing the buyer platform (its callback endpoint) and the seller DISCOM's ledger ({@link
 * LedgerDouble}); the buyer DISCOM's ledger is this node's own ledger API.
 */
abstract class Wave2NodeTest {

  static final Duration WAIT = Duration.ofSeconds(10);
  static CallbackReceiver buyerPlatform;
  static LedgerDouble sellerLedger;

  @BeforeAll
  static void start() throws Exception {
    buyerPlatform = CallbackReceiver.forPeer().start();
    sellerLedger = new LedgerDouble(Wave2Buyer.ledgerPort());
  }

  @AfterAll
  static void stop() {
    if (buyerPlatform != null) {
      buyerPlatform.close();
    }
    if (sellerLedger != null) {
      sellerLedger.close();
    }
  }

  /** A prosumer of the seller DISCOM with one offer; returns the offer id. */
  static String publish(String price, String kwh) {
    return publish(
        org.uei.p2p.market.rules.TradingRules.ies().firstTradableSlot(java.time.Instant.now()),
        price,
        kwh);
  }

  /** A new prosumer of the seller DISCOM offering {@code kwh} at {@code price} in {@code slot}. */
  static String publish(java.time.Instant slot, String price, String kwh) {
    String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "id",
                id,
                "meterId",
                "TEST_METER_" + id,
                "discomId",
                Wave2Buyer.SELLER_DISCOM,
                "stateCode",
                "DL",
                "installedCapacityKw",
                10))
        .post("/provider/prosumers")
        .then()
        .statusCode(201);
    return given()
        .contentType("application/json")
        .body(
            Map.of(
                "prosumerId",
                id,
                "slotStart",
                slot.toString(),
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

  static BigDecimal available(String offerId) {
    return new BigDecimal(
        given()
            .get("/provider/offers/" + offerId)
            .then()
            .extract()
            .path("availableKwh")
            .toString());
  }

  static Wave2Envelope send(Wave2Envelope request) {
    var answer = Wave2Buyer.post(request);
    assertEquals(200, answer.statusCode(), answer.asString());
    answer.then().body("status", equalTo("ACK"));
    return request;
  }

  static Wave2Envelope callback(String action, Wave2Envelope request) throws Exception {
    return Wave2Envelope.parse(
        buyerPlatform.await(action, request.context().messageId(), WAIT).body());
  }

  static EnergyOffer discovered(String offerId) throws Exception {
    Wave2Envelope d =
        send(
            Wave2Buyer.request(
                Wave2Action.DISCOVER,
                null,
                Wave2Buyer.discover(
                    "$.catalogs[*].offers[*] ? (@.offerAttributes.\"@type\" == \"EnergyTradeOffer\""
                        + " && @.id == '"
                        + offerId
                        + "')")));
    List<EnergyOffer> offers =
        new Wave2Codec(Wave2Buyer.POLICY, List.of()).offers(callback("on_discover", d).message());
    assertEquals(1, offers.size(), "exactly the offer asked for");
    return offers.get(0);
  }

  /**
   * Registers the seller DISCOM's ledger provider with a key of its own under {@code keyId} (one
   * per test class, so that classes sharing the registry keep their keys); its signer.
   */
  static BecknSigner registerSellerLedger(String keyId) throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    LedgerProvider l = Wave2Buyer.sellerLedger();
    Subscriber record =
        Subscriber.builder()
            .subscriberId(l.ledgerId())
            .uniqueKeyId(keyId)
            .type(SubscriberType.BPP)
            .url(l.ledgerUri())
            .domain(TestNetwork.DOMAIN)
            .signingPublicKey(key.publicKeyBase64())
            .status(Subscriber.SUBSCRIBED)
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(TestPeers.registryUrl() + "/admin/subscribers"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            SubscriberJson.writeList(List.of(record)).toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return BecknSigner.of(l.ledgerId(), keyId, key);
  }

  /** Confirms {@code kwh} of {@code offer} in transaction {@code txn}; the ACTIVE contract. */
  static TradeContract confirmed(EnergyOffer offer, String kwh, String txn) throws Exception {
    Wave2Envelope confirm =
        send(
            Wave2Buyer.request(
                Wave2Action.CONFIRM, txn, Wave2Buyer.contract(offer, new BigDecimal(kwh))));
    return read(callback("on_confirm", confirm));
  }

  static TradeContract read(Wave2Envelope e) throws Exception {
    return new Wave2Codec(Wave2Buyer.POLICY, List.of()).contract(e.message());
  }

  /** The records the buyer platform may read at the buyer DISCOM's ledger for a transaction. */
  static JsonNode buyerLedgerRecords(String txn) throws Exception {
    byte[] body = ("{\"transactionId\":\"" + txn + "\"}").getBytes(StandardCharsets.UTF_8);
    String answer =
        given()
            .contentType("application/json")
            .header("Authorization", TestPeers.peerSigner().authorization(body))
            .body(body)
            .post("/ledger/get")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return BecknJson.readTree(answer.getBytes(StandardCharsets.UTF_8)).path("records");
  }
}
