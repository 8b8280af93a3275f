package org.uei.p2p.audit.verify;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.entry.MalformedEntryException;
import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.merkle.MerkleHashes;
import org.uei.p2p.audit.store.InMemoryLogStore;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.audit.verify.VerificationReport.Problem;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * Checks a {@link LogExport} without trusting the node that produced it: recomputes the whole tree
 * from the entry bytes, checks every signed tree head's signature with the node's public key and
 * its root against the recomputed one, checks consistency between consecutive heads, and stops at
 * the first problem, naming the first bad entry index.
 *
 * <p>A changed entry is caught twice over: its recomputed leaf hash no longer matches the stored
 * one (which names its exact index), and the roots of every later signed head no longer match
 * (which catches it even when the stored leaf hash was rewritten too; the index is then the first
 * entry not covered by the last head that still matched).
 */
public final class LogVerifier {

  private final Ed25519PublicKey nodeKey;

  /** @param nodeKey the public key the node signs its tree heads with */
  public LogVerifier(Ed25519PublicKey nodeKey) {
    this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
  }

  /** Verifies {@code export}; never throws for bad content, only reports it. */
  public VerificationReport verify(LogExport export) {
    List<SignedTreeHead> heads = new ArrayList<>();
    for (int h = 0; h < export.treeHeads().size(); h++) {
      try {
        heads.add(SignedTreeHead.verify(export.treeHeads().get(h), nodeKey));
      } catch (TreeHeadException e) {
        return fail(Problem.BAD_TREE_HEAD_SIGNATURE, -1, "tree head " + h + ": " + e.getMessage(), 0, 0, 0);
      }
      if (h > 0 && heads.get(h).treeSize() < heads.get(h - 1).treeSize()) {
        return fail(Problem.TREE_HEADS_OUT_OF_ORDER, -1, "tree head " + h + " has tree_size "
            + heads.get(h).treeSize() + ", smaller than the " + heads.get(h - 1).treeSize()
            + " of the head before it: the log was rolled back", 0, 0, 0);
      }
    }

    List<byte[]> entries = export.entries();
    MerkleLog rebuilt = new MerkleLog(new InMemoryLogStore());
    int next = 0;
    long lastGoodSize = 0;
    SignedTreeHead previous = null;
    for (long i = 0; i <= entries.size(); i++) {
      while (next < heads.size() && heads.get(next).treeSize() == i) {
        SignedTreeHead head = heads.get(next);
        if (!MessageDigest.isEqual(rebuilt.rootHash(), head.rootHash())) {
          return fail(Problem.ROOT_MISMATCH, lastGoodSize, "the entries before index " + i
              + " do not hash to the root signed in tree head " + next + " (tree_size " + i
              + "); they matched up to tree_size " + lastGoodSize, i, next, 0);
        }
        if (previous != null) {
          ConsistencyProof proof = rebuilt.consistencyProof(previous.treeSize(), i);
          if (!proof.verify(previous.rootHash(), head.rootHash())) {
            return fail(Problem.INCONSISTENT_TREE_HEADS, previous.treeSize(), "tree heads " + (next - 1)
                + " and " + next + " are not consistent", i, next, 0);
          }
        }
        previous = head;
        lastGoodSize = i;
        next++;
      }
      if (i == entries.size()) {
        break;
      }
      byte[] entry = entries.get((int) i);
      String malformed = canonicalProblem(entry);
      if (malformed != null) {
        return fail(Problem.MALFORMED_ENTRY, i, "entry " + i + " is malformed: " + malformed, i, next, 0);
      }
      byte[] stored = export.leafHashes().get((int) i);
      if (stored != null && !MessageDigest.isEqual(stored, MerkleHashes.leafHash(entry))) {
        return fail(Problem.LEAF_HASH_MISMATCH, i, "entry " + i
            + " does not hash to the leaf hash stored for it: the entry or its hash was changed", i, next, 0);
      }
      rebuilt.append(entry);
    }
    if (next < heads.size()) {
      return fail(Problem.MISSING_ENTRIES, entries.size(), "tree head " + next + " covers "
          + heads.get(next).treeSize() + " entries but the dump holds only " + entries.size(),
          entries.size(), next, 0);
    }
    long unsigned = entries.size() - lastGoodSize;
    return new VerificationReport(null, -1, "verified " + entries.size() + " entries against "
        + heads.size() + " signed tree heads" + (unsigned > 0 ? "; the last " + unsigned
        + " entries are not yet covered by a signed tree head" : ""), entries.size(), heads.size(), unsigned);
  }

  /** Null when {@code entry} is exactly the canonical encoding of an entry, else the reason it is not. */
  private static String canonicalProblem(byte[] entry) {
    try {
      if (!Arrays.equals(EntryCodec.encode(EntryCodec.decode(entry)), entry)) {
        return "not in canonical form";
      }
      return null;
    } catch (MalformedEntryException e) {
      return e.getMessage();
    }
  }

  private static VerificationReport fail(
      Problem problem, long index, String message, long entries, int heads, long unsigned) {
    return new VerificationReport(problem, index, message, entries, heads, unsigned);
  }
}
