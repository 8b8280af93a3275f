package org.uei.p2p.audit.verify;

import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.merkle.InclusionProof;
import org.uei.p2p.audit.merkle.MerkleHashes;
import org.uei.p2p.audit.sth.SignedTreeHead;

/**
 * The two questions a counterparty asks a node's log API, answered against signed tree heads it has
 * already verified: "is this entry in the log you signed?" and "does your newer head extend the
 * older one you gave me?".
 */
public final class TreeHeadProofs {

  private TreeHeadProofs() {}

  /**
   * True only if {@code entry} (canonical bytes, e.g. as served by the node and decoded to check it
   * is the message one sent) is leaf {@code proof.leafIndex()} of the tree {@code head} signs.
   */
  public static boolean entryIncluded(byte[] entry, InclusionProof proof, SignedTreeHead head) {
    return proof.treeSize() == head.treeSize()
        && proof.verify(MerkleHashes.leafHash(entry), head.rootHash());
  }

  /**
   * True only if {@code newer}'s tree is {@code older}'s tree with entries appended, as {@code
   * proof} shows.
   */
  public static boolean extendsHead(
      SignedTreeHead older, SignedTreeHead newer, ConsistencyProof proof) {
    return proof.firstSize() == older.treeSize()
        && proof.secondSize() == newer.treeSize()
        && proof.verify(older.rootHash(), newer.rootHash());
  }
}
