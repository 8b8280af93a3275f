package org.uei.p2p.audit.merkle;

import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof: the hashes that show the tree of {@code firstSize} leaves
 * is a prefix of the tree of {@code secondSize} leaves, i.e. the log only ever appended.
 *
 * @param firstSize size of the older tree
 * @param secondSize size of the newer tree, at least {@code firstSize}
 * @param path the consistency path, each element a 32-byte hash
 */
public record ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {

  public ConsistencyProof {
    path = MerkleProofs.copyPath(path);
  }

  /** The hashes as defensive copies. */
  @Override
  public List<byte[]> path() {
    return MerkleProofs.copyPath(path);
  }

  /**
   * Checks this proof with the RFC 9162 §2.1.4.2 algorithm.
   *
   * @return true only if {@code firstRoot} is the root of the first {@link #firstSize} leaves of
   *     the tree of {@link #secondSize} leaves whose root is {@code secondRoot}
   */
  public boolean verify(byte[] firstRoot, byte[] secondRoot) {
    return MerkleProofs.verifyConsistency(firstSize, secondSize, firstRoot, secondRoot, path);
  }
}
