package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.SettlementTerm;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;

/**
 * The wave-2 contract flow: settlement terms, confirm with ledger forwarding, its failure and
 * retry, and the race for the last kWh.
 */
@QuarkusTest
@TestProfile(Wave2Mode.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2SellerTest extends Wave2NodeTest {

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

    // The operator's notify sends the contract on the order's own wire, wave 2.
    for (String action : List.of("on_status", "on_update")) {
      String notified =
          given()
              .contentType("application/json")
              .body(java.util.Map.of("action", action))
              .post("/provider/orders/" + active.order().orderId() + "/notify")
              .then()
              .statusCode(200)
              .body("action", equalTo(action))
              .extract()
              .path("message_id");
      Wave2Envelope pushed =
          Wave2Envelope.parse(buyerPlatform.await(action, notified, WAIT).body());
      assertEquals(action, pushed.context().action());
      assertEquals(txn, pushed.context().transactionId());
      assertEquals("ACTIVE", pushed.message().contract().statusCode());
    }

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
