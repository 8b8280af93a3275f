package org.uei.p2p.market.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.InMemoryMeterReadingStore;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

class AllocationTest {
  private static final Instant T = Instant.parse("2026-02-10T04:30:00Z");
  private static final DeliverySlot SLOT = DeliverySlot.hourStarting(T);

  private static Trade trade(String id, String buyer, String seller, String kwh, int agreedMinute) {
    return new Trade(
        id,
        "bap",
        "bpp",
        new MeterPoint(buyer, "BRPL"),
        new MeterPoint(seller, "PVVNL"),
        SLOT,
        new BigDecimal(kwh),
        UnitPrice.inr("6"),
        TradeStatus.CONFIRMED,
        T.minusSeconds(36_000 - agreedMinute * 60L));
  }

  private static SlotEnergy energy(String meter, String importKwh, String exportKwh) {
    return new SlotEnergy(meter, SLOT, new BigDecimal(importKwh), new BigDecimal(exportKwh), 60);
  }

  private static List<String> kwh(List<Allocation> allocations) {
    List<String> out = new ArrayList<>();
    allocations.forEach(a -> out.add(a.allocatedKwh().toPlainString()));
    return out;
  }

  private static BigDecimal total(List<Allocation> allocations) {
    return allocations.stream()
        .map(Allocation::allocatedKwh)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void proRataWorkedExampleFivePlusFourInjectingSeven() {
    List<Trade> trades =
        List.of(trade("a", "CA-1", "DER-9", "5", 0), trade("b", "CA-2", "DER-9", "4", 1));
    List<Allocation> a =
        new MeterAllocator(AllocationMethod.PRO_RATA).allocate(energy("DER-9", "0", "7"), trades);
    assertEquals(List.of("3.89", "3.11"), kwh(a));
    assertEquals(TradeSide.SELLER, a.get(0).side());
  }

  @Test
  void fifoWorkedExampleFivePlusFourWithEight() {
    // agreed order is b before a: FIFO must serve by agreement time, not list order
    List<Trade> trades =
        new ArrayList<>(
            List.of(trade("b", "CA-2", "DER-9", "4", 1), trade("a", "CA-1", "DER-9", "5", 0)));
    List<Allocation> a =
        new MeterAllocator(AllocationMethod.FIFO).allocate(energy("DER-9", "0", "8"), trades);
    assertEquals("a", a.get(0).tradeId());
    assertEquals(List.of("5.00", "3.00"), kwh(a));
  }

  @Test
  void fullDeliveryAllocatesEveryTradeInFull() {
    List<Trade> trades =
        List.of(trade("a", "CA-1", "DER-9", "5", 0), trade("b", "CA-2", "DER-9", "4", 1));
    assertEquals(
        List.of("5.00", "4.00"),
        kwh(
            new MeterAllocator(AllocationMethod.PRO_RATA)
                .allocate(energy("DER-9", "0", "9.50"), trades)));
    assertEquals(
        List.of("5.00", "4.00"),
        kwh(new MeterAllocator(AllocationMethod.FIFO).allocate(energy("DER-9", "0", "9"), trades)));
  }

  @Test
  void roundingNeverCreatesEnergy() {
    List<Trade> three =
        List.of(
            trade("a", "CA-1", "DER-9", "1", 0),
            trade("b", "CA-2", "DER-9", "1", 1),
            trade("c", "CA-3", "DER-9", "1", 2));
    List<Allocation> a =
        new MeterAllocator(AllocationMethod.PRO_RATA)
            .allocate(energy("DER-9", "0", "2.005"), three);
    assertEquals(List.of("0.67", "0.67", "0.66"), kwh(a));
    assertEquals(new BigDecimal("2.00"), total(a));
    for (int metered = 1; metered < 300; metered += 7) {
      BigDecimal m = new BigDecimal(metered).movePointLeft(2).add(new BigDecimal("1.3333"));
      List<Allocation> each =
          new MeterAllocator(AllocationMethod.PRO_RATA)
              .allocate(energy("DER-9", "0", m.toPlainString()), three);
      assertTrue(total(each).compareTo(m) <= 0, "allocated " + total(each) + " > metered " + m);
    }
  }

  @Test
  void buyerSideUsesNetDrawal() {
    List<Trade> trades =
        List.of(trade("a", "CA-1", "DER-8", "3", 0), trade("b", "CA-1", "DER-9", "2", 1));
    List<Allocation> a =
        new MeterAllocator(AllocationMethod.PRO_RATA)
            .allocate(energy("CA-1", "4.5", "0.5"), trades);
    assertEquals(List.of("2.40", "1.60"), kwh(a));
    assertEquals(TradeSide.BUYER, a.get(0).side());
  }

  @Test
  void energyFlowingTheWrongWayAllocatesNothing() {
    List<Trade> trades = List.of(trade("a", "CA-1", "DER-9", "5", 0));
    assertEquals(
        List.of("0.00"),
        kwh(
            new MeterAllocator(AllocationMethod.PRO_RATA)
                .allocate(energy("DER-9", "2", "0"), trades)));
    assertEquals(
        List.of("0.00"),
        kwh(new MeterAllocator(AllocationMethod.FIFO).allocate(energy("DER-9", "2", "0"), trades)));
  }

  @Test
  void meterThatBuysAndSellsIsNetted() {
    // sells 5, buys 3: contracted net export 2; measured net export 1 -> half of each side
    // delivered
    List<Trade> trades =
        List.of(trade("s", "CA-1", "DER-9", "5", 0), trade("b", "DER-9", "DER-7", "3", 1));
    List<Allocation> a =
        new MeterAllocator(AllocationMethod.PRO_RATA).allocate(energy("DER-9", "1", "2"), trades);
    assertEquals(
        Map.of("b", new BigDecimal("1.50"), "s", new BigDecimal("2.50")),
        Map.of(
            a.get(0).tradeId(),
            a.get(0).allocatedKwh(),
            a.get(1).tradeId(),
            a.get(1).allocatedKwh()));
  }

  @Test
  void tradesOfAnotherMeterOrSlotAreRefused() {
    MeterAllocator allocator = new MeterAllocator(AllocationMethod.PRO_RATA);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            allocator.allocate(
                energy("DER-X", "0", "1"), List.of(trade("a", "CA-1", "DER-9", "1", 0))));
  }

  @Test
  void settledQuantityIsTheMinimumOfBothSides() {
    Trade t = trade("a", "CA-1", "DER-9", "5", 0);
    TradeReconciliation rec = new TradeReconciliation();
    rec.expect(t);
    rec.record(
        new Allocation("a", TradeSide.SELLER, "DER-9", t.quantityKwh(), new BigDecimal("3.89")));
    assertEquals(Optional.empty(), rec.reconciled("a"));
    assertEquals(Map.of("a", List.of(TradeSide.BUYER)), rec.awaiting());
    rec.record(
        new Allocation("a", TradeSide.BUYER, "CA-1", t.quantityKwh(), new BigDecimal("4.50")));
    ReconciledTrade r = rec.reconciled("a").orElseThrow();
    assertEquals(new BigDecimal("3.89"), r.settledKwh());
    assertEquals(new BigDecimal("1.11"), r.unsettledKwh());
    assertEquals(Optional.of(TradeSide.SELLER), r.shortfallSide());
    // the buyer's DISCOM corrects its data: the newer report replaces the older
    rec.record(
        new Allocation("a", TradeSide.BUYER, "CA-1", t.quantityKwh(), new BigDecimal("2.00")));
    assertEquals(new BigDecimal("2.00"), rec.reconciled("a").orElseThrow().settledKwh());
    assertEquals(Optional.of(TradeSide.BUYER), rec.reconciled("a").orElseThrow().shortfallSide());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            rec.record(
                new Allocation("a", TradeSide.BUYER, "CA-2", t.quantityKwh(), BigDecimal.ONE)));
  }

  @Test
  void discomRunAllocatesOnlyItsOwnSideFromImportedData() throws IOException {
    InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
    MeterDataImporter importer =
        new MeterDataImporter(
            new InMemoryMeterDirectory(
                List.of(
                    new MeterInfo(
                        "DER-9", "PVVNL", "A9", "UP", new BigDecimal("10"), BigDecimal.ONE),
                    new MeterInfo("CA-1", "BRPL", "A1", "DL", BigDecimal.ZERO, BigDecimal.TEN))),
            store,
            TradingRules.IST);
    importer.importCsv(
        new StringReader(
            MeterDataImporter.CSV_HEADER
                + """

        DER-9,2026-02-10T10:00:00+05:30,15,0,2
        DER-9,2026-02-10T10:15:00+05:30,15,0,2
        DER-9,2026-02-10T10:30:00+05:30,30,0,3
        CA-1,2026-02-10T10:00:00+05:30,60,9,0
        """));
    List<Trade> trades =
        List.of(
            trade("a", "CA-1", "DER-9", "5", 0),
            trade("b", "CA-2", "DER-9", "4", 1),
            trade("c", "CA-1", "DER-9", "1", 2).withStatus(TradeStatus.CANCELLED));
    DiscomAllocationRun run =
        new DiscomAllocationRun(new SlotAggregator(store), AllocationMethod.PRO_RATA);
    List<Allocation> seller = run.allocate("PVVNL", trades);
    assertEquals(List.of("3.89", "3.11"), kwh(seller));
    List<Allocation> buyer = run.allocate("BRPL", trades);
    // CA-2 has no meter data: its side allocates nothing
    assertEquals(List.of("5.00", "0.00"), kwh(buyer));
    TradeReconciliation rec = new TradeReconciliation();
    trades.forEach(rec::expect);
    rec.recordAll(seller);
    rec.recordAll(buyer);
    assertEquals(new BigDecimal("3.89"), rec.reconciled("a").orElseThrow().settledKwh());
    assertEquals(new BigDecimal("0.00"), rec.reconciled("b").orElseThrow().settledKwh());
    assertEquals(2, rec.reconciledTrades().size());
  }
}
