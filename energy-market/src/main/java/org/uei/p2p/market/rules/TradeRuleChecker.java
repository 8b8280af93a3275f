package org.uei.p2p.market.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.uei.p2p.market.book.TradeBook;
import org.uei.p2p.market.meter.MeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.settlement.Figures;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Checks a trade against a network's {@link TradingRules} and reports every rule it breaks, not
 * just the first, so a NACK can tell the counterparty everything at once.
 *
 * <p>Caps sum the meter's open trades in the slot from the {@link TradeBook} plus the trade being
 * checked; a trade already in the book under the same id is counted once, so a trade can be
 * re-checked at confirm after it was recorded at init.
 */
public final class TradeRuleChecker {
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private final TradingRules rules;
  private final MeterDirectory meters;
  private final TradeBook book;

  /**
   * A checker for {@code rules}, reading capacities from {@code meters} and open trades from {@code
   * book}.
   */
  public TradeRuleChecker(TradingRules rules, MeterDirectory meters, TradeBook book) {
    this.rules = rules;
    this.meters = meters;
    this.book = book;
  }

  /** All rules, caps on both sides. */
  public List<RuleViolation> check(Trade trade, Instant now) {
    return check(trade, now, EnumSet.allOf(TradeSide.class));
  }

  /**
   * All rules, with caps checked only for {@code capSides}: a DISCOM or platform that knows only
   * one side's meter checks that side's cap.
   */
  public List<RuleViolation> check(Trade trade, Instant now, Set<TradeSide> capSides) {
    List<RuleViolation> out = new ArrayList<>();
    checkSlot(trade.slot(), out);
    checkWindow(trade.slot(), now, out);
    checkQuantity(trade.quantityKwh(), out);
    if (trade.buyer().meterId().equals(trade.seller().meterId())) {
      out.add(
          RuleViolation.of(
              Rule.SELF_TRADE, "buyer and seller meter are both " + trade.buyer().meterId()));
    }
    for (TradeSide side : TradeSide.values()) {
      checkParty(side, trade.party(side), out);
    }
    for (TradeSide side : capSides) {
      checkCap(trade, side, out);
    }
    return out;
  }

  /**
   * Energy {@code meterId} may still contract on {@code side} in {@code slot}: its cap minus its
   * open trades there, never below zero. This is what a DISCOM answers a cascaded init with.
   */
  public Optional<BigDecimal> headroomKwh(String meterId, TradeSide side, DeliverySlot slot) {
    return meters
        .find(meterId)
        .map(
            m -> {
              BigDecimal left =
                  capKwh(m, side, slot).subtract(contracted(meterId, side, slot, null));
              return left.signum() < 0 ? BigDecimal.ZERO : left;
            });
  }

  private void checkSlot(DeliverySlot slot, List<RuleViolation> out) {
    if (!slot.duration().equals(rules.slotLength())) {
      out.add(
          RuleViolation.of(
              Rule.SLOT_LENGTH,
              "slot "
                  + slot
                  + " lasts "
                  + slot.duration()
                  + ", the network trades "
                  + rules.slotLength()
                  + " slots"));
    }
    ZonedDateTime start = slot.start().atZone(rules.zone());
    long secondsOfDay = start.toLocalTime().toSecondOfDay();
    if (secondsOfDay % rules.slotLength().getSeconds() != 0 || start.getNano() != 0) {
      out.add(
          RuleViolation.of(
              Rule.SLOT_ALIGNMENT,
              "slot starts at "
                  + start.toLocalTime()
                  + " "
                  + rules.zone()
                  + ", not on a "
                  + rules.slotLength().toMinutes()
                  + "-minute boundary"));
    }
    Instant latestEnd =
        start.toLocalDate().atTime(rules.deliveryEnd()).atZone(rules.zone()).toInstant();
    LocalTime startTime = start.toLocalTime();
    if (startTime.isBefore(rules.deliveryStart()) || slot.end().isAfter(latestEnd)) {
      out.add(
          RuleViolation.of(
              Rule.DELIVERY_HOURS,
              "slot "
                  + slot
                  + " lies outside delivery hours "
                  + rules.deliveryStart()
                  + "–"
                  + rules.deliveryEnd()
                  + " "
                  + rules.zone()));
    }
  }

  private void checkWindow(DeliverySlot slot, Instant now, List<RuleViolation> out) {
    Instant opens = slot.start().minus(rules.tradingOpensBefore());
    Instant closes = slot.start().minus(rules.gateClosureBefore());
    if (now.isBefore(opens)) {
      out.add(
          RuleViolation.of(
              Rule.TRADING_NOT_OPEN, "trading for slot " + slot + " opens at " + opens));
    } else if (!now.isBefore(closes)) {
      out.add(RuleViolation.of(Rule.GATE_CLOSED, "gate for slot " + slot + " closed at " + closes));
    }
  }

  private void checkQuantity(BigDecimal kwh, List<RuleViolation> out) {
    if (kwh.compareTo(rules.minimumKwh()) < 0) {
      out.add(
          RuleViolation.of(
              Rule.MIN_QUANTITY,
              kwh.toPlainString()
                  + " kWh is below the minimum of "
                  + rules.minimumKwh().toPlainString()
                  + " kWh"));
    }
    if (kwh.stripTrailingZeros().scale() > rules.maxDecimals()) {
      out.add(
          RuleViolation.of(
              Rule.QUANTITY_PRECISION,
              kwh.toPlainString() + " kWh has more than " + rules.maxDecimals() + " decimals"));
    }
  }

  private void checkParty(TradeSide side, MeterPoint party, List<RuleViolation> out) {
    String who = side.name().toLowerCase();
    if (!rules.allowedDiscoms().contains(party.discomId())) {
      out.add(
          RuleViolation.of(
              Rule.DISCOM_NOT_ALLOWED,
              who + " DISCOM " + party.discomId() + " is not on the network's allow-list"));
    }
    boolean prefixed = party.meterId().startsWith(rules.testMeterPrefix());
    if (rules.testNetwork() && !prefixed) {
      out.add(
          RuleViolation.of(
              Rule.TEST_METER_PREFIX,
              who
                  + " meter "
                  + party.meterId()
                  + " must start with "
                  + rules.testMeterPrefix()
                  + " on a test network"));
    } else if (!rules.testNetwork() && prefixed) {
      out.add(
          RuleViolation.of(
              Rule.TEST_METER_PREFIX,
              who
                  + " meter "
                  + party.meterId()
                  + " is a test meter and cannot trade on a live network"));
    }
  }

  private void checkCap(Trade trade, TradeSide side, List<RuleViolation> out) {
    String meterId = trade.party(side).meterId();
    Optional<MeterInfo> meter = meters.find(meterId);
    if (meter.isEmpty()) {
      out.add(
          RuleViolation.of(
              Rule.UNKNOWN_METER,
              side.name().toLowerCase()
                  + " meter "
                  + meterId
                  + " is not known, so its cap cannot be checked"));
      return;
    }
    BigDecimal cap = capKwh(meter.get(), side, trade.slot());
    BigDecimal total =
        contracted(meterId, side, trade.slot(), trade.tradeId()).add(trade.quantityKwh());
    if (total.compareTo(cap) > 0) {
      Rule rule = side == TradeSide.SELLER ? Rule.SELLER_CAP : Rule.BUYER_CAP;
      String basis = side == TradeSide.SELLER ? "installed capacity" : "sanctioned load";
      // one number format in one message: the cap is derived (kW x h) and would otherwise show
      // three decimals next to a trade's two
      out.add(
          RuleViolation.of(
              rule,
              "meter "
                  + meterId
                  + " would have "
                  + Figures.kwh(total)
                  + " kWh in slot "
                  + trade.slot()
                  + ", above its "
                  + basis
                  + " cap of "
                  + Figures.kwh(cap)
                  + " kWh"));
    }
  }

  private BigDecimal capKwh(MeterInfo meter, TradeSide side, DeliverySlot slot) {
    BigDecimal kw =
        side == TradeSide.SELLER ? meter.installedCapacityKw() : meter.sanctionedLoadKw();
    Duration d = slot.duration();
    return d.equals(Duration.ofHours(1))
        ? kw
        : kw.multiply(BigDecimal.valueOf(d.getSeconds()))
            .divide(SECONDS_PER_HOUR, java.math.MathContext.DECIMAL64);
  }

  private BigDecimal contracted(
      String meterId, TradeSide side, DeliverySlot slot, String excludeTradeId) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Trade t : book.openTrades(meterId, slot)) {
      if (t.party(side).meterId().equals(meterId) && !t.tradeId().equals(excludeTradeId)) {
        sum = sum.add(t.quantityKwh());
      }
    }
    return sum;
  }
}
