package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.SettlementTerm;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The seller platform on IES wave 2, the test playing the buyer platform and the seller DISCOM's
 * ledger; the buyer DISCOM's ledger is this node's own ledger API.
 */
@QuarkusTest
@TestProfile(Wave2SellerTest.Wave2Mode.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2SellerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static CallbackReceiver buyerPlatform;
  private static LedgerDouble sellerLedger;

  @Inject MessageStore store;

  /** Wave 1 and wave 2 on one node, ledgers as {@link Wave2Buyer#nodeConfig()} sets them. */
  public static class Wave2Mode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Wave2Buyer.nodeConfig();
    }
  }

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
  private static String publish(String price, String kwh) {
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
                org.uei.p2p.market.rules.TradingRules.ies()
                    .firstTradableSlot(java.time.Instant.now())
                    .toString(),
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

  private static BigDecimal available(String offerId) {
    return new BigDecimal(
        given()
            .get("/provider/offers/" + offerId)
            .then()
            .extract()
            .path("availableKwh")
            .toString());
  }

  private static Wave2Envelope send(Wave2Envelope request) {
    var answer = Wave2Buyer.post(request);
    assertEquals(200, answer.statusCode(), answer.asString());
    answer.then().body("status", equalTo("ACK"));
    return request;
  }

  private static Wave2Envelope callback(String action, Wave2Envelope request) throws Exception {
    return Wave2Envelope.parse(
        buyerPlatform.await(action, request.context().messageId(), WAIT).body());
  }

  private static EnergyOffer discovered(String offerId) throws Exception {
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

  private static TradeContract read(Wave2Envelope e) throws Exception {
    return new Wave2Codec(Wave2Buyer.POLICY, List.of()).contract(e.message());
  }

  /** The records the buyer platform may read at the buyer DISCOM's ledger for a transaction. */
  private static JsonNode buyerLedgerRecords(String txn) throws Exception {
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

  @Test
  void initGetsSettlementTermsAndConfirmIsRecordedOnBothLedgersBeforeItIsActive() throws Exception {
    sellerLedger.answering(true);
    String offerId = publish("6.50", "5");
    EnergyOffer offer = discovered(offerId);
    assertEquals(0, new BigDecimal("5").compareTo(offer.maxQuantityKwh()));
    String txn = UUID.randomUUID().toString();

    // select is optional on wave 2; when sent, it is quoted at the catalog's price.
    Wave2Envelope select =
        send(
            Wave2Buyer.request(
                Wave2Action.SELECT, txn, Wave2Buyer.contract(offer, new BigDecimal("2"))));
    Contract quoted = callback("on_select", select).message().contract();
    assertEquals("DRAFT", quoted.statusCode());
    assertTrue(quoted.settlementTerm().isEmpty(), "payment terms come with on_init");

    Wave2Envelope init =
        send(
            Wave2Buyer.request(
                Wave2Action.INIT, txn, Wave2Buyer.contract(offer, new BigDecimal("2"))));
    Wave2Envelope onInit = callback("on_init", init);
    Contract draft = onInit.message().contract();
    assertEquals("DRAFT", draft.statusCode());
    SettlementTerm terms = draft.settlementTerm().orElseThrow();
    assertEquals("seller-platform@upi", terms.payTo().vpa());
    assertEquals(0, new BigDecimal("13.00").compareTo(terms.amount()));
    assertEquals("INR", terms.amountCurrency());

    Wave2Envelope confirm =
        send(
            Wave2Buyer.request(
                Wave2Action.CONFIRM, txn, Wave2Buyer.contract(offer, new BigDecimal("2"))));
    Wave2Envelope onConfirm = callback("on_confirm", confirm);
    assertNull(onConfirm.member("error"), "no error: " + onConfirm.member("error"));
    TradeContract active = read(onConfirm);
    assertEquals(TradeStatus.CONFIRMED, active.order().status());
    assertNotNull(active.order().orderId());
    assertEquals(0, new BigDecimal("3").compareTo(available(offerId)));

    // The seller DISCOM's ledger got the contract first, signed by this node over the bytes sent.
    LedgerDouble.Put put =
        sellerLedger.received().stream()
            .filter(p -> p.text().contains(txn))
            .findFirst()
            .orElseThrow();
    var check =
        BecknVerifier.of(
                StaticKeyResolver.builder()
                    .add(TestPeers.nodeId(), "k1", TestPeers.nodePublicKey())
                    .build())
            .verify(put.authorization(), put.body(), TestPeers.nodeId());
    assertTrue(check.valid(), check.toString());
    JsonNode sent = BecknJson.readTree(put.body());
    assertEquals("SELLER", sent.path("role").asText());
    assertEquals("1", sent.path("orderItemId").asText());
    assertEquals(Wave2Buyer.BUYER_DISCOM, sent.path("discomIdBuyer").asText());
    assertEquals("2", sent.path("tradeDetails").path(0).path("tradeQty").asText());

    // The buyer DISCOM's ledger (this node's ledger API) holds it, visible to the buyer platform.
    JsonNode records = buyerLedgerRecords(txn);
    assertEquals(1, records.size(), records.toString());
    assertEquals(TestPeers.nodeId(), records.get(0).path("platformIdSeller").asText());

    Wave2Envelope status = send(Wave2Buyer.request(Wave2Action.STATUS, txn, onConfirm.message()));
    assertEquals("ACTIVE", callback("on_status", status).message().contract().statusCode());

    Wave2Envelope cancel = send(Wave2Buyer.request(Wave2Action.CANCEL, txn, onConfirm.message()));
    assertEquals("CANCELLED", callback("on_cancel", cancel).message().contract().statusCode());
    assertEquals(0, new BigDecimal("5").compareTo(available(offerId)));
  }

  @Test
  void aLedgerThatDoesNotAnswerFailsTheConfirmWithNothingKeptAndARetrySucceeds() throws Exception {
    String offerId = publish("7.00", "4");
    EnergyOffer offer = discovered(offerId);
    String txn = UUID.randomUUID().toString();
    Wave2Message contract = Wave2Buyer.contract(offer, new BigDecimal("3"));

    sellerLedger.answering(false);
    Wave2Envelope first = send(Wave2Buyer.request(Wave2Action.CONFIRM, txn, contract));
    Wave2Envelope refused = callback("on_confirm", first);
    JsonNode error = refused.member("error");
    assertNotNull(error, "the confirm fails with an error");
    assertEquals(Wave2Seller.LEDGER_TIMEOUT, error.path("code").asText());
    assertTrue(
        error.path("message").asText().contains("TEST_DISCOM_SELLER"),
        error.path("message").asText());
    assertNull(refused.message().contract().id(), "no contract was made");
    assertEquals(0, new BigDecimal("4").compareTo(available(offerId)), "nothing reserved");
    given()
        .get("/provider/orders")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString(txn)));
    assertEquals(0, buyerLedgerRecords(txn).size(), "the buyer DISCOM's ledger was not called");

    sellerLedger.answering(true);
    Wave2Envelope retry = send(Wave2Buyer.request(Wave2Action.CONFIRM, txn, contract));
    Wave2Envelope onConfirm = callback("on_confirm", retry);
    assertNull(onConfirm.member("error"));
    assertEquals("ACTIVE", onConfirm.message().contract().statusCode());
    assertEquals(0, new BigDecimal("1").compareTo(available(offerId)));
    assertEquals(1, buyerLedgerRecords(txn).size());
  }

  /** Posts {@code request} and expects a 400 wave-2 NACK; nothing of the transaction is stored. */
  private JsonNode refused(Wave2Envelope request) throws Exception {
    var answer = Wave2Buyer.post(request);
    assertEquals(400, answer.statusCode(), answer.asString());
    JsonNode body = BecknJson.readTree(answer.asByteArray());
    assertEquals("NACK", body.path("status").asText());
    assertTrue(store.byTransaction(request.context().transactionId()).isEmpty(), "nothing stored");
    return body.path("error");
  }

  @Test
  void theContractPolicyRefusesAtInitWithTheRuleAndThePathAndStoresNothing() throws Exception {
    EnergyOffer offer = discovered(publish("6.50", "5"));
    BigDecimal kwh = new BigDecimal("2");

    LedgerProvider other =
        new LedgerProvider(
            "TEST_DISCOM_OTHER",
            "other-discom.test",
            "http://127.0.0.1:39",
            "other-ledger.test",
            "http://127.0.0.1:49");
    JsonNode blocked =
        refused(
            Wave2Buyer.request(
                Wave2Action.INIT,
                UUID.randomUUID().toString(),
                Wave2Buyer.contract(
                    offer,
                    kwh,
                    new MeterPoint("TEST_METER_BUYER_002", "TEST_DISCOM_OTHER"),
                    Wave2Buyer.sellerLedger(),
                    other)));
    assertEquals("50000", blocked.path("code").asText());
    assertTrue(blocked.path("message").asText().contains("CON-BUYER-DISCOM"), blocked.toString());
    assertTrue(
        blocked.path("paths").asText().contains("message.contract.contractAttributes.roles"),
        blocked.toString());

    LedgerProvider wrongLedger =
        new LedgerProvider(
            Wave2Buyer.BUYER_DISCOM,
            "buyer-discom.test",
            "http://127.0.0.1:29",
            "buyer-ledger.test",
            "http://127.0.0.1:49");
    JsonNode badLedger =
        refused(
            Wave2Buyer.request(
                Wave2Action.INIT,
                UUID.randomUUID().toString(),
                Wave2Buyer.contract(
                    offer, kwh, Wave2Buyer.BUYER_METER, Wave2Buyer.sellerLedger(), wrongLedger)));
    assertTrue(badLedger.path("message").asText().contains("CON-LEDGER-URL"), badLedger.toString());
    assertEquals(
        "message.contract.participants[2].participantAttributes.ledgerUri",
        badLedger.path("paths").asText());

    EnergyOffer inDollars =
        new EnergyOffer(
            offer.offerId(),
            offer.providerId(),
            offer.seller(),
            offer.slot(),
            new UnitPrice(offer.price().perKwh(), Currency.getInstance("USD")),
            offer.maxQuantityKwh(),
            offer.validFrom(),
            offer.validUntil());
    JsonNode dollars =
        refused(
            Wave2Buyer.request(
                Wave2Action.INIT,
                UUID.randomUUID().toString(),
                Wave2Buyer.contract(inDollars, kwh)));
    assertTrue(dollars.path("message").asText().contains("USD"), dollars.toString());
    assertEquals(
        "message.contract.commitments[0].commitmentAttributes.payloadDescriptors[0].currency",
        dollars.path("paths").asText());
  }

  @Test
  void aPriceOtherThanTheCatalogsOrAnotherNetworkIsRefusedInTheBuyersTerms() throws Exception {
    EnergyOffer offer = discovered(publish("6.50", "5"));
    EnergyOffer cheaper =
        new EnergyOffer(
            offer.offerId(),
            offer.providerId(),
            offer.seller(),
            offer.slot(),
            new UnitPrice(new BigDecimal("5.00"), offer.price().currency()),
            offer.maxQuantityKwh(),
            offer.validFrom(),
            offer.validUntil());
    JsonNode price =
        refused(
            Wave2Buyer.request(
                Wave2Action.INIT,
                UUID.randomUUID().toString(),
                Wave2Buyer.contract(cheaper, new BigDecimal("2"))));
    assertEquals("40003", price.path("code").asText());
    assertEquals(
        "message.contract.commitments[0].commitmentAttributes.intervals[0].payloads[type=PRICE_PER_KWH]",
        price.path("paths").asText());

    JsonNode tooMuch =
        refused(
            Wave2Buyer.request(
                Wave2Action.CONFIRM,
                UUID.randomUUID().toString(),
                Wave2Buyer.contract(offer, new BigDecimal("6"))));
    assertEquals("40002", tooMuch.path("code").asText());

    JsonNode elsewhere =
        refused(
            Wave2Buyer.request(
                Wave2Action.INIT,
                new Wave2Contexts.Parties(
                    "example.org/another-network",
                    TestPeers.peerId(),
                    TestPeers.peerUrl(),
                    TestPeers.nodeId(),
                    TestPeers.nodeUrl()),
                UUID.randomUUID().toString(),
                Wave2Buyer.contract(offer, new BigDecimal("2"))));
    assertEquals("context.networkId", elsewhere.path("paths").asText());
  }

  /** Registers the seller DISCOM's ledger provider, which signs its on_status with its own key. */
  private static BecknSigner registerSellerLedger() throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    LedgerProvider l = Wave2Buyer.sellerLedger();
    Subscriber record =
        Subscriber.builder()
            .subscriberId(l.ledgerId())
            .uniqueKeyId("k1")
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
    return BecknSigner.of(l.ledgerId(), "k1", key);
  }

  /** An on_status to the seller platform from {@code senderId} at {@code senderUri}. */
  private static Wave2Envelope onStatus(
      String txn, String senderId, String senderUri, TradeContract tc) {
    ObjectNode context =
        JsonNodeFactory.instance
            .objectNode()
            .put("networkId", Wave2Buyer.NETWORK)
            .put("version", "2.0.0")
            .put("action", "on_status")
            .put("bapId", TestPeers.nodeId())
            .put("bapUri", TestPeers.nodeUrl())
            .put("bppId", senderId)
            .put("bppUri", senderUri)
            .put("transactionId", txn)
            .put("messageId", UUID.randomUUID().toString())
            .put("timestamp", java.time.Instant.now().toString())
            .put("ttl", "PT30S");
    return Wave2Envelope.of(
        context, new Wave2Codec(Wave2Buyer.POLICY, List.of()).contractMessage(tc));
  }

  private static TradeContract withAllocation(TradeContract active, Allocation a) {
    return new TradeContract(
        active.order(),
        active.policy(),
        active.buyerLedger(),
        active.sellerLedger(),
        List.of(a),
        Map.of(),
        List.of());
  }

  /** The next on_status the buyer platform gets in {@code txn} that mentions {@code marker}. */
  private static Wave2Envelope onStatusTo(String txn, String marker) throws Exception {
    return Wave2Envelope.parse(
        buyerPlatform
            .await(
                r ->
                    r.action().equals("on_status")
                        && r.bodyText().contains(txn)
                        && r.bodyText().contains(marker),
                WAIT,
                "on_status with " + marker)
            .body());
  }

  private static io.restassured.response.Response post(Wave2Envelope e, BecknSigner signer) {
    byte[] body = e.write();
    return given()
        .contentType("application/json")
        .header("Authorization", signer.authorization(body))
        .body(body)
        .post("/on_status");
  }

  @Test
  void bothDiscomsAllocationsSettleTheContractOnceWithRevenueFlowsSummingToZero() throws Exception {
    BecknSigner ledger = registerSellerLedger();
    sellerLedger.answering(true);
    EnergyOffer offer = discovered(publish("6.50", "5"));
    String txn = UUID.randomUUID().toString();
    Wave2Envelope confirm =
        send(
            Wave2Buyer.request(
                Wave2Action.CONFIRM, txn, Wave2Buyer.contract(offer, new BigDecimal("2"))));
    TradeContract active = read(callback("on_confirm", confirm));
    String trade = active.order().orderId() + "/1";
    String sellerMeter = active.order().lines().get(0).seller().meterId();

    // A participant outside the contract cannot report an allocation.
    var intruder =
        post(
            onStatus(
                txn,
                TestPeers.intruderId(),
                TestPeers.peerUrl(),
                withAllocation(
                    active,
                    new Allocation(
                        trade,
                        TradeSide.BUYER,
                        Wave2Buyer.BUYER_METER.meterId(),
                        new BigDecimal("2"),
                        BigDecimal.ONE))),
            TestPeers.intruderSigner());
    assertEquals(400, intruder.statusCode(), intruder.asString());

    // The seller DISCOM's ledger reports its side; the seller platform passes it to the buyer.
    var fromLedger =
        post(
            onStatus(
                txn,
                Wave2Buyer.sellerLedger().ledgerId(),
                Wave2Buyer.sellerLedger().ledgerUri(),
                withAllocation(
                    active,
                    new Allocation(
                        trade,
                        TradeSide.SELLER,
                        sellerMeter,
                        new BigDecimal("2"),
                        new BigDecimal("1.8")))),
            ledger);
    assertEquals(200, fromLedger.statusCode(), fromLedger.asString());
    TradeContract passedOn = read(onStatusTo(txn, "SELLER_DISCOM_ALLOC"));
    assertEquals(1, passedOn.allocations().size());
    assertEquals(0, new BigDecimal("1.8").compareTo(passedOn.allocations().get(0).allocatedKwh()));
    assertTrue(passedOn.finalKwh().isEmpty(), "not final before the buyer side is in");

    // More than was traded is refused.
    var tooMuch =
        post(
            onStatus(
                txn,
                TestPeers.peerId(),
                TestPeers.peerUrl(),
                withAllocation(
                    active,
                    new Allocation(
                        trade,
                        TradeSide.BUYER,
                        Wave2Buyer.BUYER_METER.meterId(),
                        new BigDecimal("3"),
                        new BigDecimal("3")))),
            TestPeers.peerSigner());
    assertEquals(400, tooMuch.statusCode(), tooMuch.asString());

    // The buyer platform brings the buyer DISCOM's side: the contract settles.
    var fromBuyer =
        post(
            onStatus(
                txn,
                TestPeers.peerId(),
                TestPeers.peerUrl(),
                withAllocation(
                    active,
                    new Allocation(
                        trade,
                        TradeSide.BUYER,
                        Wave2Buyer.BUYER_METER.meterId(),
                        new BigDecimal("2"),
                        new BigDecimal("1.5")))),
            TestPeers.peerSigner());
    assertEquals(200, fromBuyer.statusCode(), fromBuyer.asString());
    Wave2Envelope settled = onStatusTo(txn, "FINAL_ALLOC");
    TradeContract s = read(settled);
    assertEquals(0, new BigDecimal("1.5").compareTo(s.finalKwh().get(trade)));
    var flows = settled.message().contract().revenueFlow().orElseThrow().revenueFlows();
    BigDecimal sum = BigDecimal.ZERO;
    for (var f : flows) {
      sum = sum.add(f.value());
    }
    assertEquals(0, sum.signum(), "the flows sum to zero");
    assertEquals(
        0,
        new BigDecimal("-9.75")
            .compareTo(
                flows.stream()
                    .filter(f -> "buyerPlatform".equals(f.role()))
                    .findFirst()
                    .orElseThrow()
                    .value()),
        "the buyer platform pays FINAL_ALLOC × price");
  }

  @Test
  void twoBuyersConfirmingTheLastEnergyAtOnceGetItOnceAndTheOtherAClearRefusal() throws Exception {
    sellerLedger.answering(true);
    String offerId = publish("6.00", "4");
    EnergyOffer offer = discovered(offerId);
    List<Wave2Envelope> confirms = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      confirms.add(
          Wave2Buyer.request(
              Wave2Action.CONFIRM,
              UUID.randomUUID().toString(),
              Wave2Buyer.contract(offer, new BigDecimal("3"))));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (var f :
          pool.invokeAll(
              confirms.stream()
                  .map(c -> (java.util.concurrent.Callable<Wave2Envelope>) () -> send(c))
                  .toList())) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    int active = 0;
    int refused = 0;
    for (Wave2Envelope c : confirms) {
      Wave2Envelope answer = callback("on_confirm", c);
      if (answer.member("error") == null) {
        assertEquals("ACTIVE", answer.message().contract().statusCode());
        active++;
      } else {
        assertNull(answer.message().contract().id(), "a refused confirm makes no contract");
        refused++;
      }
    }
    assertEquals(1, active, "exactly one buyer gets the energy");
    assertEquals(1, refused);
    assertEquals(0, BigDecimal.ONE.compareTo(available(offerId)));
  }
}
