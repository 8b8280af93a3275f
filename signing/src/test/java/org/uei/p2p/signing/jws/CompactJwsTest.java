package org.uei.p2p.signing.jws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** Compact JWS round trip, tamper and refusal reasons. */
class CompactJwsTest {

  final Ed25519KeyPair key = Ed25519KeyPair.generate();
  final byte[] payload =
      "{\"meter\":\"TEST_M1\",\"kwh\":\"3.25\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void roundTrip() throws JwsException {
    String jws = CompactJws.sign(payload, key, "bpp.example|k1|ed25519");
    assertEquals(3, jws.split("\\.").length);
    assertEquals("bpp.example|k1|ed25519", CompactJws.keyId(jws));
    assertArrayEquals(payload, CompactJws.verify(jws, key.publicKey()));
  }

  @Test
  void headerIsEdDsa() throws Exception {
    JWSObject parsed = JWSObject.parse(CompactJws.sign(payload, key, null));
    assertEquals(JWSAlgorithm.EdDSA, parsed.getHeader().getAlgorithm());
    assertNull(CompactJws.keyId(parsed.serialize()));
  }

  @Test
  void tamperedPayloadIsBadSignature() {
    String[] parts = CompactJws.sign(payload, key, "k").split("\\.");
    String forged = parts[0] + "." + Base64URL.encode("{\"kwh\":\"99\"}") + "." + parts[2];
    JwsException e =
        assertThrows(JwsException.class, () -> CompactJws.verify(forged, key.publicKey()));
    assertEquals(JwsException.Reason.BAD_SIGNATURE, e.reason());
  }

  @Test
  void otherKeyIsBadSignature() {
    String jws = CompactJws.sign(payload, key, "k");
    JwsException e =
        assertThrows(
            JwsException.class,
            () -> CompactJws.verify(jws, Ed25519KeyPair.generate().publicKey()));
    assertEquals(JwsException.Reason.BAD_SIGNATURE, e.reason());
  }

  @Test
  void otherAlgorithmIsRefused() throws Exception {
    JWSObject hs = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
    hs.sign(new MACSigner(new byte[32]));
    JwsException e =
        assertThrows(JwsException.class, () -> CompactJws.verify(hs.serialize(), key.publicKey()));
    assertEquals(JwsException.Reason.UNSUPPORTED_ALGORITHM, e.reason());
  }

  @Test
  void criticalHeaderIsRefused() throws Exception {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.EdDSA)
            .customParam("exp-x", 1)
            .criticalParams(Set.of("exp-x"))
            .build();
    JWSObject object = new JWSObject(header, new Payload(payload));
    object.sign(new BcEd25519Jws.Signer(key));
    JwsException e =
        assertThrows(
            JwsException.class, () -> CompactJws.verify(object.serialize(), key.publicKey()));
    assertEquals(JwsException.Reason.UNSUPPORTED_CRITICAL_HEADER, e.reason());
  }

  @Test
  void garbageIsMalformed() {
    for (String bad :
        new String[] {null, "", "a.b", "a.b.c.d", "!!!.###.$$$", "eyJhbGciOiJFZERTQSJ9.e30"}) {
      JwsException e =
          assertThrows(
              JwsException.class,
              () -> CompactJws.verify(bad, key.publicKey()),
              String.valueOf(bad));
      assertTrue(e.reason() == JwsException.Reason.MALFORMED, bad + " -> " + e.reason());
    }
  }
}
