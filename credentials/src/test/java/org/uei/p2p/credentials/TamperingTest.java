package org.uei.p2p.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.uei.p2p.credentials.did.DidKey;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.Reason;
import org.uei.p2p.credentials.model.VerificationResult;
import org.uei.p2p.credentials.proof.ProofSuite;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** Each kind of change to an issued credential fails with its own reason. */
class TamperingTest {

  private final CredentialIssuer issuer =
      CredentialIssuer.of(Fixtures.discomKey(), Fixtures.discomVm()).withClock(Fixtures.CLOCK);
  private final CredentialVerifier verifier =
      CredentialVerifier.builder().clock(Fixtures.CLOCK).checkStatus(false).build();

  private ObjectNode issued(ProofSuite suite) {
    return issuer.issue(Fixtures.prosumer("https://registry.test"), suite).json();
  }

  private VerificationResult verify(ObjectNode vc) {
    return verifier.verify(vc.toString());
  }

  @ParameterizedTest
  @EnumSource(ProofSuite.class)
  void changedClaimIsTampered(ProofSuite suite) {
    ObjectNode vc = issued(suite);
    ((ObjectNode) vc.at("/credentialSubject/customerProfile/consumptionProfiles/0/sanctionedLoad"))
        .put("value", 50);
    VerificationResult r = verify(vc);
    assertEquals(Reason.TAMPERED, r.reason().orElseThrow(), r.problems()::toString);
  }

  @ParameterizedTest
  @EnumSource(ProofSuite.class)
  void addedClaimIsTampered(ProofSuite suite) {
    ObjectNode vc = issued(suite);
    ((ObjectNode) vc.at("/credentialSubject/customerProfile/energyResources/1/attributes"))
        .putObject("dcArrayCapacity")
        .put("value", 40)
        .put("unit", "kW");
    assertEquals(Reason.TAMPERED, verify(vc).reason().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(ProofSuite.class)
  void proofValueSwappedForAnotherSignatureIsTampered(ProofSuite suite) {
    ObjectNode vc = issued(suite);
    ObjectNode other = issuer.issue(Fixtures.prosumer(null), suite).json();
    ((ObjectNode) vc.get("proof")).put("proofValue", other.at("/proof/proofValue").asText());
    assertEquals(Reason.TAMPERED, verify(vc).reason().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(ProofSuite.class)
  void garbledProofValueIsBadProof(ProofSuite suite) {
    ObjectNode vc = issued(suite);
    String value = vc.at("/proof/proofValue").asText();
    ((ObjectNode) vc.get("proof")).put("proofValue", value.substring(0, value.length() - 6));
    VerificationResult r = verify(vc);
    assertEquals(Reason.BAD_PROOF, r.reason().orElseThrow());
    assertEquals("$.proof.proofValue", r.problems().get(0).path());
    ((ObjectNode) vc.get("proof")).put("proofValue", "x" + value.substring(1));
    assertEquals(Reason.BAD_PROOF, verify(vc).reason().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(ProofSuite.class)
  void changedIssuerIsIssuerMismatch(ProofSuite suite) {
    ObjectNode vc = issued(suite);
    ((ObjectNode) vc.get("issuer")).put("id", DidKey.of(Fixtures.key(9).publicKey()));
    VerificationResult r = verify(vc);
    assertEquals(Reason.ISSUER_MISMATCH, r.reason().orElseThrow());
    assertEquals("$.proof.verificationMethod", r.problems().get(0).path());
  }

  @ParameterizedTest
  @EnumSource(ProofSuite.class)
  void changedStatusIsTampered(ProofSuite suite) {
    ObjectNode vc = issued(suite);
    ((ObjectNode) vc.get("credentialStatus"))
        .put(
            "id",
            "https://registry.test/lookup/utility.pvvnl.test/vc-revocation-registry/11111111-2222-4333-8444-555555555555");
    assertEquals(Reason.TAMPERED, verify(vc).reason().orElseThrow());
    vc.remove("credentialStatus");
    assertEquals(Reason.TAMPERED, verify(vc).reason().orElseThrow());
  }

  @Test
  void jwtWithChangedPayloadIsTamperedAndWithShortSignatureBadProof() {
    String jwt = issuer.issueJwt(Fixtures.prosumer(null));
    String[] parts = jwt.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]))
            .replace("PVVNL-CA-0042", "PVVNL-CA-0043");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];
    assertEquals(Reason.TAMPERED, verifier.verify(forged).reason().orElseThrow());
    assertEquals(
        Reason.BAD_PROOF,
        verifier
            .verify(parts[0] + "." + parts[1] + "." + parts[2].substring(8))
            .reason()
            .orElseThrow());
    String otherIssuer =
        payload.replace(Fixtures.discomDid(), DidKey.of(Fixtures.key(9).publicKey()));
    String swapped =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(otherIssuer.getBytes())
            + "."
            + parts[2];
    assertEquals(Reason.ISSUER_MISMATCH, verifier.verify(swapped).reason().orElseThrow());
  }

  @Test
  void selfIssuedByAnUntrustedKeyIsUnknownIssuer() {
    Ed25519KeyPair mallory = Fixtures.key(66);
    ObjectNode unsigned = Fixtures.prosumer(null);
    ((ObjectNode) unsigned.get("issuer")).put("id", DidKey.of(mallory.publicKey()));
    Credential forged =
        CredentialIssuer.of(mallory, DidKey.verificationMethod(mallory.publicKey()))
            .withClock(Fixtures.CLOCK)
            .issue(unsigned, ProofSuite.ED25519_SIGNATURE_2020);
    CredentialVerifier strict =
        CredentialVerifier.builder()
            .clock(Fixtures.CLOCK)
            .checkStatus(false)
            .trustedIssuers(TrustedIssuers.of(Map.of(Fixtures.discomDid(), TrustedIssuers.DISCOM)))
            .build();
    assertTrue(verifier.verify(forged).valid(), "the proof itself holds");
    assertEquals(Reason.UNKNOWN_ISSUER, strict.verify(forged).reason().orElseThrow());
    CredentialVerifier bppTrusted =
        CredentialVerifier.builder()
            .clock(Fixtures.CLOCK)
            .checkStatus(false)
            .trustedIssuers(TrustedIssuers.of(Map.of(DidKey.of(mallory.publicKey()), "BPP")))
            .build();
    assertEquals(Reason.WRONG_ISSUER_TYPE, bppTrusted.verify(forged).reason().orElseThrow());
    assertTrue(
        strict.verify(issuer.issue(Fixtures.prosumer(null), ProofSuite.EDDSA_RDFC_2022)).valid());
  }

  @Test
  void validityPeriodIsEnforced() {
    Credential vc = issuer.issue(Fixtures.prosumer(null), ProofSuite.EDDSA_RDFC_2022);
    CredentialVerifier later =
        CredentialVerifier.builder()
            .checkStatus(false)
            .clock(Clock.fixed(Fixtures.NOW.plusSeconds(400L * 86_400), ZoneOffset.UTC))
            .build();
    assertEquals(Reason.EXPIRED, later.verify(vc).reason().orElseThrow());
    ObjectNode future = Fixtures.prosumer(null);
    future.put("validFrom", Fixtures.NOW.plusSeconds(2L * 86_400).toString());
    VerificationResult r = verifier.verify(issuer.issue(future, ProofSuite.EDDSA_RDFC_2022));
    assertEquals(Reason.NOT_YET_VALID, r.reason().orElseThrow());
    assertEquals("$.validFrom", r.problems().get(0).path());
  }

  @Test
  void unsupportedSuiteAndUncoveredMembersAreNamed() {
    ObjectNode vc = issued(ProofSuite.EDDSA_RDFC_2022);
    ObjectNode other = vc.deepCopy();
    ((ObjectNode) other.get("proof")).put("cryptosuite", "ecdsa-rdfc-2019");
    assertEquals(Reason.UNSUPPORTED_SUITE, verify(other).reason().orElseThrow());
    ObjectNode sneaky = vc.deepCopy();
    ((ObjectNode) sneaky.get("credentialSubject")).put("@note", "unsigned");
    VerificationResult r = verify(sneaky);
    assertEquals(Reason.MALFORMED, r.reason().orElseThrow());
    assertEquals("$.credentialSubject['@note']", r.problems().get(0).path());
    assertFalse(verify(vc).problems().iterator().hasNext());
  }
}
