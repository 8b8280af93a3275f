package org.uei.p2p.registry.subscribe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code on_subscribe} challenge cipher as Beckn/ONDC registries use it: AES-256 in ECB mode
 * with PKCS#7 padding, keyed with the raw 32-byte X25519 shared secret between the registry's and
 * the subscriber's encryption keys, carried as base64.
 *
 * <p>ECB is weak in general; it is used here only because the networks' registries expect it, and
 * the plaintext is a random one-time string.
 */
public final class ChallengeCipher {

  private static final String TRANSFORMATION = "AES/ECB/PKCS5Padding";

  private ChallengeCipher() {}

  /** Encrypts {@code challenge} (UTF-8) under {@code sharedSecret}; returns base64. */
  public static String encrypt(String challenge, byte[] sharedSecret) {
    try {
      Cipher c = Cipher.getInstance(TRANSFORMATION);
      c.init(Cipher.ENCRYPT_MODE, key(sharedSecret));
      return Base64.getEncoder()
          .encodeToString(c.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-ECB is part of every JDK", e);
    }
  }

  /**
   * Decrypts a base64 challenge under {@code sharedSecret}.
   *
   * @throws IllegalArgumentException when the challenge is not base64 or does not decrypt under
   *     this key (wrong key pair or a corrupted challenge)
   */
  public static String decrypt(String challengeBase64, byte[] sharedSecret) {
    byte[] ciphertext;
    try {
      ciphertext = Base64.getDecoder().decode(challengeBase64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the challenge is not base64", e);
    }
    try {
      Cipher c = Cipher.getInstance(TRANSFORMATION);
      c.init(Cipher.DECRYPT_MODE, key(sharedSecret));
      return new String(c.doFinal(ciphertext), StandardCharsets.UTF_8);
    } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
      throw new IllegalArgumentException(
          "the challenge does not decrypt with this encryption key (wrong key pair or corrupted challenge)",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-ECB is part of every JDK", e);
    }
  }

  private static SecretKeySpec key(byte[] sharedSecret) {
    if (sharedSecret == null || sharedSecret.length != 32) {
      throw new IllegalArgumentException("the challenge key is a 32-byte X25519 shared secret");
    }
    return new SecretKeySpec(sharedSecret, "AES");
  }
}
