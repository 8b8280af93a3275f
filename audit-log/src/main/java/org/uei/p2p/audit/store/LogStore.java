package org.uei.p2p.audit.store;

import java.io.Closeable;
import java.util.List;
import org.uei.p2p.audit.merkle.SubtreeSource;

/**
 * Append-only storage of log entries and of the hash of every complete subtree of their Merkle
 * tree.
 *
 * <p>There is deliberately no way to change or remove anything once appended. The tree arithmetic
 * lives in {@link org.uei.p2p.audit.MerkleLog}; a store only keeps what it is given, so that every
 * backend (memory, file, database) holds exactly the same hashes. Keeping the complete subtree
 * hashes is what lets roots and proofs be computed in O(log n) reads without rehashing leaves.
 *
 * <p>Implementations must allow reads of indexes below {@link #size()} from any thread while one
 * thread appends.
 */
public interface LogStore extends SubtreeSource, Closeable {

  /** Number of entries appended so far. */
  long size();

  /**
   * Appends one entry at {@code index}, which must be the current {@link #size()}.
   *
   * <p>The index is passed rather than implied so that a store shared by several writers (one
   * database behind several node instances) can refuse an append computed against a tree that has
   * grown since: the hashes would be wrong.
   *
   * @param index where the entry goes: the size before the append
   * @param entry the canonical entry bytes, stored as given
   * @param hashes the new leaf's hash first, then, level by level, the hashes of the subtrees this
   *     leaf completes: exactly {@link TreeLayout#hashesCompletedBy(long) hashesCompletedBy(index)}
   *     hashes
   * @throws ConcurrentAppendException if {@code index} is no longer the size; nothing was stored
   * @throws LogStoreException if the entry could not be stored; the store is then unchanged
   */
  void append(long index, byte[] entry, byte[][] hashes);

  /**
   * Appends {@code entries} at {@code index}, {@code index + 1}, and so on: the same as one {@link
   * #append} each, in order. This default checks the whole batch's shape first, then does exactly
   * that, so a failure of the store can leave the entries before the failing one stored (the log
   * then reloads its frontier from the store); a store that can write them together overrides it
   * and stores all or none.
   *
   * @param hashes for each entry, the hashes {@link #append} takes with it
   * @throws ConcurrentAppendException if {@code index} is no longer the size
   */
  default void appendAll(long index, List<byte[]> entries, List<byte[][]> hashes) {
    TreeLayout.checkAppendAll(index, entries, hashes);
    for (int i = 0; i < entries.size(); i++) {
      append(index + i, entries.get(i), hashes.get(i));
    }
  }

  /** The stored bytes of entry {@code index}. */
  byte[] entry(long index);

  /** The stored leaf hash of entry {@code index}. */
  default byte[] leafHash(long index) {
    return subtreeHash(0, index);
  }

  /** Makes every append so far durable; a no-op for stores that cannot survive a restart. */
  default void sync() {}

  @Override
  default void close() {}
}
