package org.uei.p2p.audit.store;

import org.uei.p2p.audit.merkle.MerkleHashes;

/**
 * Where each complete-subtree hash sits when hashes are stored in the order appends produce them:
 * leaf {@code n}'s hash, then the hashes of the subtrees leaf {@code n} completes, lowest first.
 *
 * <p>This order is append-only by construction, so a file or a flat array can hold the whole tree
 * and still find node ({@code level}, {@code index}) by arithmetic. After {@code n} leaves exactly
 * {@code 2n - popcount(n)} hashes have been written.
 */
public final class TreeLayout {

  private TreeLayout() {}

  /** Number of hashes stored for a tree of {@code size} leaves. */
  public static long hashCount(long size) {
    return 2 * size - Long.bitCount(size);
  }

  /**
   * Number of hashes the append of leaf {@code leafIndex} stores: its own plus the subtrees it
   * completes.
   */
  public static int hashesCompletedBy(long leafIndex) {
    return 1 + Long.numberOfTrailingZeros(leafIndex + 1);
  }

  /** Position (in hashes, not bytes) of the complete subtree at ({@code level}, {@code index}). */
  public static long position(int level, long index) {
    long lastLeaf = ((index + 1) << level) - 1;
    return hashCount(lastLeaf) + level;
  }

  /**
   * Throws unless ({@code level}, {@code index}) names a complete subtree of a tree of {@code size}
   * leaves.
   */
  public static void checkComplete(int level, long index, long size) {
    if (level < 0 || level > 62 || index < 0 || index > ((size >>> level) - 1)) {
      throw new IllegalArgumentException(
          "no complete subtree at level "
              + level
              + ", index "
              + index
              + " in a tree of "
              + size
              + " leaves");
    }
  }

  /**
   * Throws unless {@code entries} and {@code hashes} pair up one to one, as a batch append at
   * {@code index} takes them, and each pair is what appending that leaf must store (see {@link
   * #checkAppend}); the first leaf must be at {@code index}.
   */
  public static void checkAppendAll(
      long index, java.util.List<byte[]> entries, java.util.List<byte[][]> hashes) {
    if (entries.size() != hashes.size()) {
      throw new IllegalArgumentException(
          entries.size() + " entries but " + hashes.size() + " hash groups");
    }
    for (int i = 0; i < entries.size(); i++) {
      checkAppend(index + i, index + i, entries.get(i), hashes.get(i));
    }
  }

  /**
   * Throws unless {@code leafIndex} is the store's {@code size} and {@code hashes} is what
   * appending that leaf must store.
   */
  public static void checkAppend(long leafIndex, long size, byte[] entry, byte[][] hashes) {
    if (leafIndex != size) {
      throw new ConcurrentAppendException(leafIndex, size);
    }
    if (entry == null) {
      throw new IllegalArgumentException("entry must not be null");
    }
    int expected = hashesCompletedBy(leafIndex);
    if (hashes == null || hashes.length != expected) {
      throw new IllegalArgumentException(
          "appending leaf "
              + leafIndex
              + " stores "
              + expected
              + " hashes, got "
              + (hashes == null ? "none" : hashes.length));
    }
    for (byte[] h : hashes) {
      if (h == null || h.length != MerkleHashes.HASH_LENGTH) {
        throw new IllegalArgumentException(
            "every stored hash must have " + MerkleHashes.HASH_LENGTH + " bytes");
      }
    }
  }
}
