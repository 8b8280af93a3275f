package org.uei.p2p.credentials.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The Data Integrity proof suites this library creates and verifies, both Ed25519 over RDFC-1.0.
 */
public enum ProofSuite {
  /** {@code Ed25519Signature2020} (W3C CCG), the suite of the ElectricityCredential examples. */
  ED25519_SIGNATURE_2020("Ed25519Signature2020", null),
  /** {@code DataIntegrityProof} with cryptosuite {@code eddsa-rdfc-2022} (W3C VC DI EdDSA). */
  EDDSA_RDFC_2022("DataIntegrityProof", "eddsa-rdfc-2022");

  private final String proofType;
  private final String cryptosuite;

  ProofSuite(String proofType, String cryptosuite) {
    this.proofType = proofType;
    this.cryptosuite = cryptosuite;
  }

  /** The proof's {@code type}. */
  public String proofType() {
    return proofType;
  }

  /** The proof's {@code cryptosuite}, or null for a suite that has none. */
  public String cryptosuite() {
    return cryptosuite;
  }

  /** The suite of {@code proof}; empty when it is another type or cryptosuite. */
  public static Optional<ProofSuite> of(JsonNode proof) {
    String type = proof.path("type").asText();
    String suite = proof.path("cryptosuite").asText(null);
    for (ProofSuite s : values()) {
      if (s.proofType.equals(type) && (s.cryptosuite == null || s.cryptosuite.equals(suite))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
