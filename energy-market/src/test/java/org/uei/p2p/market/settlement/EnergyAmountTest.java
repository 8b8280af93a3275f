package org.uei.p2p.market.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
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
}
