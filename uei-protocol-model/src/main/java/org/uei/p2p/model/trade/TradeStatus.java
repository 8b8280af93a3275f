package org.uei.p2p.model.trade;

/** Lifecycle of a trade from the buyer's request to completed delivery. */
public enum TradeStatus {
  /** Requested (init) but not yet confirmed. Counts against caps: the energy is being promised. */
  PENDING,
  /** Confirmed by both platforms. */
  CONFIRMED,
  /** Reduced by the DISCOM (outage, congestion); the curtailed quantity will not be delivered. */
  CURTAILED,
  /** Cancelled before delivery; no energy, no money. */
  CANCELLED,
  /** Delivery window over and allocation final. */
  COMPLETED;

  /** Whether the trade still claims energy in its slot (everything but {@link #CANCELLED}). */
  public boolean isOpen() {
    return this != CANCELLED;
  }
}
