package org.uei.p2p.model.trade;

/**
 * A metered connection taking part in a trade: the meter (or consumer account) id the DISCOM knows
 * it by, and the DISCOM that operates the grid it is connected to.
 *
 * @param meterId meter or consumer-account id as assigned by the DISCOM
 * @param discomId DISCOM short code, e.g. {@code TPDDL}, {@code BRPL}, {@code PVVNL}
 */
public record MeterPoint(String meterId, String discomId) {

  /** Validates that both ids are present. */
  public MeterPoint {
    Checks.id(meterId, "meter id");
    Checks.id(discomId, "DISCOM id");
  }
}
