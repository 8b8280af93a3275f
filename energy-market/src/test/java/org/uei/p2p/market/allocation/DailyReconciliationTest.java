package org.uei.p2p.market.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.billing.DiscomBillingReconciliation;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.InMemoryMeterReadingStore;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.settlement.PlatformNetting;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.MeterReading;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * The streaming pass against the list-based API it replaces in a month run: for random markets
 * (several DISCOMs, meters that buy and sell in one slot, self trades, cancelled trades, a DISCOM
 * outside the pass, slots across UTC days) the same trades reconcile to the same quantities, and
 * settling them as they come nets and bills exactly what settling the kept list does.
 */
class DailyReconciliationTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Instant T0 = Instant.parse("2026-02-27T16:30:00Z");
  private static final String[] DISCOMS = {"BRPL", "PVVNL", "TPDDL"};
  private static final String[] QUANTITIES = {"1", "2.50", "0.75", "3.125", "4.2"};
  private static final String[] ENERGY = {"0", "0.00", "1.5", "2.75", "6.125", "10"};
  private static final SettlementPolicy POLICY =
      SettlementPolicy.pilot()
          .withTariffs(Map.of("BRPL", new BigDecimal("7.00"), "PVVNL", new BigDecimal("5.75")))
          .withNetworkCharges(
              Map.of(SettlementPolicy.pairKey("PVVNL", "BRPL"), new BigDecimal("0.35")),
              Map.of(SettlementPolicy.pairKey("UP", "DL"), new BigDecimal("0.12")));

  private record Market(
      List<Trade> trades, InMemoryMeterReadingStore store, InMemoryMeterDirectory directory) {}

  private static Market market(Random random) {
    InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
    InMemoryMeterDirectory directory = new InMemoryMeterDirectory();
    int meterCount = 3 + random.nextInt(6);
    MeterPoint[] meters = new MeterPoint[meterCount];
    for (int m = 0; m < meterCount; m++) {
      String discom = DISCOMS[random.nextInt(DISCOMS.length)];
      meters[m] = new MeterPoint("M-" + m, discom);
      directory.put(
          new MeterInfo(
              "M-" + m,
              discom,
              "ACC-" + (meterCount - m),
              discom.equals("PVVNL") ? "UP" : "DL",
              BigDecimal.ONE,
              BigDecimal.ONE));
      for (int h = 0; h < 40; h++) {
        if (random.nextInt(8) > 0) {
          store.put(
              new MeterReading(
                  "M-" + m,
                  T0.plusSeconds(3600L * h),
                  60,
                  new BigDecimal(ENERGY[random.nextInt(ENERGY.length)]),
                  new BigDecimal(ENERGY[random.nextInt(ENERGY.length)])));
        }
      }
    }
    List<Trade> trades = new ArrayList<>();
    int count = random.nextInt(60);
    for (int i = 0; i < count; i++) {
      MeterPoint buyer = meters[random.nextInt(meterCount)];
      MeterPoint seller = random.nextInt(15) == 0 ? buyer : meters[random.nextInt(meterCount)];
      DeliverySlot slot = DeliverySlot.hourStarting(T0.plusSeconds(3600L * random.nextInt(40)));
      TradeStatus status = random.nextInt(12) == 0 ? TradeStatus.CANCELLED : TradeStatus.CONFIRMED;
      trades.add(
          new Trade(
              "T-" + i,
              "bap-" + random.nextInt(2),
              "bpp-" + random.nextInt(2),
              buyer,
              seller,
              slot,
              new BigDecimal(QUANTITIES[random.nextInt(QUANTITIES.length)]),
              UnitPrice.inr(random.nextBoolean() ? "6.25" : "5.5"),
              status,
              T0.minusSeconds(60L * random.nextInt(5))));
    }
    return new Market(trades, store, directory);
  }

  @Test
  void streamingPassMatchesAllocationRunsAndReconciliation() {
    Random random = new Random(42);
    long reconciled = 0;
    long left = 0;
    for (int round = 0; round < 400; round++) {
      Market market = market(random);
      AllocationMethod method =
          random.nextBoolean() ? AllocationMethod.PRO_RATA : AllocationMethod.FIFO;
      List<String> discoms =
          random.nextInt(4) == 0 ? List.of("PVVNL", "BRPL") : List.of("BRPL", "PVVNL", "TPDDL");
      SlotAggregator aggregator = new SlotAggregator(market.store());

      TradeReconciliation reconciliation = new TradeReconciliation();
      market.trades().forEach(reconciliation::expect);
      DiscomAllocationRun run = new DiscomAllocationRun(aggregator, method);
      for (String discom : discoms) {
        reconciliation.recordAll(run.allocate(discom, market.trades()));
      }
      List<ReconciledTrade> expected = reconciliation.reconciledTrades();

      List<ReconciledTrade> streamed = new ArrayList<>();
      DailyReconciliation.Summary summary =
          new DailyReconciliation(aggregator, method, discoms).run(market.trades(), streamed::add);

      assertEquals(byId(expected), byId(streamed), "round " + round);
      assertEquals(expected.size(), summary.reconciled());
      reconciled += summary.reconciled();
      left += summary.unreconciled().size();
      assertEquals(
          reconciliation.awaiting().keySet(),
          summary.unreconciled().stream().map(Trade::tradeId).collect(Collectors.toSet()));

      SettlementCalculator calculator = new SettlementCalculator(POLICY);
      List<TradeSettlement> kept = expected.stream().map(calculator::settle).toList();
      PlatformNetting netting = new PlatformNetting(POLICY);
      Instant from = T0.minusSeconds(3600);
      PlatformNetting.Accumulator nets =
          netting.accumulator(from, from.plusSeconds(30 * 3600), from);
      DiscomBillingReconciliation billing =
          new DiscomBillingReconciliation(market.directory(), IST);
      YearMonth march = YearMonth.of(2026, 3);
      DiscomBillingReconciliation.Accumulator bills = billing.accumulator("BRPL", march);
      streamed.forEach(
          r -> {
            TradeSettlement s = calculator.settle(r);
            nets.add(s);
            bills.add(s);
          });
      assertEquals(netting.net(kept, from, from.plusSeconds(30 * 3600), from), nets.result());
      assertEquals(billing.reconcile("BRPL", march, kept), bills.lines());
    }
    assertTrue(reconciled > 5_000 && left > 500, reconciled + " reconciled, " + left + " left");
  }

  @Test
  void aMonthIsHandedOnDayByDay() {
    Market market = market(new Random(5));
    List<Long> days = new ArrayList<>();
    new DailyReconciliation(
            new SlotAggregator(market.store()), AllocationMethod.PRO_RATA, List.of(DISCOMS))
        .run(
            market.trades(),
            r -> days.add(Math.floorDiv(r.trade().slot().start().getEpochSecond(), 86_400)));
    List<Long> sorted = new ArrayList<>(days);
    sorted.sort(null);
    assertEquals(sorted, days);
    assertTrue(days.size() > 1);
  }

  private static Map<String, ReconciledTrade> byId(List<ReconciledTrade> trades) {
    Map<String, ReconciledTrade> out = new HashMap<>();
    trades.forEach(r -> out.put(r.trade().tradeId(), r));
    return out;
  }
}
