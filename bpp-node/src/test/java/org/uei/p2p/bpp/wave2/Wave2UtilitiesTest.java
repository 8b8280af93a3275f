package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
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
 * The seller platform on wave 2 with both DISCOMs' utility nodes configured: the test plays the
 * buyer platform, the seller DISCOM's ledger and the two utility nodes (registered, answering with
 * their own keys). Init and confirm wait for both utilities; a refusal releases the reservation; a
 * confirm reaches the ledgers only after both utilities recorded it, and a ledger failure after
 * that cancels the utilities' records.
 */
@QuarkusTest
@TestProfile(Wave2UtilitiesTest.WithUtilities.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2UtilitiesTest extends Wave2NodeTest {

  static final String SELLER_UTILITY = "utility.seller-discom.test";
  static final String BUYER_UTILITY = "utility.buyer-discom.test";
  static final String QUANTITY =
      "message.contract.commitments[0].commitmentAttributes.intervals[0]"
          + ".payloads[type=REQUESTED_QTY]";
  private static final String PORTS = "wave2-utilities-test.";

  /** Wave 2 with a utility node for each DISCOM. */
  public static class WithUtilities implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> c = new HashMap<>(Wave2Buyer.nodeConfig());
      c.put("uei.bpp.utilities." + Wave2Buyer.SELLER_DISCOM, SELLER_UTILITY);
      c.put("uei.bpp.utilities." + Wave2Buyer.BUYER_DISCOM, BUYER_UTILITY);
      c.put("uei.bpp.cascade.timeout", "PT20S");
      System.setProperty(PORTS + "seller", String.valueOf(CallbackReceiver.freePort()));
      System.setProperty(PORTS + "buyer", String.valueOf(CallbackReceiver.freePort()));
      return c;
    }
  }

  /** A utility node the test plays: where it receives, how it signs. */
  record Utility(String id, CallbackReceiver inbox, BecknSigner signer) {}

  static Utility sellerUtility;
  static Utility buyerUtility;

  @BeforeAll
  static void utilities() throws Exception {
    sellerUtility = utility(SELLER_UTILITY, Integer.getInteger(PORTS + "seller"));
    buyerUtility = utility(BUYER_UTILITY, Integer.getInteger(PORTS + "buyer"));
  }

  @AfterAll
  static void closeUtilities() {
    for (Utility u : new Utility[] {sellerUtility, buyerUtility}) {
      if (u != null) {
        u.inbox().close();
      }
    }
  }

  private static Utility utility(String id, int port) throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Subscriber record =
        Subscriber.builder()
            .subscriberId(id)
            .uniqueKeyId("k1")
            .type(SubscriberType.BPP)
            .url("http://127.0.0.1:" + port)
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
    return new Utility(id, CallbackReceiver.onPort(port).start(), BecknSigner.of(id, "k1", key));
  }

  /** The cascaded {@code action} that reached {@code u} for the contract of {@code offerId}. */
  private static Wave2Envelope cascaded(Utility u, String action, String offerId) throws Exception {
    return Wave2Envelope.parse(
        u.inbox()
            .await(
                r -> r.action().equals(action) && r.bodyText().contains(offerId),
                WAIT,
                action + " of " + offerId + " at " + u.id())
            .body());
  }

  private static long received(Utility u, String action, String marker) {
    return u.inbox().received().stream()
        .filter(r -> r.action().equals(action) && r.bodyText().contains(marker))
        .count();
  }

  /**
   * The utility's answer to a cascaded request, written by hand as a DISCOM sends it: the contract
   * it received (under {@code recordId} and ACTIVE when it recorded it), its DiscomLimitCheck for
   * the side it meters, and {@code error} when it refuses.
   */
  private static void answer(
      Utility u,
      Wave2Envelope request,
      String side,
      String result,
      String headroom,
      String recordId,
      String error) {
    ObjectNode context = Wave2Contexts.callbackFor(request.context(), Clock.systemUTC());
    ObjectNode contract = request.message().contract().toJson();
    if (recordId != null) {
      contract.put("id", recordId);
      contract.putObject("status").put("code", "ACTIVE");
    }
    ObjectNode attrs =
        contract
            .putArray("performance")
            .addObject()
            .put("id", "discom-limit-check-1")
            .putObject("performanceAttributes")
            .put("@context", "https://schema.nfh.global/DiscomLimitCheck/v2.0/context.jsonld")
            .put("@type", "DiscomLimitCheck");
    attrs
        .putObject(side)
        .put("discomParticipantId", u.id())
        .put("limitCheckResult", result)
        .put("remainingHeadroomKwh", new BigDecimal(headroom));
    ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    root.set("context", context);
    root.putObject("message").set("contract", contract);
    if (error != null) {
      root.putObject("error").put("code", "50000").put("message", error);
    }
    byte[] body = BecknJson.write(root);
    given()
        .contentType("application/json")
        .header("Authorization", u.signer().authorization(body))
        .body(body)
        .post("/" + context.get("action").asText())
        .then()
        .statusCode(200);
  }

  private static long ledgerPuts(String txn) {
    return sellerLedger.received().stream().filter(p -> p.text().contains(txn)).count();
  }

  private static JsonNode json(Wave2Envelope e) {
    return e.toJson();
  }

  @Test
  void aTradePassingBothDiscomsIsRecordedThereThenAtTheLedgersAndAReplayRecordsNothingNew()
      throws Exception {
    sellerLedger.answering(true);
    String offerId = publish("6.00", "5");
    EnergyOffer offer = discovered(offerId);
    String txn = UUID.randomUUID().toString();
    Wave2Envelope init =
        send(
            Wave2Buyer.request(
                Wave2Action.INIT, txn, Wave2Buyer.contract(offer, new BigDecimal("2"))));
    Wave2Envelope sellerInit = cascaded(sellerUtility, "init", offerId);
    Wave2Envelope buyerInit = cascaded(buyerUtility, "init", offerId);
    assertEquals(TestPeers.nodeId(), sellerInit.context().bapId(), "sent by this platform");
    assertEquals(SELLER_UTILITY, sellerInit.context().bppId());
    assertNotEquals(txn, sellerInit.context().transactionId(), "a transaction of its own");
    assertEquals("DRAFT", sellerInit.message().contract().statusCode());
    answer(sellerUtility, sellerInit, "sellerSide", "OK", "8", null, null);
    answer(buyerUtility, buyerInit, "buyerSide", "OK", "3", null, null);
    JsonNode onInit = json(callback("on_init", init));
    assertTrue(onInit.path("error").isMissingNode(), onInit.toString());
    JsonNode check = onInit.at("/message/contract/performance/0/performanceAttributes");
    assertEquals(
        BUYER_UTILITY, check.at("/buyerSide/discomParticipantId").asText(), onInit.toString());
    assertEquals("OK", check.at("/buyerSide/limitCheckResult").asText());
    assertEquals(SELLER_UTILITY, check.at("/sellerSide/discomParticipantId").asText());
    assertEquals(
        0,
        new BigDecimal("8").compareTo(check.at("/sellerSide/remainingHeadroomKwh").decimalValue()));

    Wave2Envelope confirm =
        send(
            Wave2Buyer.request(
                Wave2Action.CONFIRM, txn, Wave2Buyer.contract(offer, new BigDecimal("2"))));
    Wave2Envelope sellerConfirm = cascaded(sellerUtility, "confirm", offerId);
    Wave2Envelope buyerConfirm = cascaded(buyerUtility, "confirm", offerId);
    assertEquals(0, new BigDecimal("3").compareTo(available(offerId)), "held while they check");
    assertEquals(0, ledgerPuts(txn), "the ledgers hear of it only after the utilities recorded");
    answer(sellerUtility, sellerConfirm, "sellerSide", "OK", "6", "UO-seller-" + txn, null);
    answer(buyerUtility, buyerConfirm, "buyerSide", "OK", "1", "UO-buyer-" + txn, null);
    JsonNode onConfirm = json(callback("on_confirm", confirm));
    assertTrue(onConfirm.path("error").isMissingNode(), onConfirm.toString());
    assertEquals("ACTIVE", onConfirm.at("/message/contract/status/code").asText());
    String contractId = onConfirm.at("/message/contract/id").asText();
    assertEquals(
        "OK",
        onConfirm
            .at("/message/contract/performance/0/performanceAttributes/buyerSide/limitCheckResult")
            .asText());
    assertEquals(1, ledgerPuts(txn), "the seller DISCOM's ledger recorded it");
    assertEquals(1, buyerLedgerRecords(txn).size(), "and the buyer DISCOM's");

    Wave2Envelope replay =
        send(
            Wave2Buyer.request(
                Wave2Action.CONFIRM, txn, Wave2Buyer.contract(offer, new BigDecimal("2"))));
    JsonNode again = json(callback("on_confirm", replay));
    assertEquals(contractId, again.at("/message/contract/id").asText());
    assertEquals("ACTIVE", again.at("/message/contract/status/code").asText());
    assertEquals(1, received(sellerUtility, "confirm", offerId), "no second record asked for");
    assertEquals(1, received(buyerUtility, "confirm", offerId));
    assertEquals(1, ledgerPuts(txn));
    assertEquals(0, new BigDecimal("3").compareTo(available(offerId)), "energy taken once");

    Wave2Envelope cancel =
        send(Wave2Buyer.request(Wave2Action.CANCEL, txn, callback("on_confirm", replay).message()));
    assertEquals("CANCELLED", callback("on_cancel", cancel).message().contract().statusCode());
    assertEquals(0, new BigDecimal("5").compareTo(available(offerId)));
    assertEquals(
        "UO-seller-" + txn,
        cascaded(sellerUtility, "cancel", "UO-seller-" + txn).message().contract().id(),
        "the DISCOMs free the headroom too");
    assertEquals(
        "UO-buyer-" + txn,
        cascaded(buyerUtility, "cancel", "UO-buyer-" + txn).message().contract().id());
  }

  @Test
  void anInitAboveTheBuyersHeadroomIsRefusedNamingTheDiscomRuleMeterAndInterval() throws Exception {
    String offerId = publish("6.00", "5");
    EnergyOffer offer = discovered(offerId);
    Wave2Envelope init =
        send(
            Wave2Buyer.request(
                Wave2Action.INIT,
                UUID.randomUUID().toString(),
                Wave2Buyer.contract(offer, new BigDecimal("4"))));
    answer(
        sellerUtility,
        cascaded(sellerUtility, "init", offerId),
        "sellerSide",
        "OK",
        "6",
        null,
        null);
    answer(
        buyerUtility,
        cascaded(buyerUtility, "init", offerId),
        "buyerSide",
        "REJECTED",
        "1",
        null,
        "DISCOM TEST_DISCOM_BUYER refuses: item 1: BUYER_CAP (buyer meter TEST_METER_BUYER_001,"
            + " remaining headroom 1.00 kWh): 4 kWh exceed the sanctioned load");
    JsonNode onInit = json(callback("on_init", init));
    assertEquals("50000", onInit.at("/error/code").asText(), onInit.toString());
    String why = onInit.at("/error/message").asText();
    assertTrue(why.contains("DISCOM " + Wave2Buyer.BUYER_DISCOM), why);
    assertTrue(why.contains(BUYER_UTILITY), why);
    assertTrue(why.contains("BUYER_CAP"), why);
    assertTrue(why.contains("TEST_METER_BUYER_001"), why);
    assertTrue(why.contains("remaining headroom 1.00 kWh"), why);
    assertEquals(QUANTITY, onInit.at("/error/paths").asText());
    assertEquals(
        "REJECTED",
        onInit
            .at("/message/contract/performance/0/performanceAttributes/buyerSide/limitCheckResult")
            .asText());
    assertEquals(0, new BigDecimal("5").compareTo(available(offerId)));
  }

  @Test
  void aConfirmRefusedByTheBuyerDiscomLeavesNoReservationAndCancelsTheSellerDiscomsRecord()
      throws Exception {
    String offerId = publish("6.00", "5");
    EnergyOffer offer = discovered(offerId);
    String txn = UUID.randomUUID().toString();
    Wave2Envelope confirm =
        send(
            Wave2Buyer.request(
                Wave2Action.CONFIRM, txn, Wave2Buyer.contract(offer, new BigDecimal("4"))));
    String sellerRecord = "UO-seller-" + txn;
    answer(
        sellerUtility,
        cascaded(sellerUtility, "confirm", offerId),
        "sellerSide",
        "OK",
        "4",
        sellerRecord,
        null);
    answer(
        buyerUtility,
        cascaded(buyerUtility, "confirm", offerId),
        "buyerSide",
        "REJECTED",
        "1",
        null,
        "DISCOM TEST_DISCOM_BUYER refuses: item 1: BUYER_CAP (buyer meter TEST_METER_BUYER_001,"
            + " remaining headroom 1.00 kWh)");
    JsonNode onConfirm = json(callback("on_confirm", confirm));
    assertEquals("50000", onConfirm.at("/error/code").asText(), onConfirm.toString());
    assertTrue(onConfirm.at("/error/message").asText().contains("BUYER_CAP"));
    assertEquals(QUANTITY, onConfirm.at("/error/paths").asText());
    assertEquals("DRAFT", onConfirm.at("/message/contract/status/code").asText());
    assertEquals(0, new BigDecimal("5").compareTo(available(offerId)), "reservation released");
    Wave2Envelope cancel = cascaded(sellerUtility, "cancel", sellerRecord);
    assertEquals(sellerRecord, cancel.message().contract().id());
    assertEquals(0, received(buyerUtility, "cancel", txn), "the refusing DISCOM recorded nothing");
    assertEquals(0, ledgerPuts(txn), "no ledger heard of it");
  }

  @Test
  void aLedgerDownAfterBothUtilitiesRecordedCancelsTheirRecordsAndReleasesTheEnergy()
      throws Exception {
    String offerId = publish("6.00", "5");
    EnergyOffer offer = discovered(offerId);
    String txn = UUID.randomUUID().toString();
    sellerLedger.answering(false);
    try {
      Wave2Envelope confirm =
          send(
              Wave2Buyer.request(
                  Wave2Action.CONFIRM, txn, Wave2Buyer.contract(offer, BigDecimal.ONE)));
      String sellerRecord = "UO-seller-" + txn;
      String buyerRecord = "UO-buyer-" + txn;
      answer(
          sellerUtility,
          cascaded(sellerUtility, "confirm", offerId),
          "sellerSide",
          "OK",
          "4",
          sellerRecord,
          null);
      answer(
          buyerUtility,
          cascaded(buyerUtility, "confirm", offerId),
          "buyerSide",
          "OK",
          "2",
          buyerRecord,
          null);
      JsonNode onConfirm = json(callback("on_confirm", confirm));
      assertEquals(
          Wave2Seller.LEDGER_TIMEOUT, onConfirm.at("/error/code").asText(), onConfirm.toString());
      assertTrue(onConfirm.at("/error/message").asText().contains("records cancelled"));
      assertEquals("DRAFT", onConfirm.at("/message/contract/status/code").asText());
      assertEquals(0, new BigDecimal("5").compareTo(available(offerId)), "energy released");
      assertEquals(
          sellerRecord, cascaded(sellerUtility, "cancel", sellerRecord).message().contract().id());
      assertEquals(
          buyerRecord, cascaded(buyerUtility, "cancel", buyerRecord).message().contract().id());
      assertEquals(0, buyerLedgerRecords(txn).size(), "the buyer DISCOM's ledger was never asked");
    } finally {
      sellerLedger.answering(true);
    }
  }
}
