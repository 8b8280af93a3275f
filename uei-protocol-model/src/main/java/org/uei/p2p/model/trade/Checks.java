package org.uei.p2p.model.trade;

import java.math.BigDecimal;

/**
 * Argument checks shared by the trade records, so every record words its errors the same way.
 * Messages are built only on failure: records are created by the million in a settlement run.
 */
final class Checks {
  private Checks() {}

  static String id(String value, String name) {
    required(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static BigDecimal nonNegative(BigDecimal value, String name) {
    required(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
    }
    return value;
  }

  static BigDecimal positive(BigDecimal value, String name) {
    required(value, name);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(
          name + " must be greater than zero: " + value.toPlainString());
    }
    return value;
  }

  static <T> T required(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " is required");
    }
    return value;
  }
}
