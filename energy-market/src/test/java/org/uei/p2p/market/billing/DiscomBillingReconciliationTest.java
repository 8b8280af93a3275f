package org.uei.p2p.market.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

class DiscomBillingReconciliationTest {
  private final InMemoryMeterDirectory meters =
      new InMemoryMeterDirectory(
          List.of(
              new MeterInfo("CA-1", "BRPL", "ACC-100", "DL", BigDecimal.ZERO, BigDecimal.TEN),
              new MeterInfo("DER-9", "PVVNL", "ACC-900", "UP", BigDecimal.TEN, BigDecimal.ONE),
              new MeterInfo("DER-8", "BRPL", "ACC-050", "DL", BigDecimal.TEN, BigDecimal.ONE)));
  private final SettlementCalculator calc =
      new SettlementCalculator(
          SettlementPolicy.pilot()
              .withTariffs(Map.of("BRPL", new BigDecimal("7.00"), "PVVNL", new BigDecimal("5.75")))
              .withNetworkCharges(Map.of("PVVNL->BRPL", new BigDecimal("0.30")), Map.of()));

  private TradeSettlement settle(
      String id,
      String seller,
      String sellerDiscom,
      String slotStart,
      String buyerKwh,
      String sellerKwh) {
    Trade t =
        new Trade(
            id,
            "bap",
            "bpp",
            new MeterPoint("CA-1", "BRPL"),
            new MeterPoint(seller, sellerDiscom),
            DeliverySlot.hourStarting(Instant.parse(slotStart)),
            new BigDecimal("5"),
            UnitPrice.inr("6.00"),
            TradeStatus.COMPLETED,
            Instant.parse(slotStart).minusSeconds(40_000));
    return calc.settle(new ReconciledTrade(t, new BigDecimal(buyerKwh), new BigDecimal(sellerKwh)));
  }

  @Test
  void monthlyLinesPerAccountWithChargesOwedToTheDiscom() throws IOException {
    List<TradeSettlement> all =
        List.of(
            settle("t1", "DER-9", "PVVNL", "2026-02-10T04:30:00Z", "5", "3.89"),
            settle("t2", "DER-9", "PVVNL", "2026-02-11T04:30:00Z", "2.50", "5"),
            settle("t3", "DER-8", "BRPL", "2026-02-12T04:30:00Z", "5", "4"),
            // 1 March 06:00 IST is still 28 Feb in UTC: the month is read in IST
            settle("t4", "DER-9", "PVVNL", "2026-03-01T00:30:00Z", "5", "5"));
    DiscomBillingReconciliation rec = new DiscomBillingReconciliation(meters, TradingRules.IST);
    List<BillingLine> brpl = rec.reconcile("BRPL", YearMonth.of(2026, 2), all);
    assertEquals(2, brpl.size());
    BillingLine seller = brpl.get(0);
    assertEquals("ACC-050", seller.accountId());
    assertEquals(new BigDecimal("4"), seller.soldKwh());
    assertEquals(new BigDecimal("7.00"), seller.deviation(), "1 kWh short x 7.00");
    BillingLine buyer = brpl.get(1);
    assertEquals("ACC-100", buyer.accountId());
    assertEquals(new BigDecimal("10.39"), buyer.boughtKwh(), "3.89 + 2.50 + 4");
    assertEquals(
        new BigDecimal("1.92"),
        buyer.wheeling(),
        "1.17 (3.89 x 0.30) + 0.75 (2.50 x 0.30); none inside BRPL");
    assertEquals(new BigDecimal("17.50"), buyer.deviation(), "t2: 2.50 kWh short x 7.00");
    assertEquals(new BigDecimal("19.42"), buyer.totalCharges());
    assertEquals(3, buyer.trades());

    List<BillingLine> pvvnl = rec.reconcile("PVVNL", YearMonth.of(2026, 2), all);
    assertEquals(new BigDecimal("6.39"), pvvnl.get(0).soldKwh());
    assertEquals(new BigDecimal("6.38"), pvvnl.get(0).deviation(), "t1: 1.11 x 5.75 = 6.3825");
    assertEquals(1, rec.reconcile("PVVNL", YearMonth.of(2026, 3), all).get(0).trades());

    StringBuilder csv = new StringBuilder();
    DiscomBillingReconciliation.writeCsv(brpl, csv);
    assertEquals(
        DiscomBillingReconciliation.CSV_HEADER
            + "\n"
            + "ACC-050,DER-8,2026-02,0.00,4.00,0.00,0.00,0.00,7.00,0.00,7.00,1\n"
            + "ACC-100,CA-1,2026-02,10.39,0.00,0.00,1.92,0.00,17.50,0.00,19.42,3\n",
        csv.toString());
  }

  @Test
  void unknownMeterIsAnError() {
    List<TradeSettlement> all =
        List.of(settle("t1", "DER-X", "PVVNL", "2026-02-10T04:30:00Z", "5", "5"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new DiscomBillingReconciliation(meters, TradingRules.IST)
                    .reconcile("PVVNL", YearMonth.of(2026, 2), all));
    assertEquals(
        "meter DER-X of DISCOM PVVNL has no account in the meter directory", e.getMessage());
  }
}
