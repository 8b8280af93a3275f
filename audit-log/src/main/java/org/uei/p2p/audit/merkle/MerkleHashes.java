package org.uei.p2p.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The three hash functions of an RFC 9162 §2.1.1 Merkle tree over SHA-256.
 *
 * <p>Leaves and interior nodes get different one-byte prefixes (0x00 and 0x01) so that a leaf can
 * never be passed off as an interior node (second-preimage resistance). Every method returns a new
 * 32-byte array; inputs are not modified.
 */
public final class MerkleHashes {

  /** Length of every hash in the tree. */
  public static final int HASH_LENGTH = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  // MessageDigest is not thread-safe and creating one per hash costs more than the hash itself
  // for small inputs.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(MerkleHashes::newSha256);

  private static final byte[] EMPTY_ROOT = newSha256().digest();

  private MerkleHashes() {}

  /** MTH({}) = SHA-256 of the empty string: the root of a tree with no leaves. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** MTH({d}) = SHA-256(0x00 || d). */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest md = SHA256.get();
    md.update(LEAF_PREFIX);
    md.update(entry);
    return md.digest();
  }

  /** SHA-256(0x01 || left || right), the hash of an interior node. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    requireHash(left, "left");
    requireHash(right, "right");
    MessageDigest md = SHA256.get();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** Plain SHA-256, exposed so that callers compare against the same primitive the tree uses. */
  public static byte[] sha256(byte[] data) {
    return SHA256.get().digest(data);
  }

  static void requireHash(byte[] hash, String name) {
    if (hash == null || hash.length != HASH_LENGTH) {
      throw new IllegalArgumentException(
          name
              + " must be a "
              + HASH_LENGTH
              + "-byte SHA-256 hash, got "
              + (hash == null ? "null" : hash.length + " bytes"));
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }
}
