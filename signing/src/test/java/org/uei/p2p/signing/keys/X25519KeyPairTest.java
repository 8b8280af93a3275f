package org.uei.p2p.signing.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

/** X25519 key forms and shared secrets, checked against RFC 7748 and the JDK. */
class X25519KeyPairTest {

  /** RFC 7748 §6.1 Alice and Bob. */
  static final String ALICE_PRIVATE_HEX =
      "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";

  static final String ALICE_PUBLIC_HEX =
      "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  static final String BOB_PRIVATE_HEX =
      "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  static final String SHARED_HEX =
      "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

  @Test
  void rfc7748SharedSecret() {
    X25519KeyPair alice = X25519KeyPair.fromPrivateKey(hex(ALICE_PRIVATE_HEX));
    X25519KeyPair bob = X25519KeyPair.fromPrivateKey(hex(BOB_PRIVATE_HEX));
    assertArrayEquals(hex(ALICE_PUBLIC_HEX), alice.publicKey());
    assertArrayEquals(hex(SHARED_HEX), alice.sharedSecret(bob.publicKey()));
    assertArrayEquals(hex(SHARED_HEX), bob.sharedSecret(alice.publicKeyBase64()));
  }

  @Test
  void derFormsInteroperateWithTheJdk() throws Exception {
    java.security.KeyPair jdk =
        java.security.KeyPairGenerator.getInstance("X25519").generateKeyPair();
    X25519KeyPair ours = X25519KeyPair.generate();
    // ONDC publishes X25519 keys as base64 X.509 DER; ours reads it and the JDK reads ours.
    byte[] jdkPublicRaw =
        X25519KeyPair.decodePublicKey(
            Base64.getEncoder().encodeToString(jdk.getPublic().getEncoded()));
    byte[] secretOurs = ours.sharedSecret(jdkPublicRaw);
    KeyAgreement ka = KeyAgreement.getInstance("X25519");
    ka.init(jdk.getPrivate());
    ka.doPhase(
        java.security.KeyFactory.getInstance("X25519")
            .generatePublic(
                new java.security.spec.X509EncodedKeySpec(
                    Base64.getDecoder().decode(ours.publicKeyDerBase64()))),
        true);
    assertArrayEquals(ka.generateSecret(), secretOurs);
    X25519KeyPair fromPkcs8 = X25519KeyPair.fromPrivateKey(jdk.getPrivate().getEncoded());
    assertArrayEquals(jdkPublicRaw, fromPkcs8.publicKey());
  }

  @Test
  void lowOrderPeerKeyIsRefused() {
    KeyFormatException e =
        assertThrows(
            KeyFormatException.class, () -> X25519KeyPair.generate().sharedSecret(new byte[32]));
    assertTrue(e.getMessage().contains("low-order"));
  }

  @Test
  void badLengthsAreRefused() {
    assertThrows(KeyFormatException.class, () -> X25519KeyPair.fromPrivateKey(new byte[31]));
    assertThrows(KeyFormatException.class, () -> X25519KeyPair.decodePublicKey("AAAA"));
    assertThrows(
        KeyFormatException.class, () -> X25519KeyPair.generate().sharedSecret(new byte[16]));
  }

  @Test
  void jwkRoundTrip() {
    X25519KeyPair pair = X25519KeyPair.generate();
    String json = pair.toJwk("enc-1").toJSONString();
    assertTrue(json.contains("\"crv\":\"X25519\""), json);
    X25519KeyPair back = X25519KeyPair.fromJwk(json);
    assertEquals(pair.privateKeyBase64(), back.privateKeyBase64());
    assertEquals(pair.publicKeyBase64(), back.publicKeyBase64());
    assertThrows(
        KeyFormatException.class,
        () -> X25519KeyPair.fromJwk(Ed25519KeyPair.generate().toJwk(null).toJSONString()));
  }

  static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
