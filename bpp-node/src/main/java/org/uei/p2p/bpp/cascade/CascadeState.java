package org.uei.p2p.bpp.cascade;

/** Where a cascaded buyer request stands. */
public enum CascadeState {
  /** Waiting for utilities. */
  PENDING,
  /** The buyer has been answered. */
  ANSWERED,
  /** Answered with a refusal (a confirm's reservation was released). */
  REFUSED
}
