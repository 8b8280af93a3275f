package org.uei.p2p.audit.verify;

import java.util.Objects;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * A signed tree head obtained outside the export being checked: the head a node presents at {@code
 * /audit/sth}, one saved from an earlier check, or an anchor a counterparty received with a
 * message. The node cannot take back what it signed, so a log that does not extend every such head
 * was rolled back or rewritten.
 *
 * @param source where the head came from, as a reader should see it named in a failure
 * @param head the head, already checked with the node's key
 */
public record KnownHead(String source, SignedTreeHead head) {

  public KnownHead {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(head, "head");
  }

  /**
   * Checks {@code jws} with the node's key.
   *
   * @throws TreeHeadException naming {@code source} when the signature or the payload fails
   */
  public static KnownHead verify(String source, String jws, Ed25519PublicKey nodeKey)
      throws TreeHeadException {
    try {
      return new KnownHead(source, SignedTreeHead.verify(jws, nodeKey));
    } catch (TreeHeadException e) {
      throw new TreeHeadException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * The source with what it signs, e.g. {@code GET /audit/sth (tree_size 12, root ..., signed
   * 2026-...)}.
   */
  public String describe() {
    return source
        + " (tree_size "
        + head.treeSize()
        + ", root "
        + head.head().rootHashBase64()
        + ", signed "
        + head.head().timestamp()
        + ")";
  }
}
