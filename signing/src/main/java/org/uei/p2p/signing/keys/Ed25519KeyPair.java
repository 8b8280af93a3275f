package org.uei.p2p.signing.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 signing key pair. Reads the private key in the forms found in Beckn networks: the
 * 32-byte seed (Go, beckn-onix), the 64-byte seed‖public (libsodium, ONDC) and PKCS#8 DER.
 * Immutable and safe to share between threads.
 */
public final class Ed25519KeyPair {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Ed25519PrivateKeyParameters privateKey;
  private final Ed25519PublicKey publicKey;
  private final byte[] publicRaw;

  private Ed25519KeyPair(byte[] seed) {
    this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    this.publicRaw = privateKey.generatePublicKey().getEncoded();
    this.publicKey = Ed25519PublicKey.of(publicRaw);
  }

  /** A fresh key pair from a strong random source. */
  public static Ed25519KeyPair generate() {
    return generate(RANDOM);
  }

  /** A fresh key pair from {@code random}. */
  public static Ed25519KeyPair generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(seed);
    return new Ed25519KeyPair(seed);
  }

  /**
   * Reads a private key of 32 bytes (seed), 64 bytes (seed‖public, whose second half must be the
   * seed's public key) or 48 bytes (PKCS#8 DER).
   */
  public static Ed25519KeyPair fromPrivateKey(byte[] key) {
    if (key == null) {
      throw new KeyFormatException("Ed25519 private key is missing");
    }
    if (key.length == 64) {
      Ed25519KeyPair pair = new Ed25519KeyPair(Arrays.copyOf(key, 32));
      if (!Arrays.equals(key, 32, 64, pair.publicRaw, 0, 32)) {
        throw new KeyFormatException(
            "64-byte Ed25519 private key: the second half is not the public key of the first half (seed)");
      }
      return pair;
    }
    byte[] seed = KeyBytes.unwrap(key, KeyBytes.ED25519_PKCS8_PREFIX);
    if (seed == null) {
      throw new KeyFormatException(
          "an Ed25519 private key has 32 bytes (seed) or 64 bytes (seed and public key), not "
              + key.length);
    }
    return new Ed25519KeyPair(seed.clone());
  }

  /** Reads the base64 of any form accepted by {@link #fromPrivateKey(byte[])}. */
  public static Ed25519KeyPair fromPrivateKeyBase64(String base64) {
    return fromPrivateKey(KeyBytes.base64(base64, "Ed25519 private key"));
  }

  /**
   * Reads a private OKP JWK ({@code crv} Ed25519 with {@code d}); {@code x}, if present, must
   * match.
   */
  public static Ed25519KeyPair fromJwk(String json) {
    try {
      return fromJwk(OctetKeyPair.parse(json));
    } catch (ParseException e) {
      throw new KeyFormatException("not an OKP JWK: " + e.getMessage(), e);
    }
  }

  /** Reads a private OKP JWK ({@code crv} Ed25519 with {@code d}). */
  public static Ed25519KeyPair fromJwk(OctetKeyPair jwk) {
    if (!Curve.Ed25519.equals(jwk.getCurve())) {
      throw new KeyFormatException("JWK curve is " + jwk.getCurve() + ", expected Ed25519");
    }
    if (jwk.getD() == null) {
      throw new KeyFormatException("JWK has no private part (d)");
    }
    byte[] d = jwk.getDecodedD();
    if (d.length != 32) {
      throw new KeyFormatException("JWK d has " + d.length + " bytes, expected 32");
    }
    Ed25519KeyPair pair = new Ed25519KeyPair(d);
    if (!pair.publicKey.sameKey(jwk.getDecodedX())) {
      throw new KeyFormatException("JWK x is not the public key of d");
    }
    return pair;
  }

  /** Signs {@code message[offset, offset + length)}; returns the 64-byte signature. */
  public byte[] sign(byte[] message, int offset, int length) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    privateKey.sign(Ed25519.Algorithm.Ed25519, null, message, offset, length, signature, 0);
    return signature;
  }

  /** Signs the whole of {@code message}; returns the 64-byte signature. */
  public byte[] sign(byte[] message) {
    return sign(message, 0, message.length);
  }

  /** The public half. */
  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** The registry form of the public key: base64 of the raw 32 bytes. */
  public String publicKeyBase64() {
    return publicKey.base64();
  }

  /** The 32-byte seed, as Go and beckn-onix store the private key. */
  public byte[] seed() {
    return privateKey.getEncoded();
  }

  /** Base64 of the 32-byte seed (Go, beckn-onix). */
  public String seedBase64() {
    return Base64.getEncoder().encodeToString(seed());
  }

  /** Base64 of the 64-byte seed‖public form (libsodium, ONDC). */
  public String privateKey64Base64() {
    return Base64.getEncoder().encodeToString(KeyBytes.concat(seed(), publicRaw));
  }

  /** The private OKP JWK (with {@code d}); {@code kid} is omitted when null. */
  public OctetKeyPair toJwk(String kid) {
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicRaw))
        .d(Base64URL.encode(seed()))
        .keyID(kid)
        .build();
  }

  /** Never prints the private key. */
  @Override
  public String toString() {
    return "Ed25519KeyPair[public=" + publicKeyBase64() + "]";
  }
}
