package org.uei.p2p.bpp.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.bpp.BuyerSide;
import org.uei.p2p.credentials.CredentialIssuer;
import org.uei.p2p.credentials.ElectricityCredentials;
import org.uei.p2p.credentials.did.RegistryDidResolver;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.proof.ProofSuite;
import org.uei.p2p.credentials.status.RevocationPublisher;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * A seller platform on a network that requires DISCOM credentials: a prosumer registers only with a
 * valid credential from its own DISCOM's utility that names its meter and backs its capacity, and a
 * credential revoked after registration stops its trades. The registered counterparty plays TPDDL's
 * utility node and issues with its registry key.
 */
@QuarkusTest
@TestProfile(RequiredCredentialsTest.Required.class)
@QuarkusTestResource(TestNetwork.class)
class RequiredCredentialsTest {
  private static final String UTILITY = "bap.test.peer";

  /** Credentials required; the counterparty is TPDDL's utility. */
  public static class Required implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("uei.bpp.credentials.require", "true", "uei.bpp.utilities.TPDDL", UTILITY);
    }
  }

  @RegisterExtension static final CallbackReceiver buyerPlatform = CallbackReceiver.forPeer();

  private static String publish(String prosumerId) {
    return given()
        .contentType("application/json")
        .body(
            Map.of(
                "prosumerId",
                prosumerId,
                "slotStart",
                BuyerSide.tradableSlot().toString(),
                "pricePerKwh",
                new BigDecimal("6.00"),
                "maxKwh",
                new BigDecimal("3")))
        .post("/provider/offers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static EnergyOffer discovered(String offerId) throws Exception {
    Envelope<Message> d = BuyerSide.discover("$[?(@.beckn:id == '" + offerId + "')]");
    BuyerSide.post(d).then().statusCode(200).body("message.ack.status", equalTo("ACK"));
    CallbackReceiver.Received r =
        buyerPlatform.await("on_discover", d.getContext().getMessageId(), Duration.ofSeconds(10));
    List<EnergyOffer> offers = new Wave1Codec().offers(Envelopes.parse(r.body()).getMessage());
    assertEquals(1, offers.size());
    return offers.get(0);
  }

  private static io.restassured.response.Response select(EnergyOffer offer) {
    return BuyerSide.post(
        BuyerSide.orderRequest(
            Action.SELECT,
            UUID.randomUUID().toString(),
            BuyerSide.order(offer, BigDecimal.ONE, BuyerSide.BUYER_METER)));
  }

  private static ObjectNode issue(UUID id, String meter, String capacityKw) {
    String vm = RegistryDidResolver.verificationMethod(UTILITY, "k1");
    ElectricityCredentials tpddl =
        new ElectricityCredentials(
            RegistryDidResolver.did(UTILITY),
            "TPDDL",
            Instant.now().minusSeconds(60),
            Instant.now().plusSeconds(86_400),
            TestPeers.registryUrl(),
            UTILITY);
    ObjectNode unsigned =
        tpddl.unsigned(
            ElectricityCredentials.subject(
                null,
                "C-" + meter,
                tpddl.meterIri(meter),
                meter,
                new BigDecimal("5"),
                new BigDecimal(capacityKw),
                "LT-2"),
            id);
    Credential signed =
        CredentialIssuer.of(TestPeers.peerKey(), vm).issue(unsigned, ProofSuite.EDDSA_RDFC_2022);
    return signed.json();
  }

  private static Map<String, Object> prosumer(String meter, String capacityKw, Object credential) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", "p-" + meter);
    p.put("meterId", meter);
    p.put("discomId", "TPDDL");
    p.put("stateCode", "DL");
    p.put("installedCapacityKw", new BigDecimal(capacityKw));
    if (credential != null) {
      p.put("credential", credential);
    }
    return p;
  }

  private static io.restassured.response.ValidatableResponse register(Map<String, Object> p) {
    return given().contentType("application/json").body(p).post("/provider/prosumers").then();
  }

  @Test
  void registrationNeedsAValidCredentialThatBacksTheClaims() {
    String meter = "TPDDL-P-" + UUID.randomUUID().toString().substring(0, 8);
    register(prosumer(meter, "4", null))
        .statusCode(400)
        .body("error", containsString("no credential from its DISCOM"));
    register(prosumer(meter, "4", issue(UUID.randomUUID(), "TPDDL-OTHER", "4")))
        .statusCode(400)
        .body("error", containsString("does not name meter"));
    register(prosumer(meter, "6", issue(UUID.randomUUID(), meter, "4")))
        .statusCode(400)
        .body("error", containsString("more than the 4 kW the credential attests"));
    ObjectNode tampered = issue(UUID.randomUUID(), meter, "4");
    ((ObjectNode) tampered.at("/credentialSubject/customerProfile/consumptionProfiles/0"))
        .putObject("sanctionedLoad")
        .put("value", 50)
        .put("unit", "kW");
    register(prosumer(meter, "4", tampered))
        .statusCode(400)
        .body("error", containsString("TAMPERED"));
    Map<String, Object> elsewhere = prosumer(meter, "4", issue(UUID.randomUUID(), meter, "4"));
    elsewhere.put("discomId", "BRPL");
    register(elsewhere)
        .statusCode(400)
        .body("error", containsString("not by the utility of DISCOM 'BRPL'"));

    register(prosumer(meter, "4", issue(UUID.randomUUID(), meter, "4"))).statusCode(201);
  }

  @Test
  void aCredentialRevokedAfterRegistrationStopsOffersAndTrades() throws Exception {
    String meter = "TPDDL-P-" + UUID.randomUUID().toString().substring(0, 8);
    UUID id = UUID.randomUUID();
    register(prosumer(meter, "4", issue(id, meter, "4"))).statusCode(201);
    EnergyOffer offer = discovered(publish("p-" + meter));
    select(offer).then().statusCode(200).body("message.ack.status", equalTo("ACK"));

    RevocationPublisher.to(TestPeers.registryUrl()).revoke(UTILITY, null, id.toString(), "fraud");

    select(offer)
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("50000"))
        .body("error.message", containsString("may not trade: credential refused (REVOKED"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "prosumerId",
                "p-" + meter,
                "slotStart",
                BuyerSide.tradableSlot().plusSeconds(3600).toString(),
                "pricePerKwh",
                new BigDecimal("6"),
                "maxKwh",
                new BigDecimal("1")))
        .post("/provider/offers")
        .then()
        .statusCode(400)
        .body("error", containsString("may not offer"));
  }
}
