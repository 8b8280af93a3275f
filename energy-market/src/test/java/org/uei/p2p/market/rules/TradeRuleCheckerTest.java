package org.uei.p2p.market.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.book.InMemoryTradeBook;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

class TradeRuleCheckerTest {
  /** 10:00 IST on 10 Feb 2026. */
  private static final Instant T = Instant.parse("2026-02-10T04:30:00Z");

  private static final Instant NOW = T.minus(Duration.ofHours(10));

  private final InMemoryMeterDirectory meters =
      new InMemoryMeterDirectory(
          List.of(
              new MeterInfo(
                  "CA-1001", "BRPL", "ACC-1001", "DL", BigDecimal.ZERO, new BigDecimal("5")),
              new MeterInfo(
                  "DER-2002", "PVVNL", "ACC-2002", "UP", new BigDecimal("6"), new BigDecimal("3")),
              new MeterInfo(
                  "TEST_CA-1", "BRPL", "ACC-T1", "DL", BigDecimal.ZERO, new BigDecimal("5")),
              new MeterInfo(
                  "TEST_DER-2",
                  "PVVNL",
                  "ACC-T2",
                  "UP",
                  new BigDecimal("6"),
                  new BigDecimal("3"))));
  private final InMemoryTradeBook book = new InMemoryTradeBook();
  private final TradeRuleChecker checker = new TradeRuleChecker(TradingRules.ies(), meters, book);

  private static Trade trade(
      String id, String buyer, String seller, DeliverySlot slot, String kwh) {
    return new Trade(
        id,
        "bap.example",
        "bpp.example",
        new MeterPoint(buyer, buyer.contains("CA") ? "BRPL" : "PVVNL"),
        new MeterPoint(seller, "PVVNL"),
        slot,
        new BigDecimal(kwh),
        UnitPrice.inr("6.00"),
        TradeStatus.PENDING,
        NOW);
  }

  private static Trade trade(String kwh) {
    return trade("t-1", "CA-1001", "DER-2002", DeliverySlot.hourStarting(T), kwh);
  }

  private static Trade tradeAt(Instant slotStart) {
    return trade("t-1", "CA-1001", "DER-2002", DeliverySlot.hourStarting(slotStart), "2");
  }

  private static Set<Rule> rules(List<RuleViolation> violations) {
    EnumSet<Rule> set = EnumSet.noneOf(Rule.class);
    violations.forEach(v -> set.add(v.rule()));
    return set;
  }

  @Test
  void aGoodTradeBreaksNoRule() {
    assertEquals(List.of(), checker.check(trade("2.50"), NOW));
  }

  @Test
  void violationsCarryThePolicyErrorCodeAndNameTheRule() {
    RuleViolation v = checker.check(trade("0.5"), NOW).get(0);
    assertEquals("50000", v.code());
    assertTrue(v.message().startsWith("MIN_QUANTITY: 0.5 kWh"), v.message());
  }

  @Test
  void slotMustLastOneHour() {
    Trade half =
        trade(
            "t-1", "CA-1001", "DER-2002", new DeliverySlot(T, T.plus(Duration.ofMinutes(30))), "2");
    assertEquals(Set.of(Rule.SLOT_LENGTH), rules(checker.check(half, NOW)));
    assertEquals(Set.of(), rules(checker.check(trade("2"), NOW)));
  }

  @Test
  void slotMustStartOnTheHourInIst() {
    // 10:00 UTC is 15:30 IST: an hour boundary in UTC but not in IST.
    Trade utcAligned = tradeAt(Instant.parse("2026-02-10T10:00:00Z"));
    assertEquals(
        Set.of(Rule.SLOT_ALIGNMENT),
        rules(checker.check(utcAligned, Instant.parse("2026-02-10T00:00:00Z"))));
    assertEquals(
        Set.of(),
        rules(
            checker.check(
                tradeAt(Instant.parse("2026-02-10T10:30:00Z")),
                Instant.parse("2026-02-10T00:00:00Z"))));
  }

  @Test
  void deliveryHoursAreSixToEighteenIst() {
    Instant firstSlot = Instant.parse("2026-02-10T00:30:00Z"); // 06:00 IST
    Instant lastSlot = Instant.parse("2026-02-10T11:30:00Z"); // 17:00 IST
    Instant dayBefore = Instant.parse("2026-02-09T12:00:00Z");
    assertEquals(Set.of(), rules(checker.check(tradeAt(firstSlot), dayBefore)));
    assertEquals(
        Set.of(Rule.DELIVERY_HOURS),
        rules(checker.check(tradeAt(firstSlot.minus(Duration.ofHours(1))), dayBefore)));
    assertEquals(
        Set.of(), rules(checker.check(tradeAt(lastSlot), dayBefore.plus(Duration.ofHours(6)))));
    assertEquals(
        Set.of(Rule.DELIVERY_HOURS),
        rules(
            checker.check(
                tradeAt(lastSlot.plus(Duration.ofHours(1))), dayBefore.plus(Duration.ofHours(6)))));
  }

  @Test
  void tradingOpensTwentyFourHoursBefore() {
    Instant opens = T.minus(Duration.ofHours(24));
    assertEquals(Set.of(), rules(checker.check(trade("2"), opens)));
    assertEquals(
        Set.of(Rule.TRADING_NOT_OPEN), rules(checker.check(trade("2"), opens.minusSeconds(1))));
  }

  @Test
  void gateClosesFourHoursBefore() {
    Instant closes = T.minus(Duration.ofHours(4));
    assertEquals(Set.of(), rules(checker.check(trade("2"), closes.minusSeconds(1))));
    assertEquals(Set.of(Rule.GATE_CLOSED), rules(checker.check(trade("2"), closes)));
  }

  @Test
  void minimumIsOneKwh() {
    assertEquals(Set.of(), rules(checker.check(trade("1.00"), NOW)));
    assertEquals(Set.of(Rule.MIN_QUANTITY), rules(checker.check(trade("0.99"), NOW)));
  }

  @Test
  void atMostTwoDecimals() {
    assertEquals(Set.of(), rules(checker.check(trade("1.25"), NOW)));
    assertEquals(Set.of(), rules(checker.check(trade("1.2500"), NOW)));
    assertEquals(Set.of(Rule.QUANTITY_PRECISION), rules(checker.check(trade("1.255"), NOW)));
  }

  @Test
  void noSelfTrade() {
    Trade self = trade("t-1", "DER-2002", "DER-2002", DeliverySlot.hourStarting(T), "2");
    assertEquals(Set.of(Rule.SELF_TRADE), rules(checker.check(self, NOW)));
  }

  @Test
  void sellerCapSumsOpenTradesInTheSlot() {
    book.record(trade("t-0", "CA-1001", "DER-2002", DeliverySlot.hourStarting(T), "4"));
    // 4 + 2 = 6 = installed 6 kW x 1 h: allowed; 4 + 2.01 is not.
    assertEquals(Set.of(), rules(checker.check(trade("2"), NOW, EnumSet.of(TradeSide.SELLER))));
    assertEquals(
        Set.of(Rule.SELLER_CAP),
        rules(checker.check(trade("2.01"), NOW, EnumSet.of(TradeSide.SELLER))));
    assertEquals(
        new BigDecimal("2"),
        checker
            .headroomKwh("DER-2002", TradeSide.SELLER, DeliverySlot.hourStarting(T))
            .orElseThrow());
  }

  @Test
  void buyerCapSumsOpenTradesButNotCancelledOnesNorItself() {
    book.record(trade("t-0", "CA-1001", "DER-2002", DeliverySlot.hourStarting(T), "3"));
    book.record(
        trade("t-x", "CA-1001", "DER-2002", DeliverySlot.hourStarting(T), "3")
            .withStatus(TradeStatus.CANCELLED));
    book.record(trade("2"));
    // 3 + 2 = 5 = sanctioned 5 kW x 1 h, with t-1 itself already in the book.
    assertEquals(Set.of(), rules(checker.check(trade("2"), NOW, EnumSet.of(TradeSide.BUYER))));
    assertEquals(
        Set.of(Rule.BUYER_CAP),
        rules(checker.check(trade("2.01"), NOW, EnumSet.of(TradeSide.BUYER))));
  }

  @Test
  void capsOnlyCountTheSameSlot() {
    book.record(
        trade(
            "t-0",
            "CA-1001",
            "DER-2002",
            DeliverySlot.hourStarting(T.plus(Duration.ofHours(1))),
            "5"));
    assertEquals(Set.of(), rules(checker.check(trade("5"), NOW)));
  }

  @Test
  void discomMustBeAllowed() {
    Trade t = trade("2");
    TradeRuleChecker onlyDelhi =
        new TradeRuleChecker(TradingRules.ies().withAllowedDiscoms(Set.of("BRPL")), meters, book);
    List<RuleViolation> v = onlyDelhi.check(t, NOW);
    assertEquals(Set.of(Rule.DISCOM_NOT_ALLOWED), rules(v));
    assertTrue(v.get(0).message().contains("seller DISCOM PVVNL"), v.get(0).message());
    TradeRuleChecker both =
        new TradeRuleChecker(
            TradingRules.ies().withAllowedDiscoms(Set.of("BRPL", "PVVNL")), meters, book);
    assertEquals(List.of(), both.check(t, NOW));
  }

  @Test
  void testMetersOnlyOnTestNetworks() {
    TradeRuleChecker test =
        new TradeRuleChecker(TradingRules.ies().withTestNetwork(true), meters, book);
    Trade testTrade = trade("t-1", "TEST_CA-1", "TEST_DER-2", DeliverySlot.hourStarting(T), "2");
    assertEquals(Set.of(), rules(test.check(testTrade, NOW)));
    assertEquals(Set.of(Rule.TEST_METER_PREFIX), rules(test.check(trade("2"), NOW)));
    assertEquals(Set.of(Rule.TEST_METER_PREFIX), rules(checker.check(testTrade, NOW)));
  }

  @Test
  void unknownMeterCannotBeCapped() {
    Trade t = trade("t-1", "CA-9999", "DER-2002", DeliverySlot.hourStarting(T), "2");
    assertEquals(Set.of(Rule.UNKNOWN_METER), rules(checker.check(t, NOW)));
    assertEquals(Set.of(), rules(checker.check(t, NOW, EnumSet.of(TradeSide.SELLER))));
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    Trade bad =
        trade(
            "t-1",
            "DER-2002",
            "DER-2002",
            new DeliverySlot(T, T.plus(Duration.ofMinutes(90))),
            "0.555");
    assertEquals(
        Set.of(Rule.SLOT_LENGTH, Rule.MIN_QUANTITY, Rule.QUANTITY_PRECISION, Rule.SELF_TRADE),
        rules(checker.check(bad, NOW, Set.of())));
  }
}
