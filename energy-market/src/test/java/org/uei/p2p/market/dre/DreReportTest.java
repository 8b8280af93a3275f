package org.uei.p2p.market.dre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.settlement.Figures;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * November 2026, computed by hand. Counted (credited to the buyer's DISCOM): TPDDL (DL) 3.20 + 4.00
 * + 2.00 = 9.20 kWh from Agra, Meerut and Noida rooftops; BRPL (DL) 1.50 from Agra; PVVNL (UP) 0.75
 * from Noida. Total 11.45 kWh in 5 trades. Left out: a 12 MW plant (not DRE), a meter that is no
 * rooftop solar plant, a slot of 1 December 06:00 IST (still 30 November in UTC), one of 31
 * October, a trade that settled 0.
 */
class DreReportTest {
  private static final Map<String, BigDecimal> PLANTS =
      Map.of(
          "AGR",
          new BigDecimal("5"),
          "MRT",
          new BigDecimal("10"),
          "NOI",
          new BigDecimal("8"),
          "BIG",
          new BigDecimal("12000"));
  private final SettlementCalculator calc = new SettlementCalculator(SettlementPolicy.pilot());

  private TradeSettlement trade(
      String id,
      String seller,
      String sellerDiscom,
      String buyer,
      String buyerDiscom,
      String istSlot,
      String settled) {
    Instant start = LocalDateTime.parse(istSlot).atZone(Figures.IST).toInstant();
    Trade t =
        new Trade(
            id,
            "bap",
            "bpp",
            new MeterPoint(buyer, buyerDiscom),
            new MeterPoint(seller, sellerDiscom),
            DeliverySlot.hourStarting(start),
            new BigDecimal("5"),
            UnitPrice.inr("6.00"),
            TradeStatus.COMPLETED,
            start);
    return calc.settle(new ReconciledTrade(t, new BigDecimal(settled), new BigDecimal(settled)));
  }

  @Test
  void aMonthByHand() throws IOException {
    List<TradeSettlement> month =
        List.of(
            trade("t1", "AGR", "PVVNL", "DL-1", "TPDDL", "2026-11-25T10:00", "3.2"),
            trade("t2", "MRT", "PVVNL", "DL-2", "TPDDL", "2026-11-25T11:00", "4"),
            trade("t3", "NOI", "PVVNL", "DL-3", "TPDDL", "2026-11-25T12:00", "2.00"),
            trade("t4", "AGR", "PVVNL", "DL-9", "BRPL", "2026-11-30T17:00", "1.5"),
            trade("t5", "NOI", "PVVNL", "UP-7", "PVVNL", "2026-11-02T09:00", "0.75"),
            trade("x1", "BIG", "PVVNL", "DL-1", "TPDDL", "2026-11-26T10:00", "5"),
            trade("x2", "WIND", "PVVNL", "DL-1", "TPDDL", "2026-11-26T11:00", "5"),
            trade("x3", "AGR", "PVVNL", "DL-1", "TPDDL", "2026-12-01T06:00", "5"),
            trade("x4", "AGR", "PVVNL", "DL-1", "TPDDL", "2026-10-31T17:00", "5"),
            trade("x5", "MRT", "PVVNL", "DL-2", "TPDDL", "2026-11-27T11:00", "0"));
    DreReport dre =
        new DreReport(
            meter -> Optional.ofNullable(PLANTS.get(meter)),
            SettlementPolicy.pilot().discomStates()::get);
    DreReport.Report r = dre.of(YearMonth.of(2026, 11), month);

    assertEquals(3, r.figures().size());
    DreReport.Figure tpddl = r.figures().get(1);
    assertEquals("TPDDL", tpddl.discomId());
    assertEquals("DL", tpddl.stateCode());
    assertEquals(0, new BigDecimal("9.20").compareTo(tpddl.settledKwh()));
    assertEquals(List.of("AGR", "MRT", "NOI"), List.copyOf(tpddl.rooftopMeters()));
    assertEquals(List.of("DL-1", "DL-2", "DL-3"), List.copyOf(tpddl.buyerMeters()));
    assertEquals(0, new BigDecimal("11.45").compareTo(r.totalKwh()));

    StringBuilder csv = new StringBuilder();
    DreReport.writeCsv(r, csv);
    assertEquals(
        DreReport.CSV_HEADER
            + "\n"
            + "2026-11,BRPL,DL,t4,2026-11-30T11:30:00Z,AGR,PVVNL,UP,DL-9,1.50\n"
            + "2026-11,TPDDL,DL,t1,2026-11-25T04:30:00Z,AGR,PVVNL,UP,DL-1,3.20\n"
            + "2026-11,TPDDL,DL,t2,2026-11-25T05:30:00Z,MRT,PVVNL,UP,DL-2,4.00\n"
            + "2026-11,TPDDL,DL,t3,2026-11-25T06:30:00Z,NOI,PVVNL,UP,DL-3,2.00\n"
            + "2026-11,PVVNL,UP,t5,2026-11-02T03:30:00Z,NOI,PVVNL,UP,UP-7,0.75\n",
        csv.toString());

    assertEquals(
        """
        DRE report 2026-11: settled P2P kWh from rooftop solar below 10 MW, credited to the consuming DISCOM
        state  DISCOM    settled kWh  trades  rooftop meters
        DL     BRPL             1.50       1  AGR
        DL     TPDDL            9.20       3  AGR, MRT, NOI
        UP     PVVNL            0.75       1  NOI
        total                  11.45       5
        """,
        DreReport.summary(r));
  }
}
