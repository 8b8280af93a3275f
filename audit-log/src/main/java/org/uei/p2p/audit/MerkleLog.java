package org.uei.p2p.audit;

import java.util.Objects;
import org.uei.p2p.audit.entry.LogEntry;
import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.merkle.InclusionProof;
import org.uei.p2p.audit.merkle.MerkleHashes;
import org.uei.p2p.audit.merkle.MerkleProofs;
import org.uei.p2p.audit.store.LogStore;

/**
 * An append-only RFC 9162 Merkle log over a {@link LogStore}.
 *
 * <p>The log keeps the right-edge frontier of the tree in memory: one complete-subtree hash per set
 * bit of the size. An append hashes the leaf and merges it with the frontier (amortised two
 * hashes), and the current root folds at most 63 frontier hashes, so neither ever touches old
 * leaves. Roots of older sizes and proofs read O(log n) stored subtree hashes.
 *
 * <p>Appends are serialised; proofs and reads may run concurrently with them.
 */
public final class MerkleLog {

  private final LogStore store;
  private final byte[][] frontier = new byte[64][];

  /** Opens the log held by {@code store}, rebuilding the frontier from its stored hashes. */
  public MerkleLog(LogStore store) {
    this.store = Objects.requireNonNull(store, "store");
    long size = store.size();
    for (int level = 0; level < 63; level++) {
      if ((size & (1L << level)) != 0) {
        frontier[level] = store.subtreeHash(level, (size >>> level) - 1);
      }
    }
  }

  /** Appends a typed entry in its canonical encoding; returns its index. */
  public long append(LogEntry entry) {
    return append(entry.encode());
  }

  /**
   * Appends raw entry bytes; returns the index of the new leaf. Nodes append {@link LogEntry}s:
   * {@link org.uei.p2p.audit.verify.LogVerifier} expects every leaf to be a canonical entry.
   */
  public synchronized long append(byte[] entry) {
    Objects.requireNonNull(entry, "entry");
    long index = store.size();
    int completed = Long.numberOfTrailingZeros(index + 1);
    byte[][] hashes = new byte[1 + completed][];
    byte[] h = MerkleHashes.leafHash(entry);
    hashes[0] = h;
    for (int level = 0; level < completed; level++) {
      h = MerkleHashes.nodeHash(frontier[level], h);
      hashes[level + 1] = h;
    }
    store.append(entry, hashes);
    // Only after the store accepted the leaf: a failed append leaves the frontier untouched.
    for (int level = 0; level < completed; level++) {
      frontier[level] = null;
    }
    frontier[completed] = h;
    return index;
  }

  /** Number of leaves. */
  public long size() {
    return store.size();
  }

  /** Root hash of the whole current tree. */
  public synchronized byte[] rootHash() {
    long size = store.size();
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
    return new TreeState(store.size(), rootHash());
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

  /** Consistency proof from the tree of {@code firstSize} leaves to that of {@code secondSize} leaves. */
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

  private void checkSize(long treeSize) {
    long size = store.size();
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException("tree size " + treeSize + " is outside the log's 0.." + size);
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
