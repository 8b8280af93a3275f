package org.uei.p2p.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uei.p2p.signing.VerificationResult.Status;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** Header parsing as senders write it in the field, and what is refused. */
class SignatureHeaderTest {

  static final String SIG = Beckn006VectorTest.SIGNATURE;

  @Test
  void canonicalForm() throws SignatureHeaderException {
    SignatureHeader h =
        SignatureHeader.parse(
            "Signature keyId=\"bap.example|k1|ed25519\",algorithm=\"ed25519\","
                + "created=\"1641287875\",expires=\"1641291475\",headers=\"(created) (expires) digest\",signature=\""
                + SIG
                + "\"");
    assertEquals("bap.example", h.subscriberId());
    assertEquals("k1", h.uniqueKeyId());
    assertEquals("bap.example|k1|ed25519", h.keyId());
    assertEquals(1641287875L, h.created());
    assertEquals(1641291475L, h.expires());
    assertEquals("(created) (expires) digest", h.headers());
    assertEquals(SIG, h.signature());
    assertEquals(64, h.signatureBytes().length);
  }

  @Test
  void reorderedAttributesExtraSpacesAndNoScheme() throws SignatureHeaderException {
    SignatureHeader h =
        SignatureHeader.parse(
            "  signature=\""
                + SIG
                + "\" ,  headers = \"(created)  (expires)\tdigest\","
                + " expires=\"1641291475\",created=1641287875 , algorithm=\"ED25519\", keyId=\"bap.example|k1|ed25519\"  ");
    assertEquals("bap.example", h.subscriberId());
    assertEquals("(created) (expires) digest", h.headers());
    assertEquals(1641287875L, h.created());
  }

  @Test
  void schemeInAnyCaseAndAttributeNamesInAnyCase() throws SignatureHeaderException {
    SignatureHeader h =
        SignatureHeader.parse(
            "SIGNATURE KEYID=\"a.b|k|ed25519\",CREATED=\"1\",EXPIRES=\"2\",SIGNATURE=\""
                + SIG
                + "\"");
    assertEquals("a.b", h.subscriberId());
    assertEquals(
        "(created) (expires) digest", h.headers(), "absent headers means the three-line default");
  }

  @Test
  void subscriberIdWithPipeKeepsTheLastTwoParts() throws SignatureHeaderException {
    SignatureHeader h =
        SignatureHeader.parse(
            "keyId=\"odd|sub|k|ed25519\",created=\"1\",expires=\"2\",signature=\"" + SIG + "\"");
    assertEquals("odd|sub", h.subscriberId());
    assertEquals("k", h.uniqueKeyId());
  }

  @Test
  void quotedValueWithEscapedQuote() throws SignatureHeaderException {
    SignatureHeader h =
        SignatureHeader.parse(
            "keyId=\"a\\\"b|k|ed25519\",created=\"1\",expires=\"2\",signature=\"" + SIG + "\"");
    assertEquals("a\"b", h.subscriberId());
  }

  @Test
  void formatRoundTrips() throws SignatureHeaderException {
    String text =
        "Signature keyId=\"bap.example|k1|ed25519\",algorithm=\"ed25519\",created=\"1641287875\","
            + "expires=\"1641291475\",headers=\"(created) (expires) digest\",signature=\""
            + SIG
            + "\"";
    assertEquals(text, SignatureHeader.parse(text).format());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "keyId=\"a|k|ed25519\",created=\"1\",expires=\"2\"", // no signature
        "created=\"1\",expires=\"2\",signature=\"%s\"", // no keyId
        "keyId=\"a|k|ed25519\",expires=\"2\",signature=\"%s\"", // no created
        "keyId=\"a|k|ed25519\",created=\"1\",signature=\"%s\"", // no expires
        "keyId=\"a|ed25519\",created=\"1\",expires=\"2\",signature=\"%s\"", // two-part keyId
        "keyId=\"|k|ed25519\",created=\"1\",expires=\"2\",signature=\"%s\"", // empty subscriber
        "keyId=\"a|k|rsa\",created=\"1\",expires=\"2\",signature=\"%s\"", // keyId algorithm
        "keyId=\"a|k|ed25519\",algorithm=\"hs2019\",created=\"1\",expires=\"2\",signature=\"%s\"",
        "keyId=\"a|k|ed25519\",created=\"1.5\",expires=\"2\",signature=\"%s\"", // not whole seconds
        "keyId=\"a|k|ed25519\",created=\"-1\",expires=\"2\",signature=\"%s\"",
        "keyId=\"a|k|ed25519\",created=\"01\",expires=\"2\",signature=\"%s\"",
        "keyId=\"a|k|ed25519\",created=\"3\",expires=\"2\",signature=\"%s\"", // expires before
        // created
        "keyId=\"a|k|ed25519\",created=\"99999999999999\",expires=\"99999999999999\",signature=\"%s\"",
        "keyId=\"a|k|ed25519\",created=\"1\",expires=\"2\",signature=\"not base64!\"",
        "keyId=\"a|k|ed25519\",created=\"1\",expires=\"2\",signature=\"AAAA\"", // 3 bytes
        "keyId=\"a|k|ed25519\",created=\"1\",expires=\"2\",signature=\"%nc\"", // non-canonical
        // base64
        "keyId=\"a|k|ed25519\",keyId=\"b|k|ed25519\",created=\"1\",expires=\"2\",signature=\"%s\"",
        "keyId=\"a|k|ed25519,created=\"1\",expires=\"2\",signature=\"%s\"", // unbalanced quote
        "keyId=\"a|k|ed25519\" created=\"1\",expires=\"2\",signature=\"%s\"", // missing comma
        "keyId,created=\"1\",expires=\"2\",signature=\"%s\"", // name without value
        "Bearer abc.def.ghi",
      })
  void malformedHeadersAreRefusedWithAReason(String template) {
    // Same 64 bytes as SIG (the last character differs only in bits the decoder ignores).
    String nonCanonical = SIG.substring(0, SIG.length() - 3) + "R==";
    assertArrayEquals(
        java.util.Base64.getDecoder().decode(SIG),
        java.util.Base64.getDecoder().decode(nonCanonical));
    String header = template.replace("%s", SIG).replace("%nc", nonCanonical);
    SignatureHeaderException e =
        assertThrows(SignatureHeaderException.class, () -> SignatureHeader.parse(header));
    assertNotNull(e.getMessage());
    assertTrue(!e.getMessage().isBlank());
  }

  @Test
  void hugeHeaderIsRefusedBeforeParsing() {
    String huge = "keyId=\"" + "a".repeat(20_000) + "|k|ed25519\"";
    SignatureHeaderException e =
        assertThrows(SignatureHeaderException.class, () -> SignatureHeader.parse(huge));
    assertTrue(e.getMessage().contains("long"));
  }

  @Test
  void verifierNeverThrowsOnHostileHeaders() throws SignatureHeaderException {
    Ed25519KeyPair key =
        Ed25519KeyPair.fromPrivateKey(
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
              25, 26, 27, 28, 29, 30, 31, 32
            });
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC);
    BecknVerifier verifier =
        BecknVerifier.builder(
                StaticKeyResolver.of(ResolvedKey.ofBase64("a", "k", key.publicKeyBase64())))
            .clock(clock)
            .build();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String good = BecknSigner.builder("a", "k", key).clock(clock).build().authorization(body);
    Random random = new Random(42);
    String alphabet = "\"=,| \\\t\u0000\u00e9abc019+/";
    String canonical = SignatureHeader.parse(good).format();
    for (int i = 0; i < 20_000; i++) {
      char[] chars = good.toCharArray();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      VerificationResult r = verifier.verify(new String(chars), body, "a");
      assertNotNull(r.status());
      if (r.valid()) {
        // Edits the parser tolerates (spaces, case) are fine; anything accepted must mean the same.
        assertEquals(canonical, r.header().format(), new String(chars));
      }
    }
    assertEquals(Status.VALID, verifier.verify(good, body, "a").status());
  }
}
