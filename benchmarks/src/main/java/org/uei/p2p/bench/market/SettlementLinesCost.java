package org.uei.p2p.bench.market;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.allocation.DailyReconciliation;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.meter.InMemoryMeterReadingStore;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.settlement.PlatformNetting;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.TradeSettlement;

/**
 * What building every trade's settlement costs by itself, apart from import and allocation: the
 * reconciled trades of the first three days of the {@code --hourly} market of {@link
 * StateScaleSettlement} (10,000 meters) are kept in memory, then settled again and again as a
 * month's worth (1.8 M trades), each {@code TradeSettlement} netted and its lines counted as the
 * {@code --settlements} sink does. Prints, per pass, this thread's CPU time and the bytes it
 * allocated per trade. Argument: {@code [passes]} (default 10).
 */
public final class SettlementLinesCost {
  private static final int DAYS = 3;
  private static final long MONTH_TRADES = 1_800_000;

  private SettlementLinesCost() {}

  /** Runs the passes and prints one line each, then the best and the median. */
  public static void main(String[] args) throws IOException {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    StateScaleMarket market = new StateScaleMarket(10_000, true);
    List<ReconciledTrade> reconciled = new ArrayList<>();
    for (int d = 0; d < DAYS; d++) {
      InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
      market.writeDay(d);
      MeterDataImporter.forDailyRun(market.directory, store, StateScaleMarket.IST)
          .importCsv(new ByteArrayInputStream(market.csv(), 0, market.length()));
      new DailyReconciliation(
              new SlotAggregator(store),
              AllocationMethod.PRO_RATA,
              List.of(StateScaleMarket.SELLER_DISCOM, StateScaleMarket.BUYER_DISCOM))
          .run(market.trades(d), reconciled::add);
    }
    SettlementPolicy policy = SettlementPolicy.pilot();
    long repeats = Math.max(1, MONTH_TRADES / reconciled.size());
    long trades = repeats * reconciled.size();
    long[] cpu = new long[passes];
    for (int i = 0; i < passes; i++) {
      SettlementCalculator calculator = new SettlementCalculator(policy);
      PlatformNetting.Accumulator netting =
          new PlatformNetting(policy)
              .accumulator(market.dayStart(0), market.dayStart(DAYS), market.dayStart(DAYS + 1));
      long lines = 0;
      long bytes = threads.getCurrentThreadAllocatedBytes();
      long start = threads.getCurrentThreadCpuTime();
      for (long r = 0; r < repeats; r++) {
        for (ReconciledTrade t : reconciled) {
          TradeSettlement s = calculator.settle(t);
          netting.add(s);
          lines += s.lines().size();
        }
      }
      cpu[i] = threads.getCurrentThreadCpuTime() - start;
      bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
      if (netting.result().isEmpty()) {
        throw new IllegalStateException("nothing netted");
      }
      System.out.printf(
          Locale.ROOT,
          "pass %2d: %,d trades, %,d lines, thread cpu %,d ms, %d bytes allocated per trade%n",
          i + 1,
          trades,
          lines,
          cpu[i] / 1_000_000,
          bytes / trades);
    }
    long[] sorted = cpu.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "thread cpu per %,d trades: best %,d ms, median %,d ms%n",
        trades,
        sorted[0] / 1_000_000,
        sorted[passes / 2] / 1_000_000);
  }
}
