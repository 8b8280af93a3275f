package org.uei.p2p.model.trade;

import java.time.Duration;
import java.time.Instant;

/**
 * The delivery block of a trade: energy flows between {@code start} (inclusive) and {@code end}
 * (exclusive). Networks trade in 1-hour blocks; the record itself accepts any positive length so
 * that the trading rules, not the model, decide what a network allows.
 *
 * @param start first instant of delivery
 * @param end instant delivery ends, after {@code start}
 */
public record DeliverySlot(Instant start, Instant end) implements Comparable<DeliverySlot> {

  /** Validates that the slot has a positive length. */
  public DeliverySlot {
    Checks.required(start, "slot start");
    Checks.required(end, "slot end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("slot end " + end + " must be after slot start " + start);
    }
  }

  /** The 1-hour slot starting at {@code start}. */
  public static DeliverySlot hourStarting(Instant start) {
    return new DeliverySlot(start, Checks.required(start, "slot start").plus(Duration.ofHours(1)));
  }

  /** Length of the slot. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** Whether {@code instant} falls inside the slot (start inclusive, end exclusive). */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  @Override
  public int compareTo(DeliverySlot other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : end.compareTo(other.end);
  }

  @Override
  public String toString() {
    return start + "/" + end;
  }
}
