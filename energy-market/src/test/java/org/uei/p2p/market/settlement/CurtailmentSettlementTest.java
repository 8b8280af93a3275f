package org.uei.p2p.market.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.allocation.MeterAllocator;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.billing.BillingLine;
import org.uei.p2p.market.billing.DiscomBillingReconciliation;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * A day with a curtailment, as in the demo: the Meerut school sold 5 kWh at ₹6.20 to a Delhi
 * clinic; PVVNL curtailed its injection by 1 kWh (congestion); the school injected 4.00 kWh and the
 * clinic drew 6.10. With deviation at ₹5.75 (PVVNL) and ₹7.00 (TPDDL), the seller would have owed 1
 * kWh × 5.75 = ₹5.75 for the DISCOM's own act; it owes nothing, and neither does the buyer.
 */
class CurtailmentSettlementTest {
  private static final Instant SLOT = Instant.parse("2026-11-25T05:30:00Z");
  private static final SettlementPolicy POLICY =
      SettlementPolicy.pilot()
          .withTariffs(Map.of("PVVNL", new BigDecimal("5.75"), "TPDDL", new BigDecimal("7.00")));
  private static final Trade TRADE =
      new Trade(
          "O-1/1",
          "bap",
          "bpp",
          new MeterPoint("DL-0102", "TPDDL"),
          new MeterPoint("UP-1002", "PVVNL"),
          DeliverySlot.hourStarting(SLOT),
          new BigDecimal("5"),
          UnitPrice.inr("6.20"),
          TradeStatus.CURTAILED,
          SLOT.minus(Duration.ofDays(1)));
  private static final Curtailment CUT =
      new Curtailment("O-1/1", TradeSide.SELLER, new BigDecimal("1"), "CONGESTION");

  /** Both sides allocated from the meters against the curtailed contract (4 kWh). */
  private static ReconciledTrade allocated() {
    Trade contract = TRADE.withQuantity(CUT.remainingOf(TRADE.quantityKwh()));
    MeterAllocator allocator = new MeterAllocator(AllocationMethod.PRO_RATA);
    BigDecimal seller =
        allocator
            .allocate(
                new SlotEnergy(
                    "UP-1002", TRADE.slot(), BigDecimal.ZERO, new BigDecimal("4.00"), 60),
                List.of(contract))
            .get(0)
            .allocatedKwh();
    BigDecimal buyer =
        allocator
            .allocate(
                new SlotEnergy(
                    "DL-0102", TRADE.slot(), new BigDecimal("6.10"), BigDecimal.ZERO, 60),
                List.of(contract))
            .get(0)
            .allocatedKwh();
    return new ReconciledTrade(TRADE, buyer, seller);
  }

  @Test
  void curtailedKwhAreNeitherChargedToTheSellerNorPaidByTheBuyer() throws IOException {
    ReconciledTrade r = allocated();
    assertEquals(0, new BigDecimal("4").compareTo(r.sellerKwh()));
    assertEquals(
        0, new BigDecimal("4").compareTo(r.buyerKwh()), "the buyer's side is allocated 4, not 5");
    TradeSettlement s = new SettlementCalculator(POLICY).settle(r, CUT);

    assertEquals(
        new BigDecimal("24.80"), s.amount(SettlementLineType.ENERGY, Payee.BUYER), "4 × 6.20");
    assertEquals(
        new BigDecimal("0.84"), s.amount(SettlementLineType.PLATFORM_FEE, Payee.BUYER), "4 × 0.21");
    assertEquals(
        BigDecimal.ZERO, s.amount(SettlementLineType.DEVIATION, Payee.SELLER), "not 1 × 5.75");
    assertEquals(BigDecimal.ZERO, s.amount(SettlementLineType.DEVIATION, Payee.BUYER));
    assertEquals(new BigDecimal("25.64"), s.paidBy(Payee.BUYER), "energy and fee on 4 kWh only");
    assertEquals(new BigDecimal("0.84"), s.paidBy(Payee.SELLER), "its fee on 4 kWh only");
    assertEquals(new BigDecimal("1"), s.curtailedKwh());

    // without the curtailment the same meter data makes the seller pay for the DISCOM's act
    TradeSettlement uncut =
        new SettlementCalculator(POLICY)
            .settle(new ReconciledTrade(TRADE, new BigDecimal("5"), new BigDecimal("4.00")));
    assertEquals(new BigDecimal("5.75"), uncut.amount(SettlementLineType.DEVIATION, Payee.SELLER));

    // both platforms' statements carry the curtailment and no deviation line
    SettlementStatement st =
        SettlementStatement.of(
            "bpp",
            List.of(s),
            SLOT.minus(Duration.ofHours(6)),
            SLOT.plus(Duration.ofHours(18)),
            SLOT.plus(Duration.ofDays(1)),
            new PlatformNetting(POLICY),
            SLOT);
    String json = StatementWriter.toJson(st);
    assertTrue(json.contains("\"curtailedKwh\" : 1.00"), json);
    assertTrue(json.contains("\"curtailmentReason\" : \"CONGESTION\""), json);
    assertTrue(!json.contains("DEVIATION"), json);
    StringBuilder csv = new StringBuilder();
    StatementWriter.toCsv(st, csv);
    assertEquals(
        "O-1/1,2026-11-25T05:30:00Z,2026-11-25T06:30:00Z,bap,bpp,1.00,ENERGY,BUYER,SELLER,4.00,6.20,24.80,INR",
        csv.toString().split("\n")[1]);
    assertEquals(new BigDecimal("24.80"), st.nets().get(0).amount());

    // and the billing file: curtailed kWh shown on both accounts, no charge for them
    InMemoryMeterDirectory meters =
        new InMemoryMeterDirectory(
            List.of(
                new MeterInfo("UP-1002", "PVVNL", "ACC-MRT", "UP", BigDecimal.TEN, BigDecimal.TEN),
                new MeterInfo(
                    "DL-0102", "TPDDL", "ACC-PTM", "DL", BigDecimal.ZERO, new BigDecimal("8"))));
    DiscomBillingReconciliation billing = new DiscomBillingReconciliation(meters, Figures.IST);
    List<BillingLine> pvvnl = billing.reconcile("PVVNL", YearMonth.of(2026, 11), List.of(s));
    List<BillingLine> tpddl = billing.reconcile("TPDDL", YearMonth.of(2026, 11), List.of(s));
    StringBuilder file = new StringBuilder();
    DiscomBillingReconciliation.writeCsv(pvvnl, file);
    DiscomBillingReconciliation.writeCsv(tpddl, file);
    assertEquals(
        DiscomBillingReconciliation.CSV_HEADER
            + "\n"
            + "ACC-MRT,UP-1002,2026-11,0.00,4.00,1.00,0.00,0.00,0.00,0.00,0.00,1\n"
            + DiscomBillingReconciliation.CSV_HEADER
            + "\n"
            + "ACC-PTM,DL-0102,2026-11,4.00,0.00,1.00,0.00,0.00,0.00,0.00,0.00,1\n",
        file.toString());
  }

  @Test
  void asTheDiscomsDeviationTheCurtailingDiscomPaysTheSellerItCurtailed() throws IOException {
    SettlementPolicy policy = POLICY.withCurtailment(CurtailmentTreatment.DISCOM_DEVIATION);
    TradeSettlement s = new SettlementCalculator(policy).settle(allocated(), CUT);
    assertEquals(BigDecimal.ZERO, s.amount(SettlementLineType.DEVIATION, Payee.SELLER));
    assertEquals(new BigDecimal("25.64"), s.paidBy(Payee.BUYER));
    assertEquals(
        new BigDecimal("5.75"),
        s.paidBy(Payee.SELLER_DISCOM),
        "1 kWh × PVVNL's 5.75, to the seller");
    InMemoryMeterDirectory meters =
        new InMemoryMeterDirectory(
            List.of(
                new MeterInfo(
                    "UP-1002", "PVVNL", "ACC-MRT", "UP", BigDecimal.TEN, BigDecimal.TEN)));
    BillingLine line =
        new DiscomBillingReconciliation(meters, Figures.IST)
            .reconcile("PVVNL", YearMonth.of(2026, 11), List.of(s))
            .get(0);
    assertEquals(new BigDecimal("5.75"), line.curtailmentCredit());
    assertEquals(new BigDecimal("-5.75"), line.totalCharges(), "a credit on the seller's bill");
  }
}
