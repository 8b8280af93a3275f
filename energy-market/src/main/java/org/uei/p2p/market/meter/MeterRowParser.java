package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.uei.p2p.market.meter.Rejection.Reason;
import org.uei.p2p.model.json.NumberBounds;
import org.uei.p2p.model.trade.MeterReading;

/**
 * Turns the five text fields of a meter row into a {@link MeterReading}, or says why it cannot.
 * Shared by the CSV and JSON ingestion so both judge rows the same way. Not thread-safe: it keeps a
 * small cache of parsed timestamps, because an MDMS batch repeats the same block starts for every
 * meter and parsing them dominates otherwise, and it asks the directory about each meter id once
 * (one parser serves one import, so an import sees one answer per meter).
 */
final class MeterRowParser {
  private static final int CACHE_LIMIT = 4096;

  private final MeterDirectory meters;
  private final ZoneId zone;
  private final Map<String, Stamp> timestamps = new HashMap<>();
  private final Map<String, Boolean> known = new HashMap<>();

  /** A parsed block start and its second of day in the zone, for the alignment check. */
  record Stamp(Instant instant, int secondOfDay) {}

  MeterRowParser(MeterDirectory meters, ZoneId zone) {
    this.meters = meters;
    this.zone = zone;
  }

  /** A parsed reading or a rejection reason with its message; exactly one is set. */
  record Parsed(MeterReading reading, Reason reason, String message) {
    static Parsed fail(Reason reason, String message) {
      return new Parsed(null, reason, message);
    }
  }

  Parsed parse(
      String meterId, String blockStart, String blockMinutes, String importKwh, String exportKwh) {
    if (meterId.isEmpty()) {
      return Parsed.fail(Reason.MALFORMED_ROW, "meter_id is empty");
    }
    if (!isKnown(meterId)) {
      return Parsed.fail(Reason.UNKNOWN_METER, "meter " + cut(meterId) + " is not known");
    }
    Stamp stamp = timestamp(blockStart);
    if (stamp == null) {
      return Parsed.fail(
          Reason.BAD_TIMESTAMP,
          "block_start '"
              + cut(blockStart)
              + "' is not an ISO-8601 date-time with offset, e.g. 2026-02-10T06:00:00+05:30");
    }
    int minutes;
    try {
      minutes = Integer.parseInt(blockMinutes);
    } catch (NumberFormatException e) {
      minutes = -1;
    }
    if (minutes != 15 && minutes != 30 && minutes != 60) {
      return Parsed.fail(
          Reason.BAD_BLOCK_LENGTH,
          "block_minutes '" + cut(blockMinutes) + "' must be 15, 30 or 60");
    }
    if (stamp.secondOfDay() % (minutes * 60) != 0) {
      return Parsed.fail(
          Reason.BLOCK_NOT_ALIGNED,
          "block_start "
              + cut(blockStart)
              + " is not on a "
              + minutes
              + "-minute boundary in "
              + zone);
    }
    BigDecimal in = number(importKwh);
    BigDecimal out = number(exportKwh);
    if (in == null || out == null) {
      return Parsed.fail(
          Reason.NOT_A_NUMBER,
          (in == null ? "import_kwh '" + cut(importKwh) : "export_kwh '" + cut(exportKwh))
              + "' is not a number of at most 18 digits before and 18 after the decimal point");
    }
    if (in.signum() < 0 || out.signum() < 0) {
      return Parsed.fail(
          Reason.NEGATIVE_VALUE,
          (in.signum() < 0 ? "import_kwh " + cut(importKwh) : "export_kwh " + cut(exportKwh))
              + " is negative");
    }
    return new Parsed(new MeterReading(meterId, stamp.instant(), minutes, in, out), null, null);
  }

  /** A value as a rejection quotes it: never more than 40 characters of whatever a file held. */
  static String cut(String text) {
    return text == null || text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** Whether the directory knows {@code meterId}; asked once per id. */
  boolean isKnown(String meterId) {
    Boolean answer = known.get(meterId);
    if (answer == null) {
      answer = meters.find(meterId).isPresent();
      known.put(meterId, answer);
    }
    return answer;
  }

  /** {@code text} as a block start, or null when it is not an ISO-8601 date-time with offset. */
  Stamp timestamp(String text) {
    Stamp cached = timestamps.get(text);
    if (cached != null) {
      return cached;
    }
    Stamp parsed;
    try {
      Instant instant = OffsetDateTime.parse(text).toInstant();
      // a fractional second can never be aligned: report it as one second past the boundary
      int second = instant.getNano() != 0 ? 1 : instant.atZone(zone).toLocalTime().toSecondOfDay();
      parsed = new Stamp(instant, second);
    } catch (DateTimeParseException e) {
      return null;
    }
    if (timestamps.size() >= CACHE_LIMIT) {
      timestamps.clear();
    }
    timestamps.put(text, parsed);
    return parsed;
  }

  private static BigDecimal number(String text) {
    // Bounded before BigDecimal reads it: 1E+999999999 is a number, but not one anyone can format.
    if (text.isEmpty() || !NumberBounds.within(text)) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
