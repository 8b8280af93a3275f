package org.uei.p2p.audit.sth;

import java.time.Clock;
import java.util.Objects;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** Signs the current head of a {@link MerkleLog} with the node's key. Thread-safe. */
public final class TreeHeadSigner {

  private final Ed25519KeyPair key;
  private final String kid;
  private final Clock clock;

  /**
   * @param key the node's Ed25519 signing key
   * @param kid the key id for JWS headers (e.g. {@code subscriber|unique_key_id|ed25519}), or null
   * @param clock where the tree head timestamps come from
   */
  public TreeHeadSigner(Ed25519KeyPair key, String kid, Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.kid = kid;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Makes the log's appends so far durable, then signs its current size and root: a signed head
   * must never cover entries a crash could still lose.
   */
  public SignedTreeHead sign(MerkleLog log) {
    MerkleLog.TreeState state = log.state();
    log.store().sync();
    return SignedTreeHead.sign(
        new TreeHead(state.size(), state.rootHash(), clock.instant()), key, kid);
  }
}
