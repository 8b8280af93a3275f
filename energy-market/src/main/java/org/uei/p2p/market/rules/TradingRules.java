package org.uei.p2p.market.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * A network's trading rules as configuration. {@link #ies()} gives the India Energy Stack rules;
 * the {@code with…} methods derive a variant for another network.
 *
 * <p>The trading window is half-open: a trade for a slot starting at T is accepted from T − {@code
 * tradingOpensBefore} (inclusive) until T − {@code gateClosureBefore} (exclusive), so at the
 * gate-closure instant itself the gate is closed.
 *
 * @param zone time zone delivery hours and slot boundaries are read in
 * @param slotLength length of every delivery slot
 * @param deliveryStart local time the first slot of a day may start
 * @param deliveryEnd local time the last slot of a day must end by
 * @param tradingOpensBefore how long before a slot starts trading for it opens
 * @param gateClosureBefore how long before a slot starts trading for it closes
 * @param minimumKwh smallest tradable quantity
 * @param maxDecimals most decimals a quantity may carry
 * @param allowedDiscoms DISCOMs whose consumers may trade on the network
 * @param testNetwork whether the network is a test network
 * @param testMeterPrefix prefix every meter on a test network carries, and no meter on a live one
 */
public record TradingRules(
    ZoneId zone,
    Duration slotLength,
    LocalTime deliveryStart,
    LocalTime deliveryEnd,
    Duration tradingOpensBefore,
    Duration gateClosureBefore,
    BigDecimal minimumKwh,
    int maxDecimals,
    Set<String> allowedDiscoms,
    boolean testNetwork,
    String testMeterPrefix) {

  /** India Standard Time, the zone of every IES network. */
  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** Validates the configuration is coherent. */
  public TradingRules {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(slotLength, "slot length");
    Objects.requireNonNull(deliveryStart, "delivery start");
    Objects.requireNonNull(deliveryEnd, "delivery end");
    Objects.requireNonNull(tradingOpensBefore, "trading opens before");
    Objects.requireNonNull(gateClosureBefore, "gate closure before");
    Objects.requireNonNull(minimumKwh, "minimum kWh");
    Objects.requireNonNull(testMeterPrefix, "test meter prefix");
    allowedDiscoms = Set.copyOf(Objects.requireNonNull(allowedDiscoms, "allowed DISCOMs"));
    if (slotLength.isNegative() || slotLength.isZero()) {
      throw new IllegalArgumentException("slot length must be positive");
    }
    if (!deliveryEnd.isAfter(deliveryStart)) {
      throw new IllegalArgumentException("delivery end must be after delivery start");
    }
    if (tradingOpensBefore.compareTo(gateClosureBefore) <= 0) {
      throw new IllegalArgumentException("trading must open before gate closure");
    }
    if (minimumKwh.signum() <= 0 || maxDecimals < 0) {
      throw new IllegalArgumentException(
          "minimum kWh must be positive and max decimals not negative");
    }
  }

  /**
   * The IES rules: 1-hour slots 06:00–18:00 IST, trading from T−24 h to gate closure at T−4 h, at
   * least 1 kWh with at most 2 decimals, the inter-DISCOM pilot DISCOMs, live network.
   */
  public static TradingRules ies() {
    return new TradingRules(
        IST,
        Duration.ofHours(1),
        LocalTime.of(6, 0),
        LocalTime.of(18, 0),
        Duration.ofHours(24),
        Duration.ofHours(4),
        BigDecimal.ONE,
        2,
        Set.of("TPDDL", "BRPL", "BYPL", "PVVNL", "PaVVNL"),
        false,
        "TEST_");
  }

  /** The same rules with another DISCOM allow-list. */
  public TradingRules withAllowedDiscoms(Set<String> discoms) {
    return new TradingRules(
        zone,
        slotLength,
        deliveryStart,
        deliveryEnd,
        tradingOpensBefore,
        gateClosureBefore,
        minimumKwh,
        maxDecimals,
        discoms,
        testNetwork,
        testMeterPrefix);
  }

  /** The same rules on a test (or live) network. */
  public TradingRules withTestNetwork(boolean test) {
    return new TradingRules(
        zone,
        slotLength,
        deliveryStart,
        deliveryEnd,
        tradingOpensBefore,
        gateClosureBefore,
        minimumKwh,
        maxDecimals,
        allowedDiscoms,
        test,
        testMeterPrefix);
  }

  /** The same rules with another trading window. */
  public TradingRules withTradingWindow(Duration opensBefore, Duration closesBefore) {
    return new TradingRules(
        zone,
        slotLength,
        deliveryStart,
        deliveryEnd,
        opensBefore,
        closesBefore,
        minimumKwh,
        maxDecimals,
        allowedDiscoms,
        testNetwork,
        testMeterPrefix);
  }

  /** The same rules with another minimum quantity and precision. */
  public TradingRules withQuantity(BigDecimal minimum, int decimals) {
    return new TradingRules(
        zone,
        slotLength,
        deliveryStart,
        deliveryEnd,
        tradingOpensBefore,
        gateClosureBefore,
        minimum,
        decimals,
        allowedDiscoms,
        testNetwork,
        testMeterPrefix);
  }

  /**
   * The first delivery slot a trade may still be made for with an hour to spare: on the hour in
   * {@link #zone}, inside the delivery hours, starting at least gate closure plus one hour after
   * {@code now}. Tests, demos and the conformance kit ask here rather than each working it out.
   */
  public java.time.Instant firstTradableSlot(java.time.Instant now) {
    java.time.ZonedDateTime t =
        now.plus(gateClosureBefore())
            .plusSeconds(3600)
            .atZone(zone())
            .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
            .plusHours(1);
    while (!insideDeliveryHours(t.toLocalTime())) {
      t = t.plusHours(1);
    }
    return t.toInstant();
  }

  private boolean insideDeliveryHours(LocalTime start) {
    LocalTime end = start.plus(slotLength());
    return !start.isBefore(deliveryStart()) && end.isAfter(start) && !end.isAfter(deliveryEnd());
  }
}
