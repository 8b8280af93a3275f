package org.uei.p2p.signing.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * An X25519 encryption key pair, as registries publish in {@code encr_public_key}. The registry
 * subscribe challenge derives an AES key from {@link #sharedSecret}. Immutable and thread-safe.
 */
public final class X25519KeyPair {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final X25519PrivateKeyParameters privateKey;
  private final byte[] publicRaw;

  private X25519KeyPair(X25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicRaw = privateKey.generatePublicKey().getEncoded();
  }

  /** A fresh key pair from a strong random source. */
  public static X25519KeyPair generate() {
    return new X25519KeyPair(new X25519PrivateKeyParameters(RANDOM));
  }

  /** A fresh key pair from {@code random}. */
  public static X25519KeyPair generate(SecureRandom random) {
    return new X25519KeyPair(new X25519PrivateKeyParameters(random));
  }

  /** Reads the raw 32-byte private key or its 48-byte PKCS#8 DER form. */
  public static X25519KeyPair fromPrivateKey(byte[] key) {
    if (key == null) {
      throw new KeyFormatException("X25519 private key is missing");
    }
    byte[] raw = KeyBytes.unwrap(key, KeyBytes.X25519_PKCS8_PREFIX);
    if (raw == null) {
      throw new KeyFormatException(
          "an X25519 private key has 32 bytes (or 48 in PKCS#8 DER form), not " + key.length);
    }
    return new X25519KeyPair(new X25519PrivateKeyParameters(raw, 0));
  }

  /** Reads the base64 of any form accepted by {@link #fromPrivateKey(byte[])}. */
  public static X25519KeyPair fromPrivateKeyBase64(String base64) {
    return fromPrivateKey(KeyBytes.base64(base64, "X25519 private key"));
  }

  /** Reads a private OKP JWK ({@code crv} X25519 with {@code d}); {@code x} must match. */
  public static X25519KeyPair fromJwk(String json) {
    OctetKeyPair jwk;
    try {
      jwk = OctetKeyPair.parse(json);
    } catch (ParseException e) {
      throw new KeyFormatException("not an OKP JWK: " + e.getMessage(), e);
    }
    if (!Curve.X25519.equals(jwk.getCurve())) {
      throw new KeyFormatException("JWK curve is " + jwk.getCurve() + ", expected X25519");
    }
    if (jwk.getD() == null) {
      throw new KeyFormatException("JWK has no private part (d)");
    }
    X25519KeyPair pair = fromPrivateKey(jwk.getDecodedD());
    if (!java.util.Arrays.equals(pair.publicRaw, jwk.getDecodedX())) {
      throw new KeyFormatException("JWK x is not the public key of d");
    }
    return pair;
  }

  /**
   * Reads a peer's public key: base64 of the raw 32 bytes or of the 44-byte X.509 DER form ({@code
   * MCowBQYDK2VuAyEA...}) that ONDC registries publish. Returns the raw 32 bytes.
   */
  public static byte[] decodePublicKey(String base64) {
    byte[] bytes = KeyBytes.base64(base64, "X25519 public key");
    byte[] raw = KeyBytes.unwrap(bytes, KeyBytes.X25519_SPKI_PREFIX);
    if (raw == null) {
      throw new KeyFormatException(
          "an X25519 public key has 32 bytes (or 44 in X.509 DER form), not " + bytes.length);
    }
    return raw;
  }

  /**
   * The raw X25519 shared secret with {@code peerPublicKey} (32 bytes). Callers derive their
   * symmetric key from it. A low-order peer key, which would give an all-zero secret, is refused.
   */
  public byte[] sharedSecret(byte[] peerPublicKey) {
    if (peerPublicKey == null || peerPublicKey.length != 32) {
      throw new KeyFormatException("an X25519 public key has 32 bytes");
    }
    byte[] secret = new byte[X25519PrivateKeyParameters.SECRET_SIZE];
    try {
      privateKey.generateSecret(new X25519PublicKeyParameters(peerPublicKey, 0), secret, 0);
    } catch (IllegalStateException e) {
      throw new KeyFormatException("X25519 agreement failed: the peer key is a low-order point", e);
    }
    return secret;
  }

  /** The shared secret with a peer key given as {@link #decodePublicKey base64}. */
  public byte[] sharedSecret(String peerPublicKeyBase64) {
    return sharedSecret(decodePublicKey(peerPublicKeyBase64));
  }

  /** The raw 32-byte public key. */
  public byte[] publicKey() {
    return publicRaw.clone();
  }

  /** Base64 of the raw 32-byte public key. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicRaw);
  }

  /** Base64 of the 44-byte X.509 DER public key, the form ONDC registries expect. */
  public String publicKeyDerBase64() {
    return Base64.getEncoder()
        .encodeToString(KeyBytes.concat(KeyBytes.X25519_SPKI_PREFIX, publicRaw));
  }

  /** The raw 32-byte private key. */
  public byte[] privateKey() {
    return privateKey.getEncoded();
  }

  /** Base64 of the raw 32-byte private key. */
  public String privateKeyBase64() {
    return Base64.getEncoder().encodeToString(privateKey());
  }

  /** The private OKP JWK (with {@code d}); {@code kid} is omitted when null. */
  public OctetKeyPair toJwk(String kid) {
    return new OctetKeyPair.Builder(Curve.X25519, Base64URL.encode(publicRaw))
        .d(Base64URL.encode(privateKey()))
        .keyID(kid)
        .build();
  }

  /** Never prints the private key. */
  @Override
  public String toString() {
    return "X25519KeyPair[public=" + publicKeyBase64() + "]";
  }
}
