package org.uei.p2p.credentials.did;

import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * Turns a proof's verification method (a DID URL such as {@code did:key:z6Mk...#z6Mk...}) into the
 * Ed25519 key it names. Implementations must not fetch anything for did:key and did:jwk.
 */
public interface DidResolver {

  /**
   * Returns the Ed25519 key of {@code verificationMethod}.
   *
   * @throws DidResolutionException with the reason the method names no usable key
   */
  Ed25519PublicKey resolve(String verificationMethod) throws DidResolutionException;

  /**
   * The DID part of a DID URL: everything before {@code #}, {@code ?} or a path after the method
   * id.
   */
  static String didOf(String didUrl) {
    if (didUrl == null) {
      return null;
    }
    int end = didUrl.length();
    for (char c : new char[] {'#', '?'}) {
      int i = didUrl.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return didUrl.substring(0, end);
  }

  /** The fragment of a DID URL without {@code #}, or null. */
  static String fragmentOf(String didUrl) {
    int i = didUrl == null ? -1 : didUrl.indexOf('#');
    return i < 0 ? null : didUrl.substring(i + 1);
  }
}
