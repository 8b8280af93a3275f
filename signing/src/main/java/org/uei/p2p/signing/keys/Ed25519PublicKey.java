package org.uei.p2p.signing.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key, decoded once so that repeated verifications skip the point decompression.
 * Immutable and safe to share between threads.
 */
public final class Ed25519PublicKey {

  private final byte[] raw;
  private final Ed25519PublicKeyParameters params;

  private Ed25519PublicKey(byte[] raw) {
    this.raw = raw;
    try {
      this.params = new Ed25519PublicKeyParameters(raw, 0);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(
          "not a valid Ed25519 public key (the 32 bytes are not a curve point)", e);
    }
  }

  /** Wraps the raw 32-byte key. */
  public static Ed25519PublicKey of(byte[] raw) {
    if (raw == null || raw.length != 32) {
      throw new KeyFormatException(
          "an Ed25519 public key has 32 bytes, not " + (raw == null ? 0 : raw.length));
    }
    return new Ed25519PublicKey(raw.clone());
  }

  /** Reads the registry form (base64 of the raw 32 bytes); the X.509 DER form is accepted too. */
  public static Ed25519PublicKey fromBase64(String base64) {
    byte[] bytes = KeyBytes.base64(base64, "Ed25519 public key");
    byte[] raw = KeyBytes.unwrap(bytes, KeyBytes.ED25519_SPKI_PREFIX);
    if (raw == null) {
      throw new KeyFormatException(
          "an Ed25519 public key has 32 bytes (or 44 in X.509 DER form), not " + bytes.length);
    }
    return new Ed25519PublicKey(raw);
  }

  /** Reads an OKP JWK with {@code crv} Ed25519; a private part, if present, is ignored. */
  public static Ed25519PublicKey fromJwk(String json) {
    try {
      return fromJwk(OctetKeyPair.parse(json));
    } catch (ParseException e) {
      throw new KeyFormatException("not an OKP JWK: " + e.getMessage(), e);
    }
  }

  /** Reads an OKP JWK with {@code crv} Ed25519. */
  public static Ed25519PublicKey fromJwk(OctetKeyPair jwk) {
    if (!Curve.Ed25519.equals(jwk.getCurve())) {
      throw new KeyFormatException("JWK curve is " + jwk.getCurve() + ", expected Ed25519");
    }
    return of(jwk.getDecodedX());
  }

  /**
   * Checks an Ed25519 signature over {@code message[offset, offset + length)}. Never throws: a
   * signature of the wrong length is simply not valid.
   */
  public boolean verify(byte[] message, int offset, int length, byte[] signature) {
    if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    return params.verify(Ed25519.Algorithm.Ed25519, null, message, offset, length, signature, 0);
  }

  /** Checks an Ed25519 signature over the whole of {@code message}. */
  public boolean verify(byte[] message, byte[] signature) {
    return verify(message, 0, message.length, signature);
  }

  /** The raw 32 bytes. */
  public byte[] encoded() {
    return raw.clone();
  }

  /** The registry form: base64 of the raw 32 bytes. */
  public String base64() {
    return Base64.getEncoder().encodeToString(raw);
  }

  /** The public OKP JWK, with {@code kid} when it is not null. */
  public OctetKeyPair toJwk(String kid) {
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).keyID(kid).build();
  }

  /** True when {@code other} holds the same 32 bytes. */
  public boolean sameKey(byte[] other) {
    return Arrays.equals(raw, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey other && Arrays.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + base64() + "]";
  }
}
