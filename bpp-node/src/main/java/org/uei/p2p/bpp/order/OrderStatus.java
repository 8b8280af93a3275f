package org.uei.p2p.bpp.order;

/** Lifecycle of a confirmed order on the seller platform. */
public enum OrderStatus {
  /** Contract active: energy reserved from the offer. */
  ACTIVE,
  /** Cancelled before gate closure; the energy went back to the offer. */
  CANCELLED,
  /** Delivered and settled. */
  COMPLETED
}
