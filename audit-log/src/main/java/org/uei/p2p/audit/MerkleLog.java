package org.uei.p2p.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.uei.p2p.audit.entry.LogEntry;
import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.merkle.InclusionProof;
import org.uei.p2p.audit.merkle.MerkleHashes;
import org.uei.p2p.audit.merkle.MerkleProofs;
import org.uei.p2p.audit.store.ConcurrentAppendException;
import org.uei.p2p.audit.store.LogStore;

/**
 * An append-only RFC 9162 Merkle log over a {@link LogStore}.
 *
 * <p>The log keeps the right-edge frontier of the tree in memory: one complete-subtree hash per set
 * bit of the size. An append hashes the leaf and merges it with the frontier (amortised two
 * hashes), and the current root folds at most 63 frontier hashes, so neither ever touches old
 * leaves. Roots of older sizes and proofs read O(log n) stored subtree hashes.
 *
 * <p>Appends are serialised; proofs and reads may run concurrently with them. Several logs may
 * share one store (node instances on one database): each reloads the frontier when it finds the
 * store has grown, and the store refuses an append computed against an outdated size.
 */
public final class MerkleLog {

  private static final int APPEND_ATTEMPTS = 16;

  private final LogStore store;
  private final byte[][] frontier = new byte[64][];
  private long frontierSize = -1;

  /** Opens the log held by {@code store}, rebuilding the frontier from its stored hashes. */
  public MerkleLog(LogStore store) {
    this.store = Objects.requireNonNull(store, "store");
    synchronized (this) {
      syncFrontier();
    }
  }

  /** Appends a typed entry in its canonical encoding; returns its index. */
  public long append(LogEntry entry) {
    return append(entry.encode());
  }

  /**
   * Appends raw entry bytes; returns the index of the new leaf. Nodes append {@link LogEntry}s:
   * {@link org.uei.p2p.audit.verify.LogVerifier} expects every leaf to be a canonical entry.
   *
   * <p>If another writer sharing the store appended in between, the frontier is reloaded from the
   * store and the append recomputed.
   */
  public long append(byte[] entry) {
    return appendAll(List.of(Objects.requireNonNull(entry, "entry")));
  }

  /**
   * Appends raw entries in order, handing them to the store in one {@link LogStore#appendAll}, so
   * that a database store writes a batch in a few statements instead of a few per entry. The tree
   * is the same as after one {@link #append} each.
   *
   * @return the index of the first new leaf (the size before, when {@code entries} is empty)
   */
  public synchronized long appendAll(List<byte[]> entries) {
    List<byte[]> leaves = new ArrayList<>(entries.size());
    for (byte[] entry : entries) {
      leaves.add(MerkleHashes.leafHash(Objects.requireNonNull(entry, "entry")));
    }
    for (int attempt = 1; ; attempt++) {
      long first = syncFrontier();
      if (entries.isEmpty()) {
        return first;
      }
      byte[][] next = frontier.clone();
      List<byte[][]> hashes = new ArrayList<>(entries.size());
      for (int i = 0; i < leaves.size(); i++) {
        hashes.add(merge(next, first + i, leaves.get(i)));
      }
      try {
        store.appendAll(first, entries, hashes);
      } catch (ConcurrentAppendException e) {
        if (attempt == APPEND_ATTEMPTS) {
          throw e;
        }
        continue;
      }
      // Only after the store accepted the leaves: a failed append leaves the frontier untouched.
      System.arraycopy(next, 0, frontier, 0, frontier.length);
      frontierSize = first + entries.size();
      return first;
    }
  }

  /**
   * Merges leaf {@code index}'s hash into {@code frontier}; returns what its append stores: the
   * leaf hash, then the hashes of the subtrees it completes, level by level.
   */
  private static byte[][] merge(byte[][] frontier, long index, byte[] leaf) {
    int completed = Long.numberOfTrailingZeros(index + 1);
    byte[][] hashes = new byte[1 + completed][];
    byte[] h = leaf;
    hashes[0] = h;
    for (int level = 0; level < completed; level++) {
      h = MerkleHashes.nodeHash(frontier[level], h);
      hashes[level + 1] = h;
      frontier[level] = null;
    }
    frontier[completed] = h;
    return hashes;
  }

  /** Number of leaves. */
  public long size() {
    return store.size();
  }

  /** Root hash of the whole current tree. */
  public synchronized byte[] rootHash() {
    long size = syncFrontier();
    byte[] acc = null;
    for (int level = 0; level < 63; level++) {
      if ((size & (1L << level)) != 0) {
        acc = acc == null ? frontier[level] : MerkleHashes.nodeHash(frontier[level], acc);
      }
    }
    return acc == null ? MerkleHashes.emptyRoot() : acc.clone();
  }

  /** Current size and root, read together. */
  public synchronized TreeState state() {
    byte[] root = rootHash();
    return new TreeState(frontierSize, root);
  }

  /** Root hash of the tree made of the first {@code treeSize} leaves. */
  public byte[] rootHash(long treeSize) {
    checkSize(treeSize);
    return MerkleProofs.rootHash(store, treeSize);
  }

  /** Inclusion proof of leaf {@code leafIndex} in the tree of the first {@code treeSize} leaves. */
  public InclusionProof inclusionProof(long leafIndex, long treeSize) {
    checkSize(treeSize);
    return MerkleProofs.inclusionProof(store, leafIndex, treeSize);
  }

  /**
   * Consistency proof from the tree of {@code firstSize} leaves to that of {@code secondSize}
   * leaves.
   */
  public ConsistencyProof consistencyProof(long firstSize, long secondSize) {
    checkSize(secondSize);
    return MerkleProofs.consistencyProof(store, firstSize, secondSize);
  }

  /** The stored bytes of entry {@code index}. */
  public byte[] entry(long index) {
    return store.entry(index);
  }

  /** The stored leaf hash of entry {@code index}. */
  public byte[] leafHash(long index) {
    return store.leafHash(index);
  }

  /** The store underneath, for syncing and closing. */
  public LogStore store() {
    return store;
  }

  /** Reloads the frontier when the store has grown under us; returns the store's size. */
  private long syncFrontier() {
    long size = store.size();
    if (size != frontierSize) {
      for (int level = 0; level < 63; level++) {
        frontier[level] =
            (size & (1L << level)) != 0 ? store.subtreeHash(level, (size >>> level) - 1) : null;
      }
      frontierSize = size;
    }
    return size;
  }

  private void checkSize(long treeSize) {
    long size = store.size();
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " is outside the log's 0.." + size);
    }
  }

  /**
   * A tree size with its root hash.
   *
   * @param size number of leaves
   * @param rootHash the 32-byte root of those leaves
   */
  public record TreeState(long size, byte[] rootHash) {
    public TreeState {
      rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
      return rootHash.clone();
    }
  }
}
