package org.uei.p2p.model.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TradeModelTest {
  private static final Instant T = Instant.parse("2026-02-10T04:30:00Z");
  private static final MeterPoint BUYER = new MeterPoint("CA-1001", "BRPL");
  private static final MeterPoint SELLER = new MeterPoint("DER-2002", "PVVNL");

  private static Trade trade(String quantity) {
    return new Trade(
        "t-1",
        "bap.example",
        "bpp.example",
        BUYER,
        SELLER,
        DeliverySlot.hourStarting(T),
        new BigDecimal(quantity),
        UnitPrice.inr("6.50"),
        TradeStatus.CONFIRMED,
        T.minusSeconds(36_000));
  }

  @Test
  void hourSlotIsOneHourAndContainsItsStartButNotItsEnd() {
    DeliverySlot slot = DeliverySlot.hourStarting(T);
    assertEquals(Duration.ofHours(1), slot.duration());
    assertTrue(slot.contains(T));
    assertFalse(slot.contains(slot.end()));
    assertFalse(slot.contains(T.minusNanos(1)));
  }

  @Test
  void emptyOrReversedSlotIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DeliverySlot(T, T));
    assertThrows(IllegalArgumentException.class, () -> new DeliverySlot(T, T.minusSeconds(60)));
  }

  @Test
  void tradeQuantityMustBePositive() {
    assertEquals(new BigDecimal("2.5"), trade("2.5").quantityKwh());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> trade("0"));
    assertTrue(zero.getMessage().contains("quantity kWh"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> trade("-1"));
  }

  @Test
  void tradeNamesItsPartiesBySide() {
    Trade t = trade("3");
    assertEquals(BUYER, t.party(TradeSide.BUYER));
    assertEquals(SELLER, t.party(TradeSide.SELLER));
    assertEquals("bpp.example", t.platformId(TradeSide.SELLER));
    assertEquals(TradeStatus.CANCELLED, t.withStatus(TradeStatus.CANCELLED).status());
    assertEquals(new BigDecimal("2"), t.withQuantity(new BigDecimal("2")).quantityKwh());
  }

  @Test
  void blankIdsAreRejectedWithTheFieldName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MeterPoint(" ", "BRPL"));
    assertTrue(e.getMessage().contains("meter id"));
    assertThrows(NullPointerException.class, () -> new MeterPoint("CA-1", null));
  }

  @Test
  void offerValidityWindowIsHalfOpen() {
    EnergyOffer offer =
        new EnergyOffer(
            "o-1",
            "prosumer-7",
            SELLER,
            DeliverySlot.hourStarting(T),
            UnitPrice.inr("5.25"),
            new BigDecimal("10"),
            T.minusSeconds(86_400),
            T.minusSeconds(14_400));
    assertTrue(offer.isValidAt(T.minusSeconds(86_400)));
    assertFalse(offer.isValidAt(T.minusSeconds(14_400)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EnergyOffer(
                "o-2",
                "p",
                SELLER,
                DeliverySlot.hourStarting(T),
                UnitPrice.inr("5"),
                BigDecimal.ONE,
                T,
                T));
  }

  @Test
  void meterReadingAcceptsOnlyStandardBlocksAndNonNegativeValues() {
    MeterReading r = new MeterReading("CA-1001", T, 15, new BigDecimal("0.25"), BigDecimal.ZERO);
    assertEquals(T.plusSeconds(900), r.blockEnd());
    assertThrows(
        IllegalArgumentException.class,
        () -> new MeterReading("CA-1001", T, 20, BigDecimal.ONE, BigDecimal.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MeterReading("CA-1001", T, 60, new BigDecimal("-0.01"), BigDecimal.ZERO));
    assertTrue(
        r.sameValuesAs(
            new MeterReading("CA-1001", T, 15, new BigDecimal("0.250"), new BigDecimal("0.0"))));
    assertFalse(
        r.sameValuesAs(
            new MeterReading("CA-1001", T, 15, new BigDecimal("0.26"), BigDecimal.ZERO)));
  }

  @Test
  void allocationCannotExceedContractedQuantity() {
    Allocation a =
        new Allocation(
            "t-1", TradeSide.SELLER, "DER-2002", new BigDecimal("5"), new BigDecimal("3.89"));
    assertEquals(new BigDecimal("1.11"), a.shortfallKwh());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Allocation(
                "t-1", TradeSide.SELLER, "DER-2002", new BigDecimal("5"), new BigDecimal("5.01")));
  }

  @Test
  void settlementLineRejectsSubPaisaAmountsAndSelfPayment() {
    SettlementLine line =
        new SettlementLine(
            "t-1",
            SettlementLineType.ENERGY,
            Payee.BUYER,
            Payee.SELLER,
            new BigDecimal("3"),
            new BigDecimal("6.50"),
            new BigDecimal("19.50"),
            UnitPrice.INR);
    assertEquals(new BigDecimal("19.50"), line.amount());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SettlementLine(
                "t-1",
                SettlementLineType.ENERGY,
                Payee.BUYER,
                Payee.SELLER,
                BigDecimal.ONE,
                BigDecimal.ONE,
                new BigDecimal("1.005"),
                UnitPrice.INR));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SettlementLine(
                "t-1",
                SettlementLineType.ENERGY,
                Payee.BUYER,
                Payee.BUYER,
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE,
                UnitPrice.INR));
  }

  @Test
  void onlyCancelledTradesAreClosed() {
    for (TradeStatus s : TradeStatus.values()) {
      assertEquals(s != TradeStatus.CANCELLED, s.isOpen(), s.name());
    }
  }
}
