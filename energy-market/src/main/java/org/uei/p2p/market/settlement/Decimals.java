package org.uei.p2p.market.settlement;

import org.uei.p2p.market.exact.ExactDecimals;

/** Money products on {@code long}s that round exactly as the {@code BigDecimal} product does. */
final class Decimals {

  /**
   * The product of two unscaled values ({@link ExactDecimals#unscaled}) with their scales, rounded
   * half up to paise, as {@code MoneyRounding.toPaisa} rounds the {@code BigDecimal} product;
   * {@link ExactDecimals#NOT_EXACT} when either was not read exactly or the product does not fit in
   * a {@code long}.
   */
  static long paiseOfProduct(long k, int kScale, long r, int rScale) {
    if (k == ExactDecimals.NOT_EXACT || r == ExactDecimals.NOT_EXACT) {
      return ExactDecimals.NOT_EXACT;
    }
    long product = k * r;
    if (Math.multiplyHigh(k, r) != (product >> 63) || product == Long.MIN_VALUE) {
      return ExactDecimals.NOT_EXACT;
    }
    int drop = kScale + rScale - MoneyRounding.SCALE;
    if (drop <= 0) {
      long up = ExactDecimals.pow10(-drop);
      return Math.abs(product) <= Long.MAX_VALUE / up ? product * up : ExactDecimals.NOT_EXACT;
    }
    if (drop > ExactDecimals.MAX_POWER) {
      return ExactDecimals.NOT_EXACT;
    }
    long unit = ExactDecimals.pow10(drop);
    long paise = product / unit;
    long rest = Math.abs(product % unit);
    // half up: a discarded half or more rounds away from zero
    return rest >= unit - rest ? paise + Long.signum(product) : paise;
  }

  private Decimals() {}
}
