package org.uei.p2p.market.exact;

import java.math.BigDecimal;

/**
 * Small decimals as an unscaled {@code long} and a scale, read without allocating, for arithmetic
 * on {@code long}s that gives exactly what {@code BigDecimal} gives. A value that does not fit is
 * {@link #NOT_EXACT}, and the caller goes through {@code BigDecimal} instead.
 */
public final class ExactDecimals {

  /** Digits and scale up to which {@link #unscaled} reads a decimal. */
  public static final int EXACT_DIGITS = 15;

  /** What {@link #unscaled} and {@link #scaledTo} give for a value they cannot give exactly. */
  public static final long NOT_EXACT = Long.MIN_VALUE;

  /** The largest {@code k} for which {@link #pow10} is exact as a {@code long}. */
  public static final int MAX_POWER = 18;

  private static final long[] TEN = new long[MAX_POWER + 1];

  private static final double[] TEN_D = new double[EXACT_DIGITS + 1];

  static {
    TEN[0] = 1;
    for (int i = 1; i < TEN.length; i++) {
      TEN[i] = TEN[i - 1] * 10;
    }
    for (int i = 0; i < TEN_D.length; i++) {
      TEN_D[i] = TEN[i];
    }
  }

  /** 10<sup>k</sup>, for {@code k} from 0 to {@link #MAX_POWER}. */
  public static long pow10(int k) {
    return TEN[k];
  }

  /**
   * The unscaled value of {@code v}, or {@link #NOT_EXACT} unless {@code v} has at most {@link
   * #EXACT_DIGITS} digits and a scale from 0 to {@link #EXACT_DIGITS}. Read back from {@link
   * BigDecimal#doubleValue()}, which does not allocate for such a value (as {@link
   * BigDecimal#unscaledValue()} would) and is the double nearest to it: the unscaled value is under
   * 2<sup>50</sup>, so that double times the power of ten (exact) is within a quarter of it, and
   * rounds back to it exactly.
   */
  public static long unscaled(BigDecimal v) {
    int scale = v.scale();
    if (scale < 0 || scale > EXACT_DIGITS || v.precision() > EXACT_DIGITS) {
      return NOT_EXACT;
    }
    return Math.round(v.doubleValue() * TEN_D[scale]);
  }

  /**
   * {@code v × 10^k} for {@code v ≥ 0} and {@code k ≥ 0}, or {@link #NOT_EXACT} when that exceeds a
   * {@code long} or {@code v < 0}.
   */
  public static long scaledTo(long v, int k) {
    if (v < 0) {
      return NOT_EXACT;
    }
    if (v == 0 || k == 0) {
      return v;
    }
    if (k > MAX_POWER || v > Long.MAX_VALUE / TEN[k]) {
      return NOT_EXACT;
    }
    return v * TEN[k];
  }

  private ExactDecimals() {}
}
