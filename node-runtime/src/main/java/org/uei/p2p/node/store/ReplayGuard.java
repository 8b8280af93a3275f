package org.uei.p2p.node.store;

import java.time.Instant;

/**
 * Remembers which message ids each sender has used, so that a copy is refused. The guard's
 * authority is the database: {@link #claim} runs in the transaction that stores the message and
 * holds across concurrent requests and node instances.
 */
public interface ReplayGuard {

  /** A message is a replay when sender, message id and action all repeat. */
  record Key(String senderId, String messageId, String action) {}

  /** What a look-up found for a key at some moment. */
  enum Entry {
    /** No entry: the key was never claimed, or its entry was purged. */
    NONE,
    /** An entry whose time has passed; a claim renews it. */
    EXPIRED,
    /** An entry still in force: the message is a copy. */
    LIVE
  }

  /** What is stored for {@code key}, as of {@code at}; only reads. */
  Entry lookUp(Key key, Instant at);

  /** True when a live entry for {@code key} exists at {@code at}; only reads. */
  default boolean seen(Key key, Instant at) {
    return lookUp(key, at) == Entry.LIVE;
  }

  /**
   * Records {@code key} until {@code expiresAt}, replacing an expired entry, in the caller's
   * transaction; false when a live entry exists. Copies in concurrent transactions collide on the
   * key when they commit.
   */
  boolean claim(Key key, Instant at, Instant expiresAt);

  /**
   * {@link #claim(Key, Instant, Instant)} for a key that an earlier {@link #lookUp} found {@code
   * lookedUp}. When it found no entry the claim writes without reading again: a copy that claimed
   * the key since then collides with this one on the key at the latest when this transaction
   * writes, as concurrent copies do, and the caller treats that collision as a replay.
   */
  default boolean claim(Key key, Instant at, Instant expiresAt, Entry lookedUp) {
    return claim(key, at, expiresAt);
  }
}
