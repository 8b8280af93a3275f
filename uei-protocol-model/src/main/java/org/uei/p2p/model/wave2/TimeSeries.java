package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A BecknTimeSeries (v1.0, OpenADR 3.1 aligned): the contract table of a P2P trade. Each interval
 * is one delivery slot; its payloads are the table's columns for that slot, each declared once in
 * {@code payloadDescriptors} with its units or currency and the role that fills it.
 *
 * <p>Interval {@code id} k of a series without per-interval periods covers {@code [start + k ×
 * duration, start + (k + 1) × duration)}: the contract policy matches slots by id, so the id, not
 * the position in the array, is the slot number.
 */
public final class TimeSeries extends Wave2Object {

  /** {@code @type} of the pack. */
  public static final String TYPE = "TimeSeries";

  public static final String PRICE_PER_KWH = "PRICE_PER_KWH";
  public static final String AVAILABLE_QTY = "AVAILABLE_QTY";
  public static final String REQUESTED_QTY = "REQUESTED_QTY";
  public static final String BUYER_DISCOM_ALLOC = "BUYER_DISCOM_ALLOC";
  public static final String SELLER_DISCOM_ALLOC = "SELLER_DISCOM_ALLOC";
  public static final String BUYER_DISCOM_STATUS = "BUYER_DISCOM_STATUS";
  public static final String SELLER_DISCOM_STATUS = "SELLER_DISCOM_STATUS";
  public static final String FINAL_ALLOC = "FINAL_ALLOC";

  /** Payload types that are energy in kWh. */
  public static final List<String> ENERGY_TYPES =
      List.of(AVAILABLE_QTY, REQUESTED_QTY, BUYER_DISCOM_ALLOC, SELLER_DISCOM_ALLOC, FINAL_ALLOC);

  /** Payload types that are text (allocation states). */
  public static final List<String> TEXT_TYPES = List.of(BUYER_DISCOM_STATUS, SELLER_DISCOM_STATUS);

  TimeSeries(ObjectNode json, String path) {
    super(json, path);
  }

  /** The series' default period, or {@code null}. */
  public IntervalPeriod intervalPeriod() {
    return object("intervalPeriod", IntervalPeriod::new);
  }

  public List<PayloadDescriptor> payloadDescriptors() {
    return objects("payloadDescriptors", PayloadDescriptor::new);
  }

  /** The descriptor of {@code payloadType}, if declared. */
  public Optional<PayloadDescriptor> descriptor(String payloadType) {
    return payloadDescriptors().stream()
        .filter(d -> d != null && payloadType.equals(d.payloadType()))
        .findFirst();
  }

  public List<Interval> intervals() {
    return objects("intervals", Interval::new);
  }

  /**
   * When interval {@code in} runs: its own period, else slot {@code id} of the series' period.
   * Empty when the times are missing or malformed (validation says which).
   */
  public Optional<Slot> slotOf(Interval in) {
    IntervalPeriod p = in.intervalPeriod();
    try {
      if (p != null) {
        return Optional.of(
            new Slot(OffsetDateTime.parse(p.start()).toInstant(), Duration.parse(p.duration())));
      }
      IntervalPeriod series = intervalPeriod();
      Duration step = Duration.parse(series.duration());
      return Optional.of(
          new Slot(
              OffsetDateTime.parse(series.start()).toInstant().plus(step.multipliedBy(in.id())),
              step));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** When an interval runs. */
  public record Slot(Instant start, Duration duration) {}

  /** The meter the readings are about (meter actuals), or {@code null}. */
  public String resourceName() {
    return text("resourceName");
  }

  /** The party that authored the series (meter actuals), or {@code null}. */
  public String clientName() {
    return text("clientName");
  }

  /** OpenADR {@code intervalPeriod}: an RFC 3339 {@code start} and an ISO-8601 {@code duration}. */
  public static final class IntervalPeriod extends Wave2Object {
    IntervalPeriod(ObjectNode json, String path) {
      super(json, path);
    }

    public String start() {
      return text("start");
    }

    public String duration() {
      return text("duration");
    }
  }

  /** A payload descriptor: what one column holds and who fills it. */
  public static final class PayloadDescriptor extends Wave2Object {
    /** {@code objectType} of a descriptor of offer and bid signals. */
    public static final String EVENT = "EVENT_PAYLOAD_DESCRIPTOR";

    /** {@code objectType} of a descriptor of reported values (allocations, meter readings). */
    public static final String REPORT = "REPORT_PAYLOAD_DESCRIPTOR";

    PayloadDescriptor(ObjectNode json, String path) {
      super(json, path);
    }

    public String objectType() {
      return text("objectType");
    }

    public String payloadType() {
      return text("payloadType");
    }

    /** {@code units} (KWH, STRING…), or {@code null}. */
    public String units() {
      return text("units");
    }

    /** {@code currency} (INR), or {@code null}. */
    public String currency() {
      return text("currency");
    }

    /** The role that fills this column, e.g. {@code sellerPlatform}. */
    public String insertedBy() {
      return text("insertedBy");
    }
  }

  /** One interval (slot) of the series. */
  public static final class Interval extends Wave2Object {
    Interval(ObjectNode json, String path) {
      super(json, path);
    }

    /** The interval id, or {@code null} when absent or not an integer that fits an int. */
    public Integer id() {
      JsonNode n = json().get("id");
      return n != null && n.canConvertToInt() && n.isIntegralNumber() ? n.intValue() : null;
    }

    /** A period overriding the series' default, or {@code null}. */
    public IntervalPeriod intervalPeriod() {
      return object("intervalPeriod", IntervalPeriod::new);
    }

    public List<Payload> payloads() {
      return objects("payloads", Payload::new);
    }

    /** The payload of {@code type}, if present. */
    public Optional<Payload> payload(String type) {
      return payloads().stream().filter(p -> p != null && type.equals(p.type())).findFirst();
    }

    /**
     * The first value of the {@code type} payload as a decimal; empty when absent, empty or not a
     * number.
     */
    public Optional<BigDecimal> number(String type) {
      return payload(type)
          .flatMap(
              p ->
                  p.values().isEmpty()
                      ? Optional.empty()
                      : Optional.ofNullable(decimalOf(p.values().get(0))));
    }
  }

  /**
   * A payload (OpenADR valuesMap): a type and its values, empty until the responsible role fills
   * them.
   */
  public static final class Payload extends Wave2Object {
    Payload(ObjectNode json, String path) {
      super(json, path);
    }

    public String type() {
      return text("type");
    }

    /**
     * The values as JSON scalars (numbers as written); containers are copies. Empty when absent.
     */
    public List<JsonNode> values() {
      JsonNode v = json().get("values");
      if (v == null || !v.isArray()) {
        return List.of();
      }
      List<JsonNode> out = new ArrayList<>(v.size());
      v.forEach(e -> out.add(e.isContainerNode() ? e.deepCopy() : e));
      return Collections.unmodifiableList(out);
    }
  }
}
