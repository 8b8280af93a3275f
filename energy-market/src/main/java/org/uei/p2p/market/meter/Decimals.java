package org.uei.p2p.market.meter;

/**
 * Decimals as an unscaled {@code long} and a scale, for meter values that need no {@code
 * BigDecimal} on the way in: {@code 4.25} is {@code (425, 2)}, exactly what {@code new
 * BigDecimal("4.25")} holds.
 */
final class Decimals {
  /** Most digits a plain decimal may have to be read here: 10^18 - 1 fits a long. */
  static final int MAX_DIGITS = 18;

  private Decimals() {}

  /**
   * Reads {@code bytes[from, to)} when it is a plain non-negative decimal: ASCII digits with an
   * optional dot between digits, at most {@link #MAX_DIGITS} digits. Returns the unscaled value
   * with the scale in {@code scaleOut[0]}, or -1 for anything else (sign, exponent, empty, a lone
   * dot, other characters, too many digits), which the caller hands to {@code BigDecimal}.
   */
  static long parsePlain(byte[] bytes, int from, int to, int[] scaleOut) {
    long value = 0;
    int digits = 0;
    int dot = -1;
    for (int i = from; i < to; i++) {
      int d = bytes[i] - '0';
      if (d >= 0 && d <= 9) {
        value = value * 10 + d;
        digits++;
      } else if (bytes[i] == '.' && dot < 0 && i > from && i < to - 1) {
        dot = i;
      } else {
        return -1;
      }
    }
    if (digits == 0 || digits > MAX_DIGITS) {
      return -1;
    }
    scaleOut[0] = dot < 0 ? 0 : to - dot - 1;
    return value;
  }

  /** Whether {@code a × 10^-aScale} and {@code b × 10^-bScale} are the same number. */
  static boolean equal(long a, int aScale, long b, int bScale) {
    if (aScale == bScale) {
      return a == b;
    }
    return aScale < bScale
        ? scaledEquals(a, bScale - aScale, b)
        : scaledEquals(b, aScale - bScale, a);
  }

  /** Whether {@code small × 10^shift == big}; a product beyond a long cannot equal a long. */
  private static boolean scaledEquals(long small, int shift, long big) {
    long v = small;
    for (int i = 0; i < shift && v != 0; i++) {
      if (Math.abs(v) > Long.MAX_VALUE / 10) {
        return false;
      }
      v *= 10;
    }
    return v == big;
  }
}
