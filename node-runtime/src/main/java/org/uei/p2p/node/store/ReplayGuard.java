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

  /** True when a live entry for {@code key} exists at {@code at}; only reads. */
  boolean seen(Key key, Instant at);

  /**
   * Records {@code key} until {@code expiresAt}, replacing an expired entry, in the caller's
   * transaction; false when a live entry exists. Copies in concurrent transactions collide on the
   * key when they commit.
   */
  boolean claim(Key key, Instant at, Instant expiresAt);
}
