package org.uei.p2p.signing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A subscriber's Ed25519 public key as a registry published it.
 *
 * @param subscriberId the subscriber the key belongs to
 * @param uniqueKeyId the key id the subscriber signs with (the middle part of {@code keyId})
 * @param publicKey the raw 32-byte Ed25519 public key
 */
public record ResolvedKey(String subscriberId, String uniqueKeyId, byte[] publicKey) {

  public ResolvedKey {
    Objects.requireNonNull(subscriberId, "subscriberId");
    Objects.requireNonNull(uniqueKeyId, "uniqueKeyId");
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.length != 32) {
      throw new IllegalArgumentException(
          "an Ed25519 public key has 32 bytes, not " + publicKey.length);
    }
    publicKey = publicKey.clone();
  }

  /** Builds a key from the registry's base64 form of the raw 32 bytes. */
  public static ResolvedKey ofBase64(
      String subscriberId, String uniqueKeyId, String base64PublicKey) {
    return new ResolvedKey(
        subscriberId, uniqueKeyId, Base64.getDecoder().decode(base64PublicKey.trim()));
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolvedKey other
        && subscriberId.equals(other.subscriberId)
        && uniqueKeyId.equals(other.uniqueKeyId)
        && Arrays.equals(publicKey, other.publicKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subscriberId, uniqueKeyId, Arrays.hashCode(publicKey));
  }

  @Override
  public String toString() {
    return "ResolvedKey["
        + subscriberId
        + "|"
        + uniqueKeyId
        + "|"
        + Base64.getEncoder().encodeToString(publicKey)
        + "]";
  }
}
