package org.uei.p2p.signing;

/**
 * Finds the Ed25519 public key a subscriber signs with, usually by asking a registry.
 *
 * <p>The verifier calls {@link #resolve} first. When a signature fails to verify with the key it
 * got, it calls {@link #refresh} once: a cached key may be stale because the subscriber rotated it,
 * and a stale key is the most common signature failure in the field. Implementations that cache
 * must bypass their cache in {@code refresh}.
 */
public interface KeyResolver {

  /**
   * Returns the subscriber's current public key for {@code uniqueKeyId}.
   *
   * @throws KeyResolutionException when there is no usable key (unknown, revoked, not subscribed,
   *     outside its validity) or the registry could not be asked; {@link
   *     KeyResolutionException#kind()} tells which
   */
  ResolvedKey resolve(String subscriberId, String uniqueKeyId) throws KeyResolutionException;

  /** Like {@link #resolve}, but never answers from a cache. */
  default ResolvedKey refresh(String subscriberId, String uniqueKeyId)
      throws KeyResolutionException {
    return resolve(subscriberId, uniqueKeyId);
  }
}
