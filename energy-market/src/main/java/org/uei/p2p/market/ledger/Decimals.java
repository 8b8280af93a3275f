package org.uei.p2p.market.ledger;

import java.math.BigDecimal;

/** Decimal helpers: stored values come back with the column's scale, so values compare by value. */
final class Decimals {
  private Decimals() {}

  static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** {@code d} without trailing zeros and never in exponent form (10, not 1E+1). */
  static BigDecimal plain(BigDecimal d) {
    if (d == null) {
      return null;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
