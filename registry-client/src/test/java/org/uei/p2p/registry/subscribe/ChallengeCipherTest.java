package org.uei.p2p.registry.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.uei.p2p.signing.keys.X25519KeyPair;

class ChallengeCipherTest {

  private final X25519KeyPair registry = X25519KeyPair.generate();
  private final X25519KeyPair subscriber = X25519KeyPair.generate();

  @Test
  void bothSidesDeriveTheSameKeyAndTheSubscriberReadsTheChallenge() {
    String challenge =
        ChallengeCipher.encrypt("one-time 7f3a", registry.sharedSecret(subscriber.publicKey()));
    OnSubscribeResponder responder =
        new OnSubscribeResponder(subscriber, registry.publicKeyDerBase64());
    assertEquals("one-time 7f3a", responder.answer(challenge));
    byte[] reply =
        responder.handle(
            ("{\"subscriber_id\":\"bap.example\",\"challenge\":\"" + challenge + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"answer\":\"one-time 7f3a\"}", new String(reply, StandardCharsets.UTF_8));
  }

  @Test
  void isAes256EcbWithPkcs7PaddingUnderTheRawSharedSecret() {
    // Expected value computed independently: printf 'uei-challenge-01' | openssl enc -aes-256-ecb
    // -K 0001..1f | base64
    byte[] key =
        HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    String expected = "vrls+rnXwDNOECtijDegap87dQSSb4vTbjEY6QOkzUo=";
    assertEquals(expected, ChallengeCipher.encrypt("uei-challenge-01", key));
    assertEquals("uei-challenge-01", ChallengeCipher.decrypt(expected, key));
  }

  @Test
  void wrongKeyOrGarbageIsAClearRefusal() {
    String challenge =
        ChallengeCipher.encrypt("secret", registry.sharedSecret(subscriber.publicKey()));
    X25519KeyPair stranger = X25519KeyPair.generate();
    OnSubscribeResponder wrong = new OnSubscribeResponder(stranger, registry.publicKeyBase64());
    String answer;
    try {
      answer = wrong.answer(challenge);
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage().contains("does not decrypt with this encryption key"), e.getMessage());
      answer = null;
    }
    // PKCS#7 unpadding can succeed by chance under a wrong key; the plaintext is then still wrong.
    assertNotEquals("secret", answer);
    OnSubscribeResponder right = new OnSubscribeResponder(subscriber, registry.publicKeyBase64());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> right.answer("%%%"))
            .getMessage()
            .contains("base64"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> right.handle("{}".getBytes(StandardCharsets.UTF_8)))
            .getMessage()
            .contains("no challenge"));
  }
}
