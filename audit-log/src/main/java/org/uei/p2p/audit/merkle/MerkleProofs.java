package org.uei.p2p.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Generation and verification of RFC 9162 Merkle tree hashes, inclusion proofs and consistency
 * proofs.
 *
 * <p>Generation follows the recursive definitions of §2.1.1, §2.1.3.1 and §2.1.4.1, but reads
 * complete subtrees from a {@link SubtreeSource} instead of rehashing leaves, so a proof costs
 * O(log n) reads. Verification is the iterative algorithm of §2.1.3.2 and §2.1.4.2, which needs
 * nothing but the proof, so anyone can run it.
 */
public final class MerkleProofs {

  private MerkleProofs() {}

  /** MTH of the first {@code size} leaves. */
  public static byte[] rootHash(SubtreeSource source, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative: " + size);
    }
    return size == 0 ? MerkleHashes.emptyRoot() : rangeHash(source, 0, size);
  }

  /**
   * The inclusion proof of leaf {@code leafIndex} in the tree of the first {@code treeSize} leaves.
   */
  public static InclusionProof inclusionProof(SubtreeSource source, long leafIndex, long treeSize) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException(
          "leaf index " + leafIndex + " is not in a tree of " + treeSize + " leaves");
    }
    List<byte[]> path = new ArrayList<>(64);
    auditPath(source, leafIndex, 0, treeSize, path);
    return new InclusionProof(leafIndex, treeSize, path);
  }

  /**
   * The consistency proof between the trees of the first {@code firstSize} and {@code secondSize}
   * leaves.
   */
  public static ConsistencyProof consistencyProof(
      SubtreeSource source, long firstSize, long secondSize) {
    if (firstSize < 0 || firstSize > secondSize) {
      throw new IllegalArgumentException(
          "no consistency proof from size " + firstSize + " to size " + secondSize);
    }
    List<byte[]> path = new ArrayList<>(64);
    if (firstSize > 0 && firstSize < secondSize) {
      subproof(source, firstSize, 0, secondSize, true, path);
    }
    return new ConsistencyProof(firstSize, secondSize, path);
  }

  /** RFC 9162 §2.1.3.2. */
  public static boolean verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] rootHash) {
    if (leafIndex < 0
        || leafIndex >= treeSize
        || !isHash(leafHash)
        || !isHash(rootHash)
        || path == null) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0 || !isHash(p)) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHashes.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while (fn != 0 && (fn & 1) == 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = MerkleHashes.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, rootHash);
  }

  /**
   * RFC 9162 §2.1.4.2, extended with the two trivial cases the RFC leaves out: equal sizes (empty
   * proof, equal roots) and an empty first tree (empty proof; every tree extends it).
   */
  public static boolean verifyConsistency(
      long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
    if (firstSize < 0
        || firstSize > secondSize
        || !isHash(firstRoot)
        || !isHash(secondRoot)
        || path == null) {
      return false;
    }
    if (firstSize == secondSize) {
      return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
    }
    if (firstSize == 0) {
      return path.isEmpty() && MessageDigest.isEqual(firstRoot, MerkleHashes.emptyRoot());
    }
    if (path.isEmpty()) {
      return false;
    }
    for (byte[] c : path) {
      if (!isHash(c)) {
        return false;
      }
    }
    List<byte[]> proof = path;
    if (Long.bitCount(firstSize) == 1) {
      proof = new ArrayList<>(path.size() + 1);
      proof.add(firstRoot);
      proof.addAll(path);
    }
    long fn = firstSize - 1;
    long sn = secondSize - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = proof.get(0);
    byte[] sr = proof.get(0);
    for (byte[] c : proof.subList(1, proof.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHashes.nodeHash(c, fr);
        sr = MerkleHashes.nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while (fn != 0 && (fn & 1) == 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = MerkleHashes.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
  }

  /** The largest power of two strictly smaller than {@code n} (n ≥ 2): the RFC's split point k. */
  public static long splitPoint(long n) {
    if (n < 2) {
      throw new IllegalArgumentException("a tree of " + n + " leaves has no split point");
    }
    return Long.highestOneBit(n - 1);
  }

  private static void auditPath(
      SubtreeSource source, long m, long start, long end, List<byte[]> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = splitPoint(n);
    if (m < k) {
      auditPath(source, m, start, start + k, out);
      out.add(rangeHash(source, start + k, end));
    } else {
      auditPath(source, m - k, start + k, end, out);
      out.add(rangeHash(source, start, start + k));
    }
  }

  private static void subproof(
      SubtreeSource source, long m, long start, long end, boolean completeFirst, List<byte[]> out) {
    long n = end - start;
    if (m == n) {
      if (!completeFirst) {
        out.add(rangeHash(source, start, end));
      }
      return;
    }
    long k = splitPoint(n);
    if (m <= k) {
      subproof(source, m, start, start + k, completeFirst, out);
      out.add(rangeHash(source, start + k, end));
    } else {
      subproof(source, m - k, start + k, end, false, out);
      out.add(rangeHash(source, start, start + k));
    }
  }

  /**
   * MTH(D[start:end]); every range the RFC recursion produces starts on a multiple of its split.
   */
  private static byte[] rangeHash(SubtreeSource source, long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return source.subtreeHash(level, start >>> level);
    }
    long k = splitPoint(n);
    return MerkleHashes.nodeHash(
        rangeHash(source, start, start + k), rangeHash(source, start + k, end));
  }

  static List<byte[]> copyPath(List<byte[]> path) {
    if (path == null) {
      throw new IllegalArgumentException("a proof path must not be null");
    }
    List<byte[]> copy = new ArrayList<>(path.size());
    for (byte[] h : path) {
      MerkleHashes.requireHash(h, "every proof hash");
      copy.add(h.clone());
    }
    return Collections.unmodifiableList(copy);
  }

  private static boolean isHash(byte[] h) {
    return h != null && h.length == MerkleHashes.HASH_LENGTH;
  }
}
