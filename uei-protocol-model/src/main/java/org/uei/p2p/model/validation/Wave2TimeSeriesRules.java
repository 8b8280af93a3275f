package org.uei.p2p.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.TimeSeries.Interval;
import org.uei.p2p.model.wave2.TimeSeries.PayloadDescriptor;

/**
 * Consistency of a BecknTimeSeries: every payload's type is declared once in {@code
 * payloadDescriptors} and its values have the declared kind (text for STRING units, numbers
 * otherwise); energy is in KWH and money in INR; interval ids are unique slot numbers. For the P2P
 * contract table each slot is one hour starting on the hour inside 06:00–18:00 IST.
 */
final class Wave2TimeSeriesRules {

  /** What a series is, which decides the rules beyond plain consistency. */
  enum Kind {
    /** The seller's table at publish: declares the whole table, fills only its own columns. */
    OFFER_TABLE,
    /** A contract's table: every declared column appears in some interval. */
    CONTRACT_TABLE,
    /** Meter actuals between a ledger provider and its DISCOM: no slot rules. */
    READINGS
  }

  static final String KWH = "KWH";
  static final String STRING = "STRING";
  private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
  private static final int FIRST_HOUR = 6;
  private static final int LAST_HOUR_END = 18;
  private static final int MAX_SLOTS = 24 * 366;

  private Wave2TimeSeriesRules() {}

  static void check(Problems p, TimeSeries ts, Kind kind) {
    Wave2Shapes.jsonLdType(p, ts, TimeSeries.TYPE);
    Map<String, PayloadDescriptor> declared = descriptors(p, ts);
    Instant start = null;
    Duration step = null;
    if (Wave2Shapes.object(p, ts, "intervalPeriod", true)) {
      TimeSeries.IntervalPeriod ip = ts.intervalPeriod();
      Long ms = p.dateTime(ip.pathOf("start"), Wave2Shapes.text(p, ip, "start", true));
      start = ms == null ? null : Instant.ofEpochMilli(ms);
      step = duration(p, ip.pathOf("duration"), Wave2Shapes.text(p, ip, "duration", true));
      if (kind != Kind.READINGS) {
        slotShape(p, ip.pathOf("start"), start, ip.pathOf("duration"), step);
      }
    }
    if (!Wave2Shapes.array(p, ts, "intervals", true, true)) {
      return;
    }
    Set<Integer> ids = new HashSet<>();
    Set<String> used = new HashSet<>();
    List<Interval> intervals = ts.intervals();
    for (int i = 0; i < intervals.size(); i++) {
      String ip = ts.pathOf("intervals") + "[" + i + "]";
      Interval in = intervals.get(i);
      if (Wave2Shapes.notObject(p, ip, in)) {
        continue;
      }
      Integer id = in.id();
      if (id == null || id < 0) {
        p.add(in.pathOf("id"), "is required: a non-negative integer (the slot number)");
      } else if (!ids.add(id)) {
        p.add(in.pathOf("id"), "interval " + id + " appears twice");
      }
      payloads(p, in, declared, used);
      if (kind != Kind.READINGS && id != null && id >= 0) {
        slot(p, in, start, step);
      }
    }
    if (kind == Kind.CONTRACT_TABLE) {
      for (PayloadDescriptor d : declared.values()) {
        if (!used.contains(d.payloadType())) {
          p.add(
              d.pathOf("payloadType"),
              "'" + d.payloadType() + "' is declared but no interval carries it");
        }
      }
    }
  }

  private static Map<String, PayloadDescriptor> descriptors(Problems p, TimeSeries ts) {
    Map<String, PayloadDescriptor> declared = new HashMap<>();
    if (!Wave2Shapes.array(p, ts, "payloadDescriptors", true, true)) {
      return declared;
    }
    List<PayloadDescriptor> ds = ts.payloadDescriptors();
    for (int i = 0; i < ds.size(); i++) {
      PayloadDescriptor d = ds.get(i);
      if (Wave2Shapes.notObject(p, ts.pathOf("payloadDescriptors") + "[" + i + "]", d)) {
        continue;
      }
      p.requiredEnum(
          d.pathOf("objectType"),
          Wave2Shapes.text(p, d, "objectType", true),
          List.of(PayloadDescriptor.EVENT, PayloadDescriptor.REPORT));
      String type = Wave2Shapes.requiredText(p, d, "payloadType");
      String units = Wave2Shapes.text(p, d, "units", false);
      String currency = Wave2Shapes.text(p, d, "currency", false);
      Wave2Shapes.text(p, d, "insertedBy", false);
      if (type == null) {
        continue;
      }
      if (declared.putIfAbsent(type, d) != null) {
        p.add(d.pathOf("payloadType"), "'" + type + "' is declared twice");
      }
      if (TimeSeries.ENERGY_TYPES.contains(type)) {
        p.required(d.pathOf("units"), units);
      }
      if (TimeSeries.TEXT_TYPES.contains(type)) {
        p.equalTo(d.pathOf("units"), units, STRING);
      } else if (units != null && !KWH.equals(units)) {
        p.add(
            d.pathOf("units"),
            "must be 'KWH' (or 'STRING' for text payloads), not '" + units + "'");
      }
      if (TimeSeries.PRICE_PER_KWH.equals(type)) {
        p.required(d.pathOf("currency"), currency);
      }
      p.equalTo(d.pathOf("currency"), currency, Problems.INR);
    }
    return declared;
  }

  private static void payloads(
      Problems p, Interval in, Map<String, PayloadDescriptor> declared, Set<String> used) {
    if (!Wave2Shapes.array(p, in, "payloads", true, false)) {
      return;
    }
    Set<String> seen = new HashSet<>();
    List<TimeSeries.Payload> ps = in.payloads();
    for (int i = 0; i < ps.size(); i++) {
      TimeSeries.Payload pl = ps.get(i);
      if (Wave2Shapes.notObject(p, in.pathOf("payloads") + "[" + i + "]", pl)) {
        continue;
      }
      String type = Wave2Shapes.requiredText(p, pl, "type");
      if (type == null) {
        continue;
      }
      used.add(type);
      if (!seen.add(type)) {
        p.add(pl.pathOf("type"), "'" + type + "' appears twice in this interval");
      }
      PayloadDescriptor d = declared.get(type);
      if (d == null) {
        p.add(pl.pathOf("type"), "'" + type + "' is not declared in payloadDescriptors");
      }
      if (Wave2Shapes.array(p, pl, "values", true, false)) {
        values(p, pl, type, d == null ? null : d.units());
      }
    }
  }

  private static void values(Problems p, TimeSeries.Payload pl, String type, String units) {
    boolean text = STRING.equals(units) || (units == null && TimeSeries.TEXT_TYPES.contains(type));
    List<JsonNode> vs = pl.values();
    for (int i = 0; i < vs.size(); i++) {
      String vp = pl.pathOf("values") + "[" + i + "]";
      JsonNode v = vs.get(i);
      if (text) {
        if (!v.isTextual()) {
          p.add(vp, "must be a string: " + type + " is declared with units STRING");
        }
      } else if (!v.isNumber()) {
        p.add(
            vp,
            "must be a number: "
                + type
                + " is declared in "
                + (units == null ? "a currency" : units));
      } else if (TimeSeries.REQUESTED_QTY.equals(type) || TimeSeries.AVAILABLE_QTY.equals(type)) {
        p.energy(vp, v.decimalValue());
      } else if (TimeSeries.ENERGY_TYPES.contains(type) || TimeSeries.PRICE_PER_KWH.equals(type)) {
        p.notNegative(vp, v.decimalValue());
      }
    }
  }

  // A series start or duration that can never give P2P slots is reported once, where it is written.
  private static void slotShape(
      Problems p, String startPath, Instant start, String durationPath, Duration step) {
    if (start != null
        && (start.atOffset(IST).getMinute() != 0
            || start.atOffset(IST).getSecond() != 0
            || start.getNano() != 0)) {
      p.add(
          startPath,
          "must start on the hour in IST: P2P slots are one-hour blocks, not "
              + start.atOffset(IST));
    }
    if (step != null && !step.equals(Duration.ofHours(1))) {
      p.add(durationPath, "must be PT1H: P2P slots are one-hour blocks");
    }
  }

  private static void slot(Problems p, Interval in, Instant seriesStart, Duration seriesStep) {
    Instant start;
    Duration step;
    TimeSeries.IntervalPeriod own = in.intervalPeriod();
    if (own != null) {
      Long ms = p.dateTime(own.pathOf("start"), Wave2Shapes.text(p, own, "start", true));
      start = ms == null ? null : Instant.ofEpochMilli(ms);
      step = duration(p, own.pathOf("duration"), Wave2Shapes.text(p, own, "duration", true));
      slotShape(p, own.pathOf("start"), start, own.pathOf("duration"), step);
    } else if (in.id() >= MAX_SLOTS) {
      p.add(in.pathOf("id"), "slot " + in.id() + " is more than a year after the series start");
      return;
    } else if (seriesStart != null && seriesStep != null) {
      start = seriesStart.plus(seriesStep.multipliedBy(in.id()));
      step = seriesStep;
    } else {
      return;
    }
    if (start == null || step == null) {
      return;
    }
    ZonedDateTime from = start.atZone(IST);
    ZonedDateTime to = start.plus(step).atZone(IST);
    boolean inside =
        from.getHour() >= FIRST_HOUR
            && to.toLocalDate().equals(from.toLocalDate())
            && (to.getHour() < LAST_HOUR_END
                || (to.getHour() == LAST_HOUR_END && to.getMinute() == 0 && to.getSecond() == 0));
    if (!inside) {
      p.add(
          own != null ? own.pathOf("start") : in.pathOf("id"),
          "slot "
              + in.id()
              + " runs "
              + from.toLocalDateTime()
              + " to "
              + to.toLocalTime()
              + " IST: P2P delivery is between 06:00 and 18:00 IST");
    }
  }

  private static Duration duration(Problems p, String path, String value) {
    if (value == null) {
      return null;
    }
    int before = p.errors().size();
    p.duration(path, value);
    if (p.errors().size() > before) {
      return null;
    }
    try {
      Duration d = Duration.parse(value);
      if (d.isNegative() || d.isZero()) {
        p.add(path, "must be longer than zero");
        return null;
      }
      return d;
    } catch (RuntimeException e) {
      // Years and months have no fixed length: no P2P slot is written that way.
      p.add(path, "'" + value + "' is not a fixed duration (days, hours, minutes or seconds)");
      return null;
    }
  }
}
