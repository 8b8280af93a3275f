package org.uei.p2p.bench.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.allocation.DailyReconciliation;
import org.uei.p2p.market.allocation.DiscomAllocationRun;
import org.uei.p2p.market.allocation.TradeReconciliation;
import org.uei.p2p.market.meter.ImportReport;
import org.uei.p2p.market.meter.InMemoryMeterReadingStore;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.market.settlement.PlatformNetAmount;
import org.uei.p2p.market.settlement.PlatformNetting;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.Trade;

/**
 * Where the time of {@link MarketMonthBenchmark#month} goes: runs the same steps as a plain program
 * and prints each phase's time per pass (wall / thread CPU / process CPU, ms), next to the bare
 * parse, so the phases of a change can be compared without a profiler. With {@code --check} it
 * first runs the month through the list-based API (String-per-row import, whole-month allocation
 * lists, {@link TradeReconciliation}, every settlement kept, then netted) and stops unless the
 * streaming month nets exactly the same amounts. After each month it runs the streaming pass twice
 * more over that month's store, to split allocation from settlement. Arguments: {@code [--check]
 * [passes [meters [days]]]} (default 4 10000 30).
 */
public final class MarketMonthPhases {
  private MarketMonthPhases() {}

  /** Generates the month once, then times {@code passes} passes. */
  public static void main(String[] args) throws Exception {
    boolean check = args.length > 0 && args[0].equals("--check");
    int first = check ? 1 : 0;
    int passes = args.length > first ? Integer.parseInt(args[first]) : 4;
    int meters = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 10_000;
    int days = args.length > first + 2 ? Integer.parseInt(args[first + 2]) : 30;
    MarketMonthBenchmark bench = new MarketMonthBenchmark();
    bench.meters = meters;
    bench.days = days;
    bench.generate();
    if (check) {
      PhaseTimer phases = new PhaseTimer();
      List<PlatformNetAmount> retained = listBased(bench, phases);
      List<PlatformNetAmount> streamed = bench.month();
      System.out.printf(Locale.ROOT, "list-based API: %s%n", phases);
      if (!retained.equals(streamed)) {
        throw new IllegalStateException("streaming month differs:\n" + retained + "\n" + streamed);
      }
      System.out.println("streaming month nets the same as the list-based API: " + streamed);
    }
    for (int pass = 1; pass <= passes; pass++) {
      PhaseTimer barePhases = new PhaseTimer();
      long bare = time(bench::bareParse);
      barePhases.mark("bare");
      System.gc();
      PhaseTimer phases = new PhaseTimer();
      long month = time(() -> bench.month(phases));
      System.out.printf(
          Locale.ROOT,
          "pass %d: month %d ms / bare %d ms = %.2fx; %s; %s; %s%n",
          pass,
          month,
          bare,
          (double) month / bare,
          barePhases,
          phases,
          split(bench));
      System.gc();
    }
  }

  /**
   * The streaming pass over the store the last month left, once handing each reconciled trade to a
   * counter and once settling it without netting: what allocation and reconciliation cost, and what
   * settling adds.
   */
  private static String split(MarketMonthBenchmark bench) {
    MarketMonth market = bench.market();
    InMemoryMeterReadingStore store = bench.lastStore();
    DailyReconciliation pass =
        new DailyReconciliation(
            new SlotAggregator(store),
            AllocationMethod.PRO_RATA,
            List.of(MarketMonth.SELLER_DISCOM, MarketMonth.BUYER_DISCOM));
    SettlementCalculator calculator = new SettlementCalculator(bench.policy());
    long[] lines = new long[1];
    PhaseTimer timer = new PhaseTimer();
    pass.run(market.trades, r -> lines[0]++);
    timer.mark("allocate+reconcile only");
    pass.run(market.trades, r -> lines[0] += calculator.settle(r).lines().size());
    timer.mark("allocate+reconcile+settle");
    return timer + (lines[0] > 0 ? "" : " (nothing settled)");
  }

  /** The month as the benchmark ran it before the streaming pass, on the same library. */
  private static List<PlatformNetAmount> listBased(MarketMonthBenchmark bench, PhaseTimer phases)
      throws IOException {
    MarketMonth market = bench.market();
    SettlementPolicy policy = bench.policy();
    InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
    MeterDataImporter importer = new MeterDataImporter(market.directory, store, TradingRules.IST);
    ImportReport report;
    try (BufferedReader in = Files.newBufferedReader(market.csv, StandardCharsets.UTF_8)) {
      report = importer.importCsv(in);
    }
    if (!report.clean() || report.added() != market.readings()) {
      throw new IllegalStateException("generated file did not import cleanly");
    }
    phases.mark("ingest");
    DiscomAllocationRun run =
        new DiscomAllocationRun(new SlotAggregator(store), AllocationMethod.PRO_RATA);
    TradeReconciliation reconciliation = new TradeReconciliation();
    List<Trade> trades = market.trades;
    trades.forEach(reconciliation::expect);
    reconciliation.recordAll(run.allocate(MarketMonth.SELLER_DISCOM, trades));
    reconciliation.recordAll(run.allocate(MarketMonth.BUYER_DISCOM, trades));
    phases.mark("allocate+reconcile");
    SettlementCalculator calculator = new SettlementCalculator(policy);
    List<TradeSettlement> settlements =
        reconciliation.reconciledTrades().stream().map(calculator::settle).toList();
    phases.mark("settle");
    Instant periodStart = trades.get(0).slot().start().minusSeconds(86_400);
    List<PlatformNetAmount> nets =
        new PlatformNetting(policy)
            .net(
                settlements,
                periodStart,
                periodStart.plusSeconds(40L * 86_400),
                periodStart.plusSeconds(32L * 86_400));
    phases.mark("net");
    return nets;
  }

  private static long time(Callable<?> task) throws Exception {
    long t0 = System.nanoTime();
    Object result = task.call();
    if (result == null || result instanceof List<?> l && l.isEmpty()) {
      throw new IOException("no result");
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
