package org.uei.p2p.credentials.did;

import java.util.Arrays;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import org.uei.p2p.signing.keys.KeyFormatException;

/**
 * did:key for Ed25519 (W3C CCG did:key method): the multicodec prefix {@code 0xed 0x01} and the raw
 * 32-byte key, base58btc-encoded; the verification method is the DID with the same value as
 * fragment. Resolved locally, without any network.
 */
public final class DidKey {

  /** The method prefix. */
  public static final String PREFIX = "did:key:";

  private static final byte[] ED25519_CODEC = {(byte) 0xed, 0x01};

  private DidKey() {}

  /** The did:key of {@code key}, e.g. {@code did:key:z6Mk...}. */
  public static String of(Ed25519PublicKey key) {
    return PREFIX + multibase(key);
  }

  /** The verification method id of {@code key}: {@code did:key:z6Mk...#z6Mk...}. */
  public static String verificationMethod(Ed25519PublicKey key) {
    String mb = multibase(key);
    return PREFIX + mb + "#" + mb;
  }

  /** The multicodec-prefixed, base58btc multibase form ({@code publicKeyMultibase}). */
  public static String multibase(Ed25519PublicKey key) {
    byte[] raw = key.encoded();
    byte[] out = Arrays.copyOf(ED25519_CODEC, 2 + raw.length);
    System.arraycopy(raw, 0, out, 2, raw.length);
    return Multibase.encodeBase58Btc(out);
  }

  /**
   * Reads a {@code publicKeyMultibase} value of an Ed25519 key.
   *
   * @throws DidResolutionException when it is not base58btc, or not an Ed25519 key
   */
  public static Ed25519PublicKey fromMultibase(String value) throws DidResolutionException {
    byte[] bytes;
    try {
      bytes = Multibase.decode(value);
    } catch (IllegalArgumentException e) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "key '" + value + "': " + e.getMessage());
    }
    if (bytes.length < 2 || bytes[0] != ED25519_CODEC[0] || bytes[1] != ED25519_CODEC[1]) {
      throw new DidResolutionException(
          DidResolutionException.Kind.UNSUPPORTED_KEY,
          "key '" + value + "' is not an Ed25519 public key (multicodec 0xed01)");
    }
    try {
      return Ed25519PublicKey.of(Arrays.copyOfRange(bytes, 2, bytes.length));
    } catch (KeyFormatException e) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "key '" + value + "': " + e.getMessage());
    }
  }

  /**
   * Resolves a did:key DID or DID URL; a fragment, when present, must name the key itself.
   *
   * @throws DidResolutionException when it is not a valid Ed25519 did:key
   */
  public static Ed25519PublicKey resolve(String didUrl) throws DidResolutionException {
    String did = DidResolver.didOf(didUrl);
    if (did == null || !did.startsWith(PREFIX)) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "'" + didUrl + "' is not a did:key");
    }
    String mb = did.substring(PREFIX.length());
    String fragment = DidResolver.fragmentOf(didUrl);
    if (fragment != null && !fragment.equals(mb)) {
      throw new DidResolutionException(
          DidResolutionException.Kind.NOT_FOUND,
          "did:key document has no verification method #" + fragment);
    }
    return fromMultibase(mb);
  }
}
