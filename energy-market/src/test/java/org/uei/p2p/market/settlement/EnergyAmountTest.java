package org.uei.p2p.market.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/** The energy amount a netting-only run computes is the settlement's energy line, to the scale. */
class EnergyAmountTest {
  private static final Instant T = Instant.parse("2026-02-10T04:30:00Z");
  private static final SettlementCalculator CALCULATOR =
      new SettlementCalculator(SettlementPolicy.pilot());

  private static ReconciledTrade rec(String kwh, UnitPrice price, String buyer, String seller) {
    Trade t =
        new Trade(
            "t",
            "bap",
            "bpp",
            new MeterPoint("CA-1", "BRPL"),
            new MeterPoint("DER-9", "PVVNL"),
            DeliverySlot.hourStarting(T),
            new BigDecimal(kwh),
            price,
            TradeStatus.CONFIRMED,
            T);
    return new ReconciledTrade(t, new BigDecimal(buyer), new BigDecimal(seller));
  }

  private static void sameAsTheLine(ReconciledTrade r, String expected) {
    BigDecimal line = CALCULATOR.settle(r).amount(SettlementLineType.ENERGY, Payee.BUYER);
    assertEquals(new BigDecimal(expected), line);
    assertEquals(line, CALCULATOR.energyPaidByBuyer(r));
  }

  @Test
  void roundsHalfUpToThePaisaAsTheLineDoes() {
    sameAsTheLine(rec("1", UnitPrice.inr("0.5"), "0.01", "0.01"), "0.01");
    sameAsTheLine(rec("1", UnitPrice.inr("0.25"), "0.02", "0.03"), "0.01");
    sameAsTheLine(rec("1", UnitPrice.inr("0.25"), "0.06", "0.03"), "0.01");
    sameAsTheLine(rec("5", UnitPrice.inr("6.50"), "4.50", "3.89"), "25.29");
    sameAsTheLine(rec("4.2", UnitPrice.inr("6.125"), "4.2", "4.20"), "25.73");
  }

  @Test
  void zeroAndVeryLargeAmountsKeepThePaisaScale() {
    sameAsTheLine(rec("3", UnitPrice.inr("6.25"), "0", "2.5"), "0.00");
    sameAsTheLine(rec("3", UnitPrice.inr("0"), "2.5", "2.5"), "0.00");
    sameAsTheLine(
        rec(
            "99999999999999999999.99",
            UnitPrice.inr("12345678901234.565"),
            "99999999999999999999.99",
            "99999999999999999999.99"),
        "1234567890123456499999876543210987.65");
  }

  /** Small amounts are built once and shared; each must still be its number of paise, scale 2. */
  @Test
  void anAmountInPaiseIsThatManyPaiseBuiltOnceOrNot() {
    for (int round = 0; round < 2; round++) {
      for (long p = -5; p < SettlementCalculator.CACHED_PAISE + 5; p++) {
        assertEquals(BigDecimal.valueOf(p, 2), SettlementCalculator.paise(p));
      }
      for (long p : new long[] {Long.MIN_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE}) {
        assertEquals(BigDecimal.valueOf(p, 2), SettlementCalculator.paise(p));
      }
    }
  }

  @Test
  void aCurrencyWithoutPaiseFailsAsTheSettlementDoes() {
    ReconciledTrade yen =
        rec("1", new UnitPrice(new BigDecimal("6.25"), Currency.getInstance("JPY")), "1", "1");
    IllegalArgumentException settled =
        assertThrows(IllegalArgumentException.class, () -> CALCULATOR.settle(yen));
    IllegalArgumentException netted =
        assertThrows(IllegalArgumentException.class, () -> CALCULATOR.energyPaidByBuyer(yen));
    assertEquals(settled.getMessage(), netted.getMessage());
  }

  /**
   * Every line's amount, taken on unscaled {@code long}s where it can be, is the {@code BigDecimal}
   * product rounded once, value and scale: on random quantities and rates of 1 to 20 digits and
   * scales from -3 to 20, of either sign, and on the edges of the {@code long} path.
   */
  @Test
  void amountIsTheProductRoundedOnceToThePaisa() {
    Random random = new Random(41);
    for (int i = 0; i < 200_000; i++) {
      assertAmount(randomDecimal(random), randomDecimal(random));
    }
    String[][] edges = {
      {"0.005", "1"},
      {"0.015", "1"},
      {"-0.005", "1"},
      {"0.004999", "1"},
      {"2.5", "0.21"},
      {"999999999999999", "9"},
      {"99999999999999.9", "99999999999.9999"},
      {"0.999999999999999", "0.999999999999999"},
      {"1000000000000000", "1"},
      {"-4294967296", "2147483648"},
      {"4294967296", "-2147483648"},
      {"4294967296", "2147483648"},
      {"3037000499.97605", "3037000499.97605"},
      {"1E+3", "0.21"},
      {"0.000", "6.25"},
      {"7", "0E-5"},
      {"12.5", "0.1"},
      {"0.5", "0.01"},
      {"0.05", "0.1"},
      {"-0.05", "0.1"},
      {"92233720368.54775807", "1"}
    };
    for (String[] e : edges) {
      assertAmount(new BigDecimal(e[0]), new BigDecimal(e[1]));
      assertAmount(new BigDecimal(e[1]), new BigDecimal(e[0]));
    }
  }

  private static void assertAmount(BigDecimal kwh, BigDecimal rate) {
    assertEquals(
        MoneyRounding.toPaisa(kwh.multiply(rate)),
        SettlementCalculator.amount(kwh, rate),
        () -> kwh + " x " + rate);
  }

  private static BigDecimal randomDecimal(Random random) {
    int digits = 1 + random.nextInt(20);
    BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
    if (random.nextInt(8) == 0) {
      unscaled = unscaled.negate();
    }
    int scale = random.nextInt(4) == 0 ? random.nextInt(24) - 3 : random.nextInt(6);
    return new BigDecimal(unscaled, scale);
  }
}
