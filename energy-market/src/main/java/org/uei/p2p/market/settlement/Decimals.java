package org.uei.p2p.market.settlement;

import java.math.BigDecimal;

/**
 * Reading a small decimal's unscaled value without allocating, for arithmetic done on {@code long}s
 * that gives exactly what {@code BigDecimal} gives.
 */
final class Decimals {
  /** Digits and scale up to which a quantity or a rate is multiplied as a {@code long}. */
  static final int EXACT_DIGITS = 15;

  /** {@link #unscaled} of a value it cannot read exactly. */
  static final long NOT_EXACT = Long.MIN_VALUE;

  /** Powers of ten up to 10<sup>18</sup>, all exact as {@code long}s. */
  static final long[] TEN = new long[19];

  /** Powers of ten up to 10<sup>{@value #EXACT_DIGITS}</sup>, all exact as {@code double}s. */
  static final double[] TEN_D = new double[EXACT_DIGITS + 1];

  static {
    TEN[0] = 1;
    for (int i = 1; i < TEN.length; i++) {
      TEN[i] = TEN[i - 1] * 10;
    }
    for (int i = 0; i < TEN_D.length; i++) {
      TEN_D[i] = TEN[i];
    }
  }

  /**
   * The unscaled value of {@code v}, or {@link #NOT_EXACT} unless {@code v} has at most {@link
   * #EXACT_DIGITS} digits and a scale from 0 to {@link #EXACT_DIGITS}. Read back from {@link
   * BigDecimal#doubleValue()}, which does not allocate for such a value (as {@link
   * BigDecimal#unscaledValue()} would) and is the double nearest to it: the unscaled value is under
   * 2<sup>50</sup>, so that double times the power of ten (exact) is within a quarter of it, and
   * rounds back to it exactly.
   */
  static long unscaled(BigDecimal v) {
    int scale = v.scale();
    if (scale < 0 || scale > EXACT_DIGITS || v.precision() > EXACT_DIGITS) {
      return NOT_EXACT;
    }
    return Math.round(v.doubleValue() * TEN_D[scale]);
  }

  /**
   * The product of two unscaled values ({@link #unscaled}) with their scales, rounded half up to
   * paise, as {@code MoneyRounding.toPaisa} rounds the {@code BigDecimal} product; {@link
   * #NOT_EXACT} when either was not read exactly or the product does not fit in a {@code long}.
   */
  static long paiseOfProduct(long k, int kScale, long r, int rScale) {
    if (k == NOT_EXACT || r == NOT_EXACT) {
      return NOT_EXACT;
    }
    long product = k * r;
    if (Math.multiplyHigh(k, r) != (product >> 63) || product == Long.MIN_VALUE) {
      return NOT_EXACT;
    }
    int drop = kScale + rScale - MoneyRounding.SCALE;
    if (drop <= 0) {
      long up = TEN[-drop];
      return Math.abs(product) <= Long.MAX_VALUE / up ? product * up : NOT_EXACT;
    }
    if (drop >= TEN.length) {
      return NOT_EXACT;
    }
    long unit = TEN[drop];
    long paise = product / unit;
    long rest = Math.abs(product % unit);
    // half up: a discarded half or more rounds away from zero
    return rest >= unit - rest ? paise + Long.signum(product) : paise;
  }

  private Decimals() {}
}
