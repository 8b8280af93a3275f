package org.uei.p2p.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.uei.p2p.credentials.did.DidJwk;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.VerificationResult;
import org.uei.p2p.credentials.proof.ProofSuite;

class RoundTripTest {

  private final CredentialIssuer issuer =
      CredentialIssuer.of(Fixtures.discomKey(), Fixtures.discomVm()).withClock(Fixtures.CLOCK);
  private final CredentialVerifier verifier =
      CredentialVerifier.builder().clock(Fixtures.CLOCK).build();

  @ParameterizedTest
  @EnumSource(ProofSuite.class)
  void dataIntegrityProofVerifies(ProofSuite suite) {
    Credential vc = issuer.issue(Fixtures.prosumer(null), suite);
    assertEquals(suite.proofType(), vc.proof().orElseThrow().path("type").asText());
    VerificationResult r = verifier.verify(vc.toPrettyJson());
    assertTrue(r.valid(), () -> r.problems().toString());
    assertEquals("di", r.format());
    assertEquals(
        "PVVNL-CA-0042",
        r.credential().subject().path("customerProfile").path("customerNumber").asText());
  }

  @Test
  void vcJwtVerifies() {
    String jwt = issuer.issueJwt(Fixtures.prosumer(null));
    VerificationResult r = verifier.verify(jwt);
    assertTrue(r.valid(), () -> r.problems().toString());
    assertEquals("jwt", r.format());
    assertEquals(Fixtures.discomDid(), r.credential().issuerId());
  }

  @Test
  void didJwkIssuerVerifiesToo() {
    String vm = DidJwk.verificationMethod(Fixtures.discomKey().publicKey());
    var unsigned = Fixtures.prosumer(null);
    unsigned.withObjectProperty("issuer").put("id", DidJwk.of(Fixtures.discomKey().publicKey()));
    CredentialIssuer jwkIssuer =
        CredentialIssuer.of(Fixtures.discomKey(), vm).withClock(Fixtures.CLOCK);
    VerificationResult di =
        verifier.verify(jwkIssuer.issue(unsigned, ProofSuite.EDDSA_RDFC_2022).toJson());
    VerificationResult jwt = verifier.verify(jwkIssuer.issueJwt(unsigned));
    assertTrue(di.valid(), () -> di.problems().toString());
    assertTrue(jwt.valid(), () -> jwt.problems().toString());
  }
}
