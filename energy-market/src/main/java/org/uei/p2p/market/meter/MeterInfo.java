package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a DISCOM knows about a connection taking part in P2P trading.
 *
 * @param meterId meter id as it appears in trades and MDMS files
 * @param discomId DISCOM the meter is connected to
 * @param accountId consumer account the DISCOM bills
 * @param stateCode state the connection is in (e.g. {@code DL}, {@code UP}); decides inter-state
 *     charges
 * @param installedCapacityKw rooftop generation capacity, zero for a pure consumer
 * @param sanctionedLoadKw sanctioned load of the connection
 */
public record MeterInfo(
    String meterId,
    String discomId,
    String accountId,
    String stateCode,
    BigDecimal installedCapacityKw,
    BigDecimal sanctionedLoadKw) {

  /** Validates that ids are present and capacities are not negative. */
  public MeterInfo {
    for (String[] f :
        new String[][] {
          {meterId, "meter id"},
          {discomId, "DISCOM id"},
          {accountId, "account id"},
          {stateCode, "state code"}
        }) {
      if (f[0] == null || f[0].isBlank()) {
        throw new IllegalArgumentException(f[1] + " is required");
      }
    }
    Objects.requireNonNull(installedCapacityKw, "installed capacity is required");
    Objects.requireNonNull(sanctionedLoadKw, "sanctioned load is required");
    if (installedCapacityKw.signum() < 0 || sanctionedLoadKw.signum() < 0) {
      throw new IllegalArgumentException("meter " + meterId + ": capacities must not be negative");
    }
  }
}
