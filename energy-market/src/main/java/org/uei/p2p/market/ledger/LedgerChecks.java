package org.uei.p2p.market.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * Input checks shared by the ledger operations, worded for the sender: each names the field by its
 * JSON path. Bounds keep every value storable as is (ids fit their columns, quantities their
 * NUMERIC(15,6)), so a write is refused whole rather than stored half-way.
 */
final class LedgerChecks {
  /** Longest id or reference the ledger keeps. */
  static final int MAX_ID = 255;

  /** Most trade lines or metrics in one record. */
  static final int MAX_LINES = 32;

  static final int MAX_INTEGER_DIGITS = 9;
  static final int MAX_FRACTION_DIGITS = 6;
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private LedgerChecks() {}

  static String id(String value, String field) {
    if (value == null) {
      throw LedgerException.missing(field);
    }
    return optionalId(value, field);
  }

  static String optionalId(String value, String field) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw LedgerException.invalid(field, field + " must not be blank");
    }
    if (value.length() > MAX_ID) {
      throw LedgerException.invalid(field, field + " has at most " + MAX_ID + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw LedgerException.invalid(field, field + " must not contain control characters");
      }
    }
    return value;
  }

  static Instant instant(Instant value, String field) {
    if (value == null) {
      throw LedgerException.missing(field);
    }
    return optionalInstant(value, field);
  }

  /**
   * Whole milliseconds between 2000 and 2200: what every store keeps exactly, so a retry compares
   * equal.
   */
  static Instant optionalInstant(Instant value, String field) {
    if (value == null) {
      return null;
    }
    if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
      throw LedgerException.invalid(field, field + " must lie between 2000 and 2200, not " + value);
    }
    if (value.getNano() % 1_000_000 != 0) {
      throw LedgerException.invalid(
          field, field + " has at most millisecond precision, not " + value);
    }
    return value;
  }

  /** A quantity or value: at most 9 digits before and 6 after the decimal point. */
  static BigDecimal number(BigDecimal value, String field, boolean mayBeNegative) {
    if (value == null) {
      throw LedgerException.missing(field);
    }
    BigDecimal d = Decimals.plain(value);
    if (d.scale() > MAX_FRACTION_DIGITS || d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
      throw LedgerException.invalid(
          field,
          field
              + " must have at most "
              + MAX_INTEGER_DIGITS
              + " digits before and "
              + MAX_FRACTION_DIGITS
              + " after the decimal point, not "
              + d.toPlainString());
    }
    if (!mayBeNegative && d.signum() < 0) {
      throw LedgerException.invalid(
          field, field + " must not be negative, not " + d.toPlainString());
    }
    return d;
  }

  static List<TradeDetail> tradeDetails(List<TradeDetail> lines, String field) {
    if (lines == null) {
      return null;
    }
    lines(lines, field);
    for (int i = 0; i < lines.size(); i++) {
      TradeDetail d = lines.get(i);
      String at = field + "[" + i + "]";
      if (d == null) {
        throw LedgerException.invalid(at, at + " must be an object");
      }
      if (number(d.tradeQty(), at + ".tradeQty", false).signum() == 0) {
        throw LedgerException.invalid(at + ".tradeQty", at + ".tradeQty must be greater than zero");
      }
      if (d.pricePerUnit() != null) {
        number(d.pricePerUnit(), at + ".pricePerUnit", false);
      }
      if (d.priceCurrency() != null) {
        currency(d.priceCurrency(), at + ".priceCurrency");
      }
    }
    return lines;
  }

  static List<ValidationMetric> metrics(List<ValidationMetric> metrics, String field) {
    if (metrics == null) {
      return null;
    }
    lines(metrics, field);
    for (int i = 0; i < metrics.size(); i++) {
      ValidationMetric m = metrics.get(i);
      String at = field + "[" + i + "]";
      if (m == null) {
        throw LedgerException.invalid(at, at + " must be an object");
      }
      number(
          m.validationMetricValue(),
          at + ".validationMetricValue",
          !m.validationMetricType().actualEnergy());
      for (int j = 0; j < i; j++) {
        if (metrics.get(j).validationMetricType() == m.validationMetricType()) {
          throw LedgerException.invalid(
              at + ".validationMetricType",
              at + ".validationMetricType " + m.validationMetricType() + " is given twice");
        }
      }
    }
    return metrics;
  }

  private static void lines(List<?> lines, String field) {
    if (lines.isEmpty()) {
      throw LedgerException.invalid(field, field + " must have at least one entry");
    }
    if (lines.size() > MAX_LINES) {
      throw LedgerException.invalid(field, field + " has at most " + MAX_LINES + " entries");
    }
  }

  private static void currency(String code, String field) {
    boolean known = code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    if (known) {
      try {
        Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        known = false;
      }
    }
    if (!known) {
      throw LedgerException.invalid(
          field, field + " must be an ISO 4217 currency code such as INR, not '" + code + "'");
    }
  }

  static void window(Instant start, Instant end, String endField) {
    if (start != null && end != null && !end.isAfter(start)) {
      throw LedgerException.invalid(
          endField, endField + " " + end + " must be after the delivery start " + start);
    }
  }
}
