package org.uei.p2p.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** The published BECKN-006 vector must reproduce byte for byte. */
class Beckn006VectorTest {

  static final String PRIVATE_64 =
      "lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldhrAY+NErqL9WD+Vav7TE5tyVXGXBle9ONZi2W7o144eQ==";
  static final String PUBLIC = "awGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=";
  static final long CREATED = 1641287875L;
  static final long EXPIRES = 1641291475L;
  static final String DIGEST =
      "b6lf6lRgOweajukcvcLsagQ2T60+85kRh/Rd2bdS+TG/5ALebOEgDJfyCrre/1+BMu5nA94o4DT3pTFXuUg7sw==";
  static final String SIGNATURE =
      "cjbhP0PFyrlSCNszJM1F/YmHDVAWsZqJUPzojnE/7TJU3fJ/rmIlgaUHEr5E0/2PIyf0tpSnWtT6cyNNlpmoAQ==";
  static final String EMPTY_DIGEST =
      "eGoC90IBWQPGxv2FJVLScpEvR0DhWEdhiobiF/cfVBnSXhAxr+5YUxOJZESTTrBLkDpoWxRIt1XVb3Aa/pvizg==";

  static byte[] body() throws IOException {
    try (InputStream in =
        Beckn006VectorTest.class.getResourceAsStream("/vectors/beckn006-body.json")) {
      return in.readAllBytes();
    }
  }

  @Test
  void bodyIsTheVectorBody() throws IOException {
    byte[] body = body();
    assertEquals(496, body.length);
    assertTrue(new String(body, StandardCharsets.UTF_8).contains("\"bap_id\":\"bap.stayhalo.in\""));
  }

  @Test
  void digestMatches() throws IOException {
    assertEquals(DIGEST, BodyDigest.base64(body()));
    assertEquals("BLAKE-512=" + DIGEST, BodyDigest.header(body()));
    assertEquals(EMPTY_DIGEST, BodyDigest.base64(new byte[0]));
  }

  @Test
  void signatureMatches() throws IOException {
    Ed25519KeyPair key = Ed25519KeyPair.fromPrivateKeyBase64(PRIVATE_64);
    assertEquals(PUBLIC, key.publicKeyBase64());
    SignatureHeader header =
        BecknSigner.of("bap.stayhalo.in", "k1", key).sign(body(), CREATED, EXPIRES);
    assertEquals(SIGNATURE, header.signature());
    assertEquals(
        "Signature keyId=\"bap.stayhalo.in|k1|ed25519\",algorithm=\"ed25519\",created=\"1641287875\","
            + "expires=\"1641291475\",headers=\"(created) (expires) digest\",signature=\""
            + SIGNATURE
            + "\"",
        header.format());
  }

  @Test
  void seedFormSignsTheSame() throws IOException {
    Ed25519KeyPair key64 = Ed25519KeyPair.fromPrivateKeyBase64(PRIVATE_64);
    Ed25519KeyPair seed = Ed25519KeyPair.fromPrivateKeyBase64(key64.seedBase64());
    assertEquals(
        SIGNATURE, BecknSigner.of("s", "k", seed).sign(body(), CREATED, EXPIRES).signature());
  }

  @Test
  void vectorVerifiesAtItsTime() throws IOException {
    String header =
        "Signature keyId=\"bap.stayhalo.in|k1|ed25519\",algorithm=\"ed25519\",created=\"1641287875\","
            + "expires=\"1641291475\",headers=\"(created) (expires) digest\",signature=\""
            + SIGNATURE
            + "\"";
    BecknVerifier verifier =
        BecknVerifier.builder(
                StaticKeyResolver.of(ResolvedKey.ofBase64("bap.stayhalo.in", "k1", PUBLIC)))
            .clock(Clock.fixed(Instant.ofEpochSecond(1641288000L), ZoneOffset.UTC))
            .build();
    VerificationResult result = verifier.verify(header, body(), "bap.stayhalo.in");
    assertEquals(VerificationResult.Status.VALID, result.status(), result.detail());
  }
}
