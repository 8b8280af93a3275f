package org.uei.p2p.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.uei.p2p.credentials.did.DidKey;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** The project's own test credentials and keys (never the shared examples). */
final class Fixtures {

  static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final UUID ID = UUID.fromString("0f5b7a3e-2c41-4d8e-9b6a-1e2f3a4b5c6d");

  private Fixtures() {}

  /** A deterministic key so that failures reproduce. */
  static Ed25519KeyPair key(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    seed[31] = 7;
    return Ed25519KeyPair.fromPrivateKey(seed);
  }

  static Ed25519KeyPair discomKey() {
    return key(1);
  }

  static String discomVm() {
    return DidKey.verificationMethod(discomKey().publicKey());
  }

  static String discomDid() {
    return DidKey.of(discomKey().publicKey());
  }

  /**
   * An unsigned ElectricityCredential of a UP rooftop prosumer, optionally with a DeDi status
   * entry.
   */
  static ObjectNode prosumer(String statusRegistry) {
    ElectricityCredentials ec =
        new ElectricityCredentials(
            discomDid(),
            "PVVNL test DISCOM",
            NOW.minusSeconds(86_400),
            NOW.plusSeconds(365L * 86_400),
            statusRegistry,
            statusRegistry == null ? null : "utility.pvvnl.test");
    return ec.unsigned(
        ElectricityCredentials.subject(
            "did:example:prosumer:agra-7",
            "PVVNL-CA-0042",
            "did:web:pvvnl.test:meters:TEST_UP-PVVNL-0007",
            new BigDecimal("5"),
            new BigDecimal("4.5"),
            "LMV-1"),
        ID);
  }

  static SecureRandom random() {
    return new SecureRandom();
  }
}
