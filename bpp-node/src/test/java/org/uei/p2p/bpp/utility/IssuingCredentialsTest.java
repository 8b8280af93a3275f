package org.uei.p2p.bpp.utility;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.credentials.CredentialVerifier;
import org.uei.p2p.credentials.ElectricityAttestation;
import org.uei.p2p.credentials.TrustedIssuers;
import org.uei.p2p.credentials.did.DidResolutionException;
import org.uei.p2p.credentials.did.RegistryDidResolver;
import org.uei.p2p.credentials.model.Reason;
import org.uei.p2p.credentials.model.VerificationResult;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * A utility node issues an ElectricityCredential at enrolment that an independent verifier (the
 * library, with the node's registry key and the registry's revocation records) accepts, keeps it
 * while the consumer's details stay the same, replaces and revokes it when they change, and revokes
 * it on request.
 */
@QuarkusTest
@TestProfile(IssuingCredentialsTest.UtilityMode.class)
@QuarkusTestResource(TestNetwork.class)
class IssuingCredentialsTest {

  /** A TPDDL utility node. */
  public static class UtilityMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("uei.bpp.mode", "utility", "uei.bpp.utility.discom-id", "TPDDL");
    }
  }

  private static CredentialVerifier verifier() {
    String issuer = RegistryDidResolver.did(TestPeers.nodeId());
    return CredentialVerifier.builder()
        .didResolver(
            vm -> {
              if (!vm.equals(issuer + "#k1")) {
                throw new DidResolutionException(DidResolutionException.Kind.NOT_FOUND, vm);
              }
              return Ed25519PublicKey.fromBase64(TestPeers.nodePublicKey());
            })
        .trustedIssuers(TrustedIssuers.of(Map.of(issuer, TrustedIssuers.DISCOM)))
        .dediRegistry(TestPeers.registryUrl())
        .build();
  }

  private static void enrol(String meter, String capacityKw) {
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "meterId",
                meter,
                "customerId",
                "C-" + meter,
                "sanctionedLoadKw",
                new BigDecimal("5"),
                "installedCapacityKw",
                new BigDecimal(capacityKw),
                "tariffCategoryCode",
                "LT-2"))
        .post("/utility/consumers")
        .then()
        .statusCode(201);
  }

  private static String credential(String meter) {
    return given()
        .get("/utility/credentials/" + meter)
        .then()
        .statusCode(200)
        .extract()
        .body()
        .asString();
  }

  @Test
  void enrolmentIssuesACredentialThatVerifiesAndAttestsTheMeter() {
    String meter = "TPDDL-M-" + UUID.randomUUID().toString().substring(0, 8);
    enrol(meter, "4");
    String issued = credential(meter);

    VerificationResult r = verifier().verify(issued);
    assertTrue(r.valid(), () -> "problems: " + r.problems());
    assertEquals(RegistryDidResolver.did(TestPeers.nodeId()), r.credential().issuerId());
    ElectricityAttestation a = ElectricityAttestation.of(r.credential(), meter).orElseThrow();
    assertEquals("C-" + meter, a.customerNumber());
    assertEquals(0, new BigDecimal("5").compareTo(a.sanctionedLoadKw()));
    assertEquals(
        Optional.of(0), a.installedCapacityKw().map(c -> c.compareTo(new BigDecimal("4"))));
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/utility/consumers")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString(r.credential().id() + ", issued "));
  }

  @Test
  void sameDetailsKeepTheCredentialNewDetailsReplaceAndRevokeIt() {
    String meter = "TPDDL-M-" + UUID.randomUUID().toString().substring(0, 8);
    enrol(meter, "3");
    String first = credential(meter);
    enrol(meter, "3");
    assertEquals(first, credential(meter), "nothing changed, nothing reissued");

    enrol(meter, "6");
    String second = credential(meter);
    assertNotEquals(first, second);
    assertEquals(Optional.of(Reason.REVOKED), verifier().verify(first).reason());
    assertTrue(verifier().verify(second).valid());
  }

  @Test
  void revocationOnRequestReachesVerifiers() {
    String meter = "TPDDL-M-" + UUID.randomUUID().toString().substring(0, 8);
    enrol(meter, "2");
    String issued = credential(meter);

    given()
        .contentType("application/json")
        .body(Map.of("reason", "meter replaced"))
        .post("/utility/credentials/" + meter + "/revoke")
        .then()
        .statusCode(200)
        .body("meterId", org.hamcrest.Matchers.equalTo(meter))
        .body("reason", org.hamcrest.Matchers.equalTo("meter replaced"));

    assertEquals(Optional.of(Reason.REVOKED), verifier().verify(issued).reason());
    given().get("/utility/credentials/" + meter).then().statusCode(404);
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/utility/consumers")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("revoked "))
        .body(org.hamcrest.Matchers.containsString(": meter replaced"));
    given()
        .contentType("application/json")
        .body(Map.of())
        .post("/utility/credentials/" + meter + "/revoke")
        .then()
        .statusCode(404);
    given()
        .contentType("application/json")
        .body(Map.of())
        .post("/utility/credentials/NO-SUCH-METER/revoke")
        .then()
        .statusCode(404);
  }
}
