package org.uei.p2p.market.policy.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The seller DISCOM's charges that shape the revenue flows, per kWh in the settlement currency.
 *
 * @param wheelingBuyerPerKwh charged to the buyer side per settled kWh, paid to the buyer DISCOM
 * @param wheelingSellerPerKwh charged to the seller side per settled kWh, paid to the seller DISCOM
 * @param penaltyPerKwh charged to the seller per kWh of shortfall (requested − final)
 * @param platformChargeCapPerKwh most a trading platform may retain per kWh (disclosed, not
 *     deducted)
 */
public record Charges(
    BigDecimal wheelingBuyerPerKwh,
    BigDecimal wheelingSellerPerKwh,
    BigDecimal penaltyPerKwh,
    BigDecimal platformChargeCapPerKwh) {

  /** The live IES values: no wheeling, no penalty, platform charge cap ₹0.42/kWh. */
  public static final Charges IES =
      new Charges(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.42"));

  /** Requires every rate, none negative. */
  public Charges {
    for (BigDecimal r :
        new BigDecimal[] {
          wheelingBuyerPerKwh, wheelingSellerPerKwh, penaltyPerKwh, platformChargeCapPerKwh
        }) {
      if (Objects.requireNonNull(r, "rate").signum() < 0) {
        throw new IllegalArgumentException("charges cannot be negative: " + r);
      }
    }
  }
}
