package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import org.uei.p2p.market.exact.ExactDecimals;

/**
 * A running sum of amounts, exactly the {@code BigDecimal} sum from {@code BigDecimal.ZERO} (value
 * and scale) without a new {@code BigDecimal} per amount: amounts in paise (scale 2, as every
 * settlement line's) of up to {@link ExactDecimals#EXACT_DIGITS} digits are added as a {@code
 * long}; any other amount, and the paise when the {@code long} would overflow, as {@code
 * BigDecimal}. Addition is exact and the scale of a sum is the largest of its terms', so the order
 * does not matter. Not thread-safe.
 */
final class PaiseSum {
  private long paise;
  private boolean anyPaise;
  private BigDecimal rest = BigDecimal.ZERO;

  /** Adds {@code amount}. */
  void add(BigDecimal amount) {
    if (amount.scale() == MoneyRounding.SCALE) {
      long u = ExactDecimals.unscaled(amount);
      if (u != ExactDecimals.NOT_EXACT) {
        long sum = paise + u;
        // overflow only when both have one sign and the sum the other
        if (((paise ^ sum) & (u ^ sum)) < 0) {
          rest = rest.add(BigDecimal.valueOf(paise, MoneyRounding.SCALE));
          sum = u;
        }
        paise = sum;
        anyPaise = true;
        return;
      }
    }
    rest = rest.add(amount);
  }

  /** The sum so far: {@code BigDecimal.ZERO} plus every amount added. */
  BigDecimal total() {
    return anyPaise ? rest.add(BigDecimal.valueOf(paise, MoneyRounding.SCALE)) : rest;
  }
}
