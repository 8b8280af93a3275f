package org.uei.p2p.market.ledger;

/** What a DISCOM's fulfilment validation metric measures. */
public enum MetricType {
  ACTUAL_PUSHED,
  ACTUAL_PULLED,
  SETPOINT_FOLLOWING_ERROR,
  ACTUAL_RAISE_CAPACITY,
  ACTUAL_LOWER_CAPACITY,
  FREQUENCY_RESPONSE_ERROR,
  ACTUAL_DEMAND_REDUCTION,
  AVAILABILITY;

  /** Metered energy, which can never be negative. */
  public boolean actualEnergy() {
    return this == ACTUAL_PUSHED || this == ACTUAL_PULLED;
  }
}
