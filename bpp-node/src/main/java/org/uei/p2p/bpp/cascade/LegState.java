package org.uei.p2p.bpp.cascade;

/** Where one utility's part of a cascade stands. */
public enum LegState {
  /** Sent, no answer yet. */
  SENT,
  /** Answered without error. */
  OK,
  /** Answered with an error. */
  REFUSED,
  /** Could not be sent (no registry record, NACK, unreachable). */
  FAILED,
  /** Recorded by the utility, then cancelled there because the cascade was refused. */
  CANCELLED
}
