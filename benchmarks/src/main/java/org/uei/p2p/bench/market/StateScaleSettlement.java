package org.uei.p2p.bench.market;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.allocation.DiscomAllocationRun;
import org.uei.p2p.market.allocation.TradeReconciliation;
import org.uei.p2p.market.meter.InMemoryMeterReadingStore;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.settlement.DailySettlementRun;
import org.uei.p2p.market.settlement.PlatformNetAmount;
import org.uei.p2p.market.settlement.PlatformNetting;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.model.trade.Trade;

/**
 * Settlement at state scale: {@code meters} meters × 96 fifteen-minute blocks × {@code days} days
 * of MDMS data and their trades ({@link StateScaleMarket}), generated one day at a time into a
 * reused buffer and settled by {@link DailySettlementRun}, next to the bare pass over the same
 * bytes (read lines, split, sum both energy columns as {@code BigDecimal}, as {@link
 * MarketMonthBenchmark#bareParse} does). Generation is timed apart and counted in neither.
 *
 * <p>{@code --hourly} gives the shape of {@link MarketMonthBenchmark} instead: 60-minute blocks for
 * the 12 traded hours only, every block traded.
 *
 * <p>Each pass is timed as wall time, this thread's CPU and the process's CPU (collector and
 * compiler threads included): on a machine shared with other work, wall time measures the others
 * too.
 *
 * <p>After each day it records the heap's peak (sum of the heap pools' peaks over the day) and,
 * after a {@code System.gc()} outside the timed parts, what the heap still holds: the memory the
 * run keeps between days, which must not grow with them. It ends with one line per goal of issue
 * #23 saying met or MISSED. Arguments: {@code [--check] [--hourly] [--settlements] [meters [days]]}
 * (default 10000 30); {@code --check} first settles the same days through the list-based path and
 * stops unless the netting is the same; {@code --settlements} settles through the overload that
 * builds every trade's {@code TradeSettlement} and hands it on (here its lines are counted), as a
 * node recording each trade's settlement does, instead of the netting-only one.
 */
public final class StateScaleSettlement {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final double RATIO_LIMIT = 2.0;
  private static final long MONTH_LIMIT_MS = 5 * 60 * 1000;

  private StateScaleSettlement() {}

  /** Runs the period and prints per-day figures, the totals and the goal lines. */
  public static void main(String[] args) throws IOException {
    List<String> flags = new ArrayList<>();
    int first = 0;
    while (first < args.length && args[first].startsWith("--")) {
      flags.add(args[first++]);
    }
    boolean check = flags.contains("--check");
    boolean everySettlement = flags.contains("--settlements");
    int meters = args.length > first ? Integer.parseInt(args[first]) : 10_000;
    int days = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 30;
    StateScaleMarket market = new StateScaleMarket(meters, flags.contains("--hourly"));
    SettlementPolicy policy = SettlementPolicy.pilot();
    Instant from = market.dayStart(0);
    Instant to = market.dayStart(days);
    PlatformNetting.Accumulator netting =
        new PlatformNetting(policy).accumulator(from, to, to.plusSeconds(86_400));
    List<PlatformNetAmount> expected = check ? listBased(market, days, policy, from, to) : null;
    System.out.printf(
        Locale.ROOT,
        "%d meters x %d blocks x %d days = %,d rows, %,d trades; -Xmx %d MB, %d cpus, load %s%n",
        meters,
        market.blocksPerDay,
        days,
        market.rowsPerDay() * days,
        market.tradesPerDay() * days,
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(),
        load());
    DailySettlementRun run =
        new DailySettlementRun(
            market.directory,
            StateScaleMarket.IST,
            AllocationMethod.PRO_RATA,
            List.of(StateScaleMarket.SELLER_DISCOM, StateScaleMarket.BUYER_DISCOM),
            policy,
            netting);
    Totals totals = new Totals(days);
    for (int d = 0; d < days; d++) {
      resetPeaks();
      long t0 = System.nanoTime();
      market.writeDay(d);
      List<Trade> trades = market.trades(d);
      long gen = System.nanoTime() - t0;
      long[] bare = new long[3];
      long[] settle = new long[3];
      // alternate the order so that neither pass always runs right after generation
      if (d % 2 == 0) {
        bare(market, bare);
        settle(market, run, trades, settle, everySettlement);
      } else {
        settle(market, run, trades, settle, everySettlement);
        bare(market, bare);
      }
      trades = null;
      long peak = peaks();
      System.gc();
      long live = heapUsed();
      totals.add(d, gen, bare, settle, peak, live);
      System.out.printf(
          Locale.ROOT,
          "day %2d: gen %,6d ms, bare %,6d ms (cpu %,6d / %,6d), settle %,6d ms (cpu %,6d / %,6d)"
              + " = %.2fx; heap peak %,d MB, kept %,d MB%n",
          d + 1,
          gen / 1_000_000,
          bare[0] / 1_000_000,
          bare[1] / 1_000_000,
          bare[2] / 1_000_000,
          settle[0] / 1_000_000,
          settle[1] / 1_000_000,
          settle[2] / 1_000_000,
          (double) settle[0] / bare[0],
          peak >> 20,
          live >> 20);
    }
    List<PlatformNetAmount> nets = run.netting();
    if (expected != null && !expected.equals(nets)) {
      throw new IllegalStateException("day-by-day netting differs:\n" + expected + "\n" + nets);
    }
    System.out.println("netting: " + nets);
    if (expected != null) {
      System.out.println("the list-based path nets the same");
    }
    totals.print(market, days);
    System.out.println("load at end " + load());
  }

  /** Per-day figures and the run's totals and goal lines. */
  private static final class Totals {
    long gen;
    long bareWall;
    long bareCpu;
    long settleWall;
    long settleCpu;
    long bareProcess;
    long settleProcess;
    long peak;
    final long[] live;

    Totals(int days) {
      live = new long[days];
    }

    void add(int d, long g, long[] bare, long[] settle, long dayPeak, long kept) {
      gen += g;
      bareWall += bare[0];
      bareCpu += bare[1];
      settleWall += settle[0];
      settleCpu += settle[1];
      bareProcess += bare[2];
      settleProcess += settle[2];
      peak = Math.max(peak, dayPeak);
      live[d] = kept;
    }

    void print(StateScaleMarket market, int days) {
      long rows = market.rowsPerDay() * days;
      double ratio = (double) settleWall / bareWall;
      long settleMs = settleWall / 1_000_000;
      System.out.printf(
          Locale.ROOT,
          "| %,d | %,d | %,d | %,d | %,d | %.2fx | %.2fx | %.2fx | %,.0f | %,d | %,d |%n",
          market.meters,
          rows,
          market.tradesPerDay() * days,
          bareWall / 1_000_000,
          settleMs,
          ratio,
          (double) settleCpu / bareCpu,
          (double) settleProcess / bareProcess,
          rows / (settleWall / 1e9),
          peak >> 20,
          maxLive() >> 20);
      System.out.println(
          "(meters | rows | trades | bare ms | settle ms | ratio wall | ratio thread cpu | ratio"
              + " process cpu | rows/s settled | max heap peak MB | max kept MB); generation "
              + gen / 1_000_000
              + " ms not counted; cpu ms: bare "
              + bareCpu / 1_000_000
              + " thread / "
              + bareProcess / 1_000_000
              + " process, settle "
              + settleCpu / 1_000_000
              + " thread / "
              + settleProcess / 1_000_000
              + " process");
      System.out.printf(
          Locale.ROOT,
          "%s: settlement / bare pass %.2fx <= %.1fx%n",
          ratio <= RATIO_LIMIT ? "met" : "MISSED",
          ratio,
          RATIO_LIMIT);
      if (market.hourly) {
        System.out.println("not measured: 100k-meter month (this run has the hourly shape)");
      } else if (market.meters >= 100_000 && days >= 30) {
        System.out.printf(
            Locale.ROOT,
            "%s: 100k-meter month settled in %,d ms < %,d ms%n",
            settleMs < MONTH_LIMIT_MS ? "met" : "MISSED",
            settleMs,
            MONTH_LIMIT_MS);
      } else {
        long perDay = settleMs / days;
        long month = perDay * 30 * 100_000 / market.meters;
        System.out.printf(
            Locale.ROOT,
            "not measured: 100k-meter month (this run: %,d meters x %d days, %,d ms per day;"
                + " linear extrapolation to 100k x 30 days: %,d ms, %s the %,d ms limit)%n",
            market.meters,
            days,
            perDay,
            month,
            month < MONTH_LIMIT_MS ? "under" : "over",
            MONTH_LIMIT_MS);
      }
      // memory kept between days may not grow with them: the second half keeps no more than the
      // first (5 % and 16 MB of slack for what the collector leaves behind)
      int mid = (live.length + 1) / 2;
      long early = 0;
      long late = 0;
      for (int d = 0; d < live.length; d++) {
        if (d < mid) {
          early = Math.max(early, live[d]);
        } else {
          late = Math.max(late, live[d]);
        }
      }
      boolean bounded = live.length < 2 || late <= early + early / 20 + (16 << 20);
      System.out.printf(
          Locale.ROOT,
          "%s: memory bounded: heap kept between days %,d MB in the first half, %,d MB in the"
              + " second; heap peak %,d MB under -Xmx %,d MB%n",
          bounded ? "met" : "MISSED",
          early >> 20,
          late >> 20,
          peak >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    }

    private long maxLive() {
      long max = 0;
      for (long l : live) {
        max = Math.max(max, l);
      }
      return max;
    }
  }

  private static void bare(StateScaleMarket market, long[] out) throws IOException {
    long w = System.nanoTime();
    long c = THREADS.getCurrentThreadCpuTime();
    long p = OS.getProcessCpuTime();
    BigDecimal sum = BigDecimal.ZERO;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ByteArrayInputStream(market.csv(), 0, market.length()),
                StandardCharsets.UTF_8))) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        int c1 = line.indexOf(',');
        int c2 = line.indexOf(',', c1 + 1);
        int c3 = line.indexOf(',', c2 + 1);
        int c4 = line.indexOf(',', c3 + 1);
        sum =
            sum.add(new BigDecimal(line.substring(c3 + 1, c4)))
                .add(new BigDecimal(line.substring(c4 + 1)));
      }
    }
    out[0] = System.nanoTime() - w;
    out[1] = THREADS.getCurrentThreadCpuTime() - c;
    out[2] = OS.getProcessCpuTime() - p;
    if (sum.signum() <= 0) {
      throw new IllegalStateException("bare pass summed nothing");
    }
  }

  private static void settle(
      StateScaleMarket market,
      DailySettlementRun run,
      List<Trade> trades,
      long[] out,
      boolean everySettlement)
      throws IOException {
    long[] lines = new long[1];
    long w = System.nanoTime();
    long c = THREADS.getCurrentThreadCpuTime();
    long p = OS.getProcessCpuTime();
    ByteArrayInputStream csv = new ByteArrayInputStream(market.csv(), 0, market.length());
    DailySettlementRun.DayResult day =
        everySettlement
            ? run.settleDay(csv, trades, s -> lines[0] += s.lines().size())
            : run.settleDay(csv, trades);
    out[0] = System.nanoTime() - w;
    out[1] = THREADS.getCurrentThreadCpuTime() - c;
    out[2] = OS.getProcessCpuTime() - p;
    if (!day.imported().clean()
        || day.imported().added() != market.rowsPerDay()
        || day.settled() != trades.size()
        || (everySettlement && lines[0] < trades.size())) {
      throw new IllegalStateException(
          "day did not settle cleanly: "
              + day.imported().added()
              + " rows, "
              + day.imported().rejections().size()
              + " rejections, "
              + day.settled()
              + " of "
              + trades.size()
              + " trades, "
              + lines[0]
              + " settlement lines");
    }
  }

  /** The same days through the list-based API: one store for all, every settlement kept. */
  private static List<PlatformNetAmount> listBased(
      StateScaleMarket market, int days, SettlementPolicy policy, Instant from, Instant to)
      throws IOException {
    InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
    MeterDataImporter importer =
        new MeterDataImporter(market.directory, store, StateScaleMarket.IST);
    List<Trade> trades = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      market.writeDay(d);
      importer.importCsv(new ByteArrayInputStream(market.csv(), 0, market.length()));
      trades.addAll(market.trades(d));
    }
    DiscomAllocationRun run =
        new DiscomAllocationRun(new SlotAggregator(store), AllocationMethod.PRO_RATA);
    TradeReconciliation reconciliation = new TradeReconciliation();
    trades.forEach(reconciliation::expect);
    reconciliation.recordAll(run.allocate(StateScaleMarket.SELLER_DISCOM, trades));
    reconciliation.recordAll(run.allocate(StateScaleMarket.BUYER_DISCOM, trades));
    SettlementCalculator calculator = new SettlementCalculator(policy);
    return new PlatformNetting(policy)
        .net(
            reconciliation.reconciledTrades().stream().map(calculator::settle).toList(),
            from,
            to,
            to.plusSeconds(86_400));
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the last reset: at most the heap's true peak, or above. */
  private static long peaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String load() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(Locale.ROOT, "%.2f", l);
  }
}
