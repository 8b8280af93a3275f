package org.uei.p2p.bpp.wave2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * What a wave-2 buyer is refused at init or confirm: a 400 NACK in its own terms, nothing stored.
 */
@QuarkusTest
@TestProfile(Wave2Mode.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2RefusalTest extends Wave2NodeTest {

  @Inject MessageStore store;

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
}
