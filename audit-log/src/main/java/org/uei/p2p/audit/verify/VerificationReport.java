package org.uei.p2p.audit.verify;

import org.uei.p2p.audit.sth.SignedTreeHead;

/**
 * Outcome of checking a log dump: either everything held, or the first problem found.
 *
 * @param problem null when the log verified, else what was wrong
 * @param firstBadIndex index of the first entry that is wrong or missing, or -1 when the problem is
 *     not tied to one entry (a tree head whose signature fails, heads out of order)
 * @param message one line saying what was checked or what failed
 * @param entriesChecked entries recomputed before stopping
 * @param treeHeadsChecked signed tree heads whose root was compared before stopping
 * @param unsignedEntries entries after the last signed tree head; only the dump's own leaf hashes
 *     vouch for them
 * @param knownHeadsChecked heads from outside the export (the node's current head, heads seen
 *     before, anchors held by counterparties) the log was found consistent with
 * @param newestHead the signed head of the largest tree the log was checked against, or null
 */
public record VerificationReport(
    Problem problem,
    long firstBadIndex,
    String message,
    long entriesChecked,
    int treeHeadsChecked,
    long unsignedEntries,
    int knownHeadsChecked,
    SignedTreeHead newestHead) {

  /** What can be wrong with a log. */
  public enum Problem {
    /** A tree head JWS is malformed or its signature fails with the node's key. */
    BAD_TREE_HEAD_SIGNATURE,
    /** A later tree head has a smaller size than an earlier one: the log was rolled back. */
    TREE_HEADS_OUT_OF_ORDER,
    /** The bytes of an entry are not a canonical entry encoding. */
    MALFORMED_ENTRY,
    /** An entry's recomputed leaf hash differs from the leaf hash the log stored for it. */
    LEAF_HASH_MISMATCH,
    /** The recomputed root at a tree head's size differs from the signed root. */
    ROOT_MISMATCH,
    /** A consistency proof between two consecutive tree heads failed. */
    INCONSISTENT_TREE_HEADS,
    /** A tree head covers more entries than the dump holds. */
    MISSING_ENTRIES,
    /** An entry's index is not the next one: an entry was deleted, repeated or moved. */
    ENTRY_OUT_OF_SEQUENCE,
    /** No signed tree head covers the entries: nothing shows the node wrote them. */
    NO_SIGNED_TREE_HEAD,
    /** A head known from outside the export covers more entries than the log served holds. */
    ROLLED_BACK,
    /**
     * The log served does not hash to the root of a head known from outside the export: it was
     * rewritten.
     */
    KNOWN_HEAD_MISMATCH,
    /** A node's own proof that its current head extends a known head fails, or is refused. */
    INCONSISTENT_WITH_KNOWN_HEAD
  }

  /** A failure not tied to one entry, found before or without reading the entries. */
  public static VerificationReport failure(Problem problem, String message) {
    return new VerificationReport(problem, -1, message, 0, 0, 0, 0, null);
  }

  /** True when no problem was found. */
  public boolean ok() {
    return problem == null;
  }
}
