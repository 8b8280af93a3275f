package org.uei.p2p.signing.keys;

import java.util.Arrays;
import java.util.Base64;

/**
 * Decoding shared by the key classes: base64 text and the fixed DER wrappers some registries
 * publish.
 */
final class KeyBytes {

  /** X.509 SubjectPublicKeyInfo prefix of a raw Ed25519 public key (OID 1.3.101.112). */
  static final byte[] ED25519_SPKI_PREFIX = hex("302a300506032b6570032100");

  /** PKCS#8 prefix of a raw Ed25519 seed. */
  static final byte[] ED25519_PKCS8_PREFIX = hex("302e020100300506032b657004220420");

  /**
   * X.509 SubjectPublicKeyInfo prefix of a raw X25519 public key (OID 1.3.101.110); ONDC registries
   * use it.
   */
  static final byte[] X25519_SPKI_PREFIX = hex("302a300506032b656e032100");

  /** PKCS#8 prefix of a raw X25519 private key. */
  static final byte[] X25519_PKCS8_PREFIX = hex("302e020100300506032b656e04220420");

  private KeyBytes() {}

  static byte[] base64(String text, String what) {
    if (text == null) {
      throw new KeyFormatException(what + " is missing");
    }
    try {
      return Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(what + " is not valid base64: " + e.getMessage());
    }
  }

  /** Returns the 32 raw bytes, unwrapping {@code prefix} when the input carries it. */
  static byte[] unwrap(byte[] bytes, byte[] prefix) {
    if (bytes.length == 32) {
      return bytes;
    }
    if (bytes.length == prefix.length + 32
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length)) {
      return Arrays.copyOfRange(bytes, prefix.length, bytes.length);
    }
    return null;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
