package org.uei.p2p.model.json;

/**
 * The bounds every JSON number on the wire must keep: at most {@value #MAX_INTEGER_DIGITS} digits
 * before the decimal point and at most {@value #MAX_FRACTION_DIGITS} after it, once the exponent is
 * applied. Energy in kWh, money in rupees, coordinates and counts all fit with room to spare; what
 * does not fit ({@code 1E+999999999}, {@code 1e-999999999}) would cost unbounded memory or time the
 * first time anyone formats or divides it, so it is refused where it is read.
 *
 * <p>The check works on the literal as written and never builds its value, so it costs nothing like
 * what it protects against.
 */
public final class NumberBounds {

  /** Largest number of digits before the decimal point. */
  public static final int MAX_INTEGER_DIGITS = 18;

  /** Largest number of digits after the decimal point. */
  public static final int MAX_FRACTION_DIGITS = 18;

  /** How a refusal describes the rule, in the sender's terms. */
  public static final String RULE =
      "a number may have at most "
          + MAX_INTEGER_DIGITS
          + " digits before the decimal point and "
          + MAX_FRACTION_DIGITS
          + " after it (exponent applied)";

  private NumberBounds() {}

  /** True when the JSON number literal {@code text} keeps the bounds. */
  public static boolean within(CharSequence text) {
    return within(text.toString().toCharArray(), 0, text.length());
  }

  /**
   * True when the JSON number literal in {@code chars[offset, offset + length)} keeps the bounds. A
   * literal that is not a JSON number (the parser already refuses those) is out of bounds.
   */
  public static boolean within(char[] chars, int offset, int length) {
    int i = offset;
    int end = offset + length;
    if (i < end && (chars[i] == '-' || chars[i] == '+')) {
      i++;
    }
    int significant = 0;
    int fraction = 0;
    boolean leading = true;
    boolean inFraction = false;
    for (; i < end; i++) {
      char c = chars[i];
      if (c == '.') {
        if (inFraction) {
          return false;
        }
        inFraction = true;
      } else if (c >= '0' && c <= '9') {
        if (inFraction) {
          fraction++;
        }
        if (c != '0' || !leading) {
          leading = false;
          significant++;
        }
      } else if (c == 'e' || c == 'E') {
        break;
      } else {
        return false;
      }
    }
    long exponent = 0;
    if (i < end) {
      i++;
      boolean negative = false;
      if (i < end && (chars[i] == '-' || chars[i] == '+')) {
        negative = chars[i] == '-';
        i++;
      }
      if (i == end) {
        return false;
      }
      for (; i < end; i++) {
        char c = chars[i];
        if (c < '0' || c > '9') {
          return false;
        }
        exponent = exponent * 10 + (c - '0');
        if (exponent > 1_000) {
          return false;
        }
      }
      exponent = negative ? -exponent : exponent;
    }
    // The value is (significant digits) × 10^-scale; its plain form has max(scale, 0) fraction
    // digits and (significant - scale) integer digits.
    long scale = fraction - exponent;
    if (scale > MAX_FRACTION_DIGITS || scale < -MAX_INTEGER_DIGITS) {
      return false;
    }
    return significant == 0 || significant - scale <= MAX_INTEGER_DIGITS;
  }

  /** True when {@code value} keeps the bounds: for numbers built in code rather than read. */
  public static boolean within(java.math.BigDecimal value) {
    int scale = value.scale();
    if (scale > MAX_FRACTION_DIGITS || scale < -MAX_INTEGER_DIGITS) {
      return false;
    }
    return value.signum() == 0 || value.precision() - scale <= MAX_INTEGER_DIGITS;
  }

  /** The start of a literal for an error message: never the whole of an absurd one. */
  public static String excerpt(CharSequence text) {
    return text.length() <= 24 ? text.toString() : text.subSequence(0, 24) + "…";
  }
}
