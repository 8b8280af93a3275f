package org.uei.p2p.audit.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.entry.MalformedEntryException;
import org.uei.p2p.audit.merkle.MerkleHashes;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.audit.store.InMemoryLogStore;
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
 *
 * <p>An export only vouches for itself: a node can serve a log cut back to an older head together
 * with that head. {@link #knownHeads} are heads from elsewhere (the node's current head, heads seen
 * before, anchors counterparties hold); the log must hold each of them, with the signed root at its
 * size, or the check fails naming the head. Comparing the recomputed root at a known head's size is
 * what a consistency proof from that head to the newest one would show, with nothing left to trust.
 * A log no signed head covers proves nothing and fails unless {@link #allowingUnsigned} asks for a
 * structural check only.
 */
public final class LogVerifier {

  private final Ed25519PublicKey nodeKey;
  private final List<KnownHead> knownHeads;
  private final boolean allowUnsigned;

  /**
   * @param nodeKey the public key the node signs its tree heads with
   */
  public LogVerifier(Ed25519PublicKey nodeKey) {
    this(nodeKey, List.of(), false);
  }

  private LogVerifier(Ed25519PublicKey nodeKey, List<KnownHead> knownHeads, boolean allowUnsigned) {
    this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
    this.knownHeads =
        knownHeads.stream().sorted(Comparator.comparingLong(k -> k.head().treeSize())).toList();
    this.allowUnsigned = allowUnsigned;
  }

  /**
   * A verifier that also requires the log to hold each of {@code heads} (checked with the node's
   * key already).
   */
  public LogVerifier knownHeads(List<KnownHead> heads) {
    return new LogVerifier(nodeKey, heads, allowUnsigned);
  }

  /**
   * A verifier that reports a log without any signed head as structurally sound instead of failing
   * it.
   */
  public LogVerifier allowingUnsigned() {
    return new LogVerifier(nodeKey, knownHeads, true);
  }

  /** Verifies {@code export}; never throws for bad content, only reports it. */
  public VerificationReport verify(LogExport export) {
    Run run = new Run();
    VerificationReport problem = run.start(export.treeHeads());
    for (int i = 0; problem == null && i < export.entries().size(); i++) {
      problem = run.accept(i, export.entries().get(i), export.leafHashes().get(i));
    }
    return problem != null ? problem : run.finish();
  }

  /**
   * Verifies an export in its JSON form while reading it, holding only the rebuilt tree in memory.
   * An entry that cannot be taken as it stands (a missing or repeated index, bytes that are not
   * base64) is a failure at that entry.
   *
   * @throws IllegalArgumentException when the JSON itself is malformed (see {@link
   *     LogExport#stream})
   */
  public VerificationReport verify(InputStream exportJson) throws IOException {
    Run run = new Run();
    VerificationReport[] problem = new VerificationReport[1];
    try {
      LogExport.stream(
          exportJson,
          new LogExport.Visitor() {
            @Override
            public boolean treeHeads(List<String> jws) {
              problem[0] = run.start(jws);
              return problem[0] == null;
            }

            @Override
            public boolean entry(long index, byte[] entry, byte[] leafHash) {
              problem[0] = run.accept(index, entry, leafHash);
              return problem[0] == null;
            }
          });
    } catch (ExportEntryException e) {
      return run.fail(e.problem(), e.position(), e.getMessage());
    }
    return problem[0] != null ? problem[0] : run.finish();
  }

  /** One pass over one export: heads first, then entries in order, then {@link #finish}. */
  private final class Run {
    private final List<SignedTreeHead> heads = new ArrayList<>();
    private final MerkleLog rebuilt = new MerkleLog(new InMemoryLogStore());
    private int next;
    private int nextKnown;
    private long lastGoodSize;
    private SignedTreeHead previous;

    VerificationReport start(List<String> jws) {
      for (int h = 0; h < jws.size(); h++) {
        try {
          heads.add(SignedTreeHead.verify(jws.get(h), nodeKey));
        } catch (TreeHeadException e) {
          return fail(
              Problem.BAD_TREE_HEAD_SIGNATURE, -1, "tree head " + h + ": " + e.getMessage());
        }
        if (h > 0 && heads.get(h).treeSize() < heads.get(h - 1).treeSize()) {
          return fail(
              Problem.TREE_HEADS_OUT_OF_ORDER,
              -1,
              "tree head "
                  + h
                  + " has tree_size "
                  + heads.get(h).treeSize()
                  + ", smaller than the "
                  + heads.get(h - 1).treeSize()
                  + " of the head before it: the log was rolled back");
        }
      }
      return checkHeads();
    }

    VerificationReport accept(long i, byte[] entry, byte[] storedLeafHash) {
      String malformed = canonicalProblem(entry);
      if (malformed != null) {
        return fail(Problem.MALFORMED_ENTRY, i, "entry " + i + " is malformed: " + malformed);
      }
      if (storedLeafHash != null
          && !MessageDigest.isEqual(storedLeafHash, MerkleHashes.leafHash(entry))) {
        return fail(
            Problem.LEAF_HASH_MISMATCH,
            i,
            "entry "
                + i
                + " does not hash to the leaf hash stored for it: the entry or its hash was changed");
      }
      rebuilt.append(entry);
      return checkHeads();
    }

    VerificationReport finish() {
      long size = rebuilt.size();
      if (nextKnown < knownHeads.size()) {
        KnownHead k = knownHeads.get(knownHeads.size() - 1);
        return fail(
            Problem.ROLLED_BACK,
            size,
            k.describe()
                + " covers "
                + k.head().treeSize()
                + " entries but the log served holds only "
                + size
                + ": it was rolled back or cut short");
      }
      if (next < heads.size()) {
        return fail(
            Problem.MISSING_ENTRIES,
            size,
            "tree head "
                + next
                + " covers "
                + heads.get(next).treeSize()
                + " entries but the dump holds only "
                + size);
      }
      SignedTreeHead newest = newestHead();
      if (newest == null || (size > 0 && newest.treeSize() == 0)) {
        if (!allowUnsigned) {
          return fail(
              Problem.NO_SIGNED_TREE_HEAD,
              -1,
              "no signed tree head covers the "
                  + size
                  + " entries: nothing shows the node wrote them");
        }
        return report(
            null,
            -1,
            "structural check only: "
                + size
                + " entries are well-formed and match their"
                + " stored leaf hashes, but no signed tree head covers them",
            size);
      }
      long unsigned = size - newest.treeSize();
      return report(
          null,
          -1,
          "verified "
              + size
              + " entries against "
              + heads.size()
              + " signed tree heads"
              + (knownHeads.isEmpty() ? "" : " and " + knownHeads.size() + " known heads")
              + (unsigned > 0
                  ? "; the last " + unsigned + " entries are not yet covered by a signed tree head"
                  : ""),
          unsigned);
    }

    /** Checks every head whose size the rebuilt tree has just reached. */
    private VerificationReport checkHeads() {
      long size = rebuilt.size();
      while (next < heads.size() && heads.get(next).treeSize() == size) {
        SignedTreeHead head = heads.get(next);
        if (!MessageDigest.isEqual(rebuilt.rootHash(), head.rootHash())) {
          return fail(
              Problem.ROOT_MISMATCH,
              lastGoodSize,
              "the entries before index "
                  + size
                  + " do not hash to the root signed in tree head "
                  + next
                  + " (tree_size "
                  + size
                  + "); they matched up to tree_size "
                  + lastGoodSize);
        }
        if (previous != null
            && !rebuilt
                .consistencyProof(previous.treeSize(), size)
                .verify(previous.rootHash(), head.rootHash())) {
          return fail(
              Problem.INCONSISTENT_TREE_HEADS,
              previous.treeSize(),
              "tree heads " + (next - 1) + " and " + next + " are not consistent");
        }
        previous = head;
        lastGoodSize = size;
        next++;
      }
      while (nextKnown < knownHeads.size() && knownHeads.get(nextKnown).head().treeSize() == size) {
        KnownHead k = knownHeads.get(nextKnown);
        if (!MessageDigest.isEqual(rebuilt.rootHash(), k.head().rootHash())) {
          return fail(
              Problem.KNOWN_HEAD_MISMATCH,
              lastGoodSize,
              "the first "
                  + size
                  + " entries of the log served do not hash to the root of "
                  + k.describe()
                  + ": the log was rewritten after that head was signed; it matched up to tree_size "
                  + lastGoodSize);
        }
        lastGoodSize = size;
        nextKnown++;
      }
      return null;
    }

    private SignedTreeHead newestHead() {
      SignedTreeHead newest = heads.isEmpty() ? null : heads.get(heads.size() - 1);
      if (!knownHeads.isEmpty()) {
        SignedTreeHead known = knownHeads.get(knownHeads.size() - 1).head();
        newest = newest == null || known.treeSize() > newest.treeSize() ? known : newest;
      }
      return newest;
    }

    private VerificationReport report(Problem problem, long index, String message, long unsigned) {
      return new VerificationReport(
          problem,
          index,
          message,
          rebuilt.size(),
          next,
          unsigned,
          nextKnown,
          problem == null ? newestHead() : null);
    }

    VerificationReport fail(Problem problem, long index, String message) {
      return report(problem, index, message, 0);
    }
  }

  /**
   * Null when {@code entry} is exactly the canonical encoding of an entry, else the reason it is
   * not.
   */
  private static String canonicalProblem(byte[] entry) {
    try {
      return Arrays.equals(EntryCodec.encode(EntryCodec.decode(entry)), entry)
          ? null
          : "not in canonical form";
    } catch (MalformedEntryException e) {
      return e.getMessage();
    }
  }
}
