package org.uei.p2p.model.validation;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;

/** Collects problems while rules walk a message, with the format checks the rules share. */
final class Problems {

  static final String KWH = "kWh";
  static final String INR = "INR";

  private static final Pattern ISO_DURATION =
      Pattern.compile(
          "P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final List<BecknError> errors = new ArrayList<>();

  void add(String path, String message) {
    errors.add(BecknError.of(ErrorCode.INVALID_REQUEST, message, path));
  }

  List<BecknError> errors() {
    return errors;
  }

  /** Reports a missing value; returns true when present, so callers can go on checking it. */
  boolean required(String path, Object value) {
    boolean present =
        value != null
            && !(value instanceof String s && s.isBlank())
            && !(value instanceof Collection<?> c && c.isEmpty());
    if (!present) {
      add(path, value instanceof Collection<?> ? "must not be empty" : "is required");
    }
    return present;
  }

  void requiredEnum(String path, String value, Collection<String> allowed) {
    if (required(path, value)) {
      oneOf(path, value, allowed);
    }
  }

  void oneOf(String path, String value, Collection<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      add(path, "'" + value + "' is not one of " + new TreeSet<>(allowed));
    }
  }

  void equalTo(String path, String value, String expected) {
    if (value != null && !expected.equals(value)) {
      add(path, "must be '" + expected + "', not '" + value + "'");
    }
  }

  /**
   * An RFC 3339 date-time with offset; returns epoch milliseconds, or null when absent or
   * malformed.
   */
  Long dateTime(String path, String value) {
    if (value == null) {
      return null;
    }
    long ms = Rfc3339.epochMillis(value);
    if (ms == Long.MIN_VALUE) {
      add(path, "'" + value + "' is not an RFC 3339 date-time");
      return null;
    }
    return ms;
  }

  void duration(String path, String value) {
    if (value != null && !ISO_DURATION.matcher(value).matches()) {
      add(path, "'" + value + "' is not an ISO-8601 duration");
    }
  }

  void uuid(String path, String value) {
    if (value != null && !UUID.matcher(value).matches()) {
      add(path, "'" + value + "' is not a UUID");
    }
  }

  void httpUri(String path, String value) {
    if (value == null) {
      return;
    }
    try {
      URI u = new URI(value);
      if (u.getHost() != null
          && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
        return;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    add(path, "'" + value + "' is not an absolute http(s) URI");
  }

  /** An energy quantity: greater than 0 with at most 2 decimals. */
  void energy(String path, BigDecimal value) {
    if (value == null) {
      return;
    }
    if (value.signum() <= 0) {
      add(path, "must be greater than 0, not " + value.toPlainString());
    } else if (value.stripTrailingZeros().scale() > 2) {
      add(path, "must have at most 2 decimals, not " + value.toPlainString());
    }
  }

  void notNegative(String path, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      add(path, "must not be negative, not " + value.toPlainString());
    }
  }

  /** Start and end of a period, both RFC 3339, start before end. */
  void period(
      String path,
      String start,
      String end,
      String startName,
      String endName,
      boolean requireBoth) {
    Long s = null;
    Long e = null;
    if (!requireBoth || required(path + "." + startName, start)) {
      s = dateTime(path + "." + startName, start);
    }
    if (!requireBoth || required(path + "." + endName, end)) {
      e = dateTime(path + "." + endName, end);
    }
    if (s != null && e != null && s >= e) {
      add(path + "." + endName, "must be after " + startName + " (" + start + ")");
    }
  }
}
