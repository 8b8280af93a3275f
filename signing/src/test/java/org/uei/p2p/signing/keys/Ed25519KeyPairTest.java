package org.uei.p2p.signing.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Ed25519 key forms: seed, seed‖public, PKCS#8, JWK; and agreement with the JDK's EdDSA. */
class Ed25519KeyPairTest {

  static final String VECTOR_PRIVATE_64 =
      "lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldhrAY+NErqL9WD+Vav7TE5tyVXGXBle9ONZi2W7o144eQ==";
  static final String VECTOR_PUBLIC = "awGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=";

  @Test
  void bothPrivateKeyFormsGiveTheSameKey() {
    Ed25519KeyPair from64 = Ed25519KeyPair.fromPrivateKeyBase64(VECTOR_PRIVATE_64);
    byte[] seed = Base64.getDecoder().decode(VECTOR_PRIVATE_64);
    Ed25519KeyPair from32 = Ed25519KeyPair.fromPrivateKey(java.util.Arrays.copyOf(seed, 32));
    assertEquals(VECTOR_PUBLIC, from64.publicKeyBase64());
    assertEquals(VECTOR_PUBLIC, from32.publicKeyBase64());
    assertEquals(VECTOR_PRIVATE_64, from32.privateKey64Base64());
    assertEquals(32, Base64.getDecoder().decode(from64.seedBase64()).length);
    byte[] msg = "m".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(from64.sign(msg), from32.sign(msg), "Ed25519 is deterministic");
  }

  @Test
  void sixtyFourByteKeyWithMismatchedHalvesIsRefused() {
    byte[] key = Base64.getDecoder().decode(VECTOR_PRIVATE_64);
    key[40] ^= 1;
    KeyFormatException e =
        assertThrows(KeyFormatException.class, () -> Ed25519KeyPair.fromPrivateKey(key));
    assertTrue(e.getMessage().contains("second half"), e.getMessage());
  }

  @Test
  void wrongLengthsAndBadBase64AreRefused() {
    assertThrows(KeyFormatException.class, () -> Ed25519KeyPair.fromPrivateKey(new byte[31]));
    assertThrows(KeyFormatException.class, () -> Ed25519KeyPair.fromPrivateKey(new byte[33]));
    assertThrows(KeyFormatException.class, () -> Ed25519KeyPair.fromPrivateKey(null));
    assertThrows(KeyFormatException.class, () -> Ed25519KeyPair.fromPrivateKeyBase64("***"));
    assertThrows(KeyFormatException.class, () -> Ed25519PublicKey.fromBase64("AAAA"));
  }

  @Test
  void pkcs8AndX509FormsAreAccepted() throws Exception {
    java.security.KeyPair jdk =
        java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Ed25519KeyPair pair = Ed25519KeyPair.fromPrivateKey(jdk.getPrivate().getEncoded());
    Ed25519PublicKey pub =
        Ed25519PublicKey.fromBase64(
            Base64.getEncoder().encodeToString(jdk.getPublic().getEncoded()));
    assertEquals(pub, pair.publicKey());
  }

  @Test
  void signaturesAgreeWithTheJdk() throws Exception {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    byte[] msg = "interop".getBytes(StandardCharsets.UTF_8);
    byte[] spki = Base64.getDecoder().decode("MCowBQYDK2VwAyEA"); // X.509 prefix of an Ed25519 key
    byte[] x509 = new byte[44];
    System.arraycopy(spki, 0, x509, 0, 12);
    System.arraycopy(pair.publicKey().encoded(), 0, x509, 12, 32);
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
    jdk.update(msg);
    assertTrue(jdk.verify(pair.sign(msg)));
  }

  @Test
  void publicKeyVerifyRejectsTamperAndOddSignatures() {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] sig = pair.sign(msg);
    assertTrue(pair.publicKey().verify(msg, sig));
    sig[0] ^= 1;
    assertFalse(pair.publicKey().verify(msg, sig));
    assertFalse(pair.publicKey().verify(msg, new byte[63]));
    assertFalse(pair.publicKey().verify(msg, null));
  }

  @Test
  void jwkRoundTrip() {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    OctetKeyPair jwk = pair.toJwk("bap.example|k1|ed25519");
    assertEquals("OKP", jwk.getKeyType().getValue());
    assertEquals("Ed25519", jwk.getCurve().getName());
    assertEquals("bap.example|k1|ed25519", jwk.getKeyID());
    Ed25519KeyPair back = Ed25519KeyPair.fromJwk(jwk.toJSONString());
    assertEquals(pair.publicKeyBase64(), back.publicKeyBase64());
    assertEquals(pair.seedBase64(), back.seedBase64());
    assertEquals(
        pair.publicKey(), Ed25519PublicKey.fromJwk(pair.publicKey().toJwk(null).toJSONString()));
    assertFalse(pair.publicKey().toJwk(null).isPrivate());
  }

  @Test
  void jwkWithForeignCurveOrMismatchedHalvesIsRefused() {
    String x25519 = X25519KeyPair.generate().toJwk(null).toJSONString();
    assertThrows(KeyFormatException.class, () -> Ed25519KeyPair.fromJwk(x25519));
    OctetKeyPair a = Ed25519KeyPair.generate().toJwk(null);
    OctetKeyPair b = Ed25519KeyPair.generate().toJwk(null);
    String mixed =
        new OctetKeyPair.Builder(a.getCurve(), a.getX()).d(b.getD()).build().toJSONString();
    assertThrows(KeyFormatException.class, () -> Ed25519KeyPair.fromJwk(mixed));
    assertThrows(
        KeyFormatException.class, () -> Ed25519KeyPair.fromJwk(a.toPublicJWK().toJSONString()));
    assertThrows(KeyFormatException.class, () -> Ed25519KeyPair.fromJwk("{not json"));
  }

  @Test
  void toStringNeverShowsThePrivateKey() {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    assertFalse(pair.toString().contains(pair.seedBase64()));
    assertFalse(pair.toString().contains(pair.privateKey64Base64()));
  }
}
