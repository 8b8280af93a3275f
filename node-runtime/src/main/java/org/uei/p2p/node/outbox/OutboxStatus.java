package org.uei.p2p.node.outbox;

/** Where a queued callback stands. */
public enum OutboxStatus {
  /** Not yet delivered; will be tried (again). */
  PENDING,
  /** The receiver answered ACK. */
  DELIVERED,
  /** The receiver answered NACK; retrying would not change that. */
  REFUSED,
  /** Not delivered before its maximum age. */
  EXPIRED
}
