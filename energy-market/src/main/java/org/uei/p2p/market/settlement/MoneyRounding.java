package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place money is rounded: to the paisa (2 decimals), half up. Half-up is what Indian
 * billing and tariff orders use, so a statement line matches what a DISCOM or a consumer computes
 * by hand. Each settlement line is rounded once, from its unrounded product; sums of lines are
 * exact.
 */
public final class MoneyRounding {
  /** Decimals of an INR amount. */
  public static final int SCALE = 2;

  private MoneyRounding() {}

  /** {@code amount} rounded to the paisa, half up. */
  public static BigDecimal toPaisa(BigDecimal amount) {
    return amount.setScale(SCALE, RoundingMode.HALF_UP);
  }
}
