package org.uei.p2p.audit.merkle;

import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof (audit path): the sibling hashes from a leaf up to the root of
 * the tree of {@code treeSize} leaves, bottom first.
 *
 * @param leafIndex zero-based index of the proven leaf
 * @param treeSize size of the tree whose root the path leads to
 * @param path the audit path, each element a 32-byte hash
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

  public InclusionProof {
    path = MerkleProofs.copyPath(path);
  }

  /** The hashes as defensive copies. */
  @Override
  public List<byte[]> path() {
    return MerkleProofs.copyPath(path);
  }

  /**
   * Checks this proof for a leaf hash against a root, with the RFC 9162 §2.1.3.2 algorithm.
   *
   * @return true only if the leaf with {@code leafHash} is at {@link #leafIndex} in the tree of
   *     {@link #treeSize} leaves whose root is {@code rootHash}
   */
  public boolean verify(byte[] leafHash, byte[] rootHash) {
    return MerkleProofs.verifyInclusion(leafIndex, treeSize, leafHash, path, rootHash);
  }
}
