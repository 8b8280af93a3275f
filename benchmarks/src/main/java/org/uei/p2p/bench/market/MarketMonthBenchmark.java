package org.uei.p2p.bench.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.allocation.DailyReconciliation;
import org.uei.p2p.market.meter.ImportReport;
import org.uei.p2p.market.meter.InMemoryMeterReadingStore;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.market.settlement.PlatformNetAmount;
import org.uei.p2p.market.settlement.PlatformNetting;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.model.trade.Trade;

/**
 * One month of market operations: 10,000 meters × 12 slots × 30 days = 3.6 M MDMS rows and their
 * 1.8 M trades. {@code month} ingests the CSV from its bytes into a fresh store, then day by day
 * allocates both DISCOMs' sides, reconciles min(buyer, seller) and settles every trade, netting the
 * platforms as it goes. {@code bareParse} only reads the same file, splits each row and sums the
 * two energy columns: the floor any ingestion of that file pays. Single-shot: one call is one
 * month. {@link MarketMonthPhases} checks that {@code month} nets exactly what the list-based API
 * (whole-month allocations, reconciliation and settlements) nets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MarketMonthBenchmark {

  @Param("10000")
  public int meters;

  @Param("30")
  public int days;

  private MarketMonth market;
  private SettlementPolicy policy;
  private InMemoryMeterReadingStore lastStore;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    market = new MarketMonth(meters, days).generate();
    policy = SettlementPolicy.pilot();
  }

  MarketMonth market() {
    return market;
  }

  SettlementPolicy policy() {
    return policy;
  }

  /** The store the last {@link #month(PhaseTimer)} filled, for {@link MarketMonthPhases}. */
  InMemoryMeterReadingStore lastStore() {
    return lastStore;
  }

  /**
   * Ingest + allocate + reconcile + settle + net; returns the result so nothing is optimised away.
   */
  @Benchmark
  public List<PlatformNetAmount> month() throws IOException {
    return month(PhaseTimer.OFF);
  }

  List<PlatformNetAmount> month(PhaseTimer phases) throws IOException {
    InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
    MeterDataImporter importer = new MeterDataImporter(market.directory, store, TradingRules.IST);
    ImportReport report;
    try (InputStream in = Files.newInputStream(market.csv)) {
      report = importer.importCsv(in);
    }
    if (!report.clean() || report.added() != market.readings()) {
      throw new IllegalStateException(
          "generated file did not import cleanly: "
              + report.added()
              + " rows, "
              + report.rejections().size()
              + " rejections");
    }
    phases.mark("ingest");
    if (phases != PhaseTimer.OFF) {
      lastStore = store;
    }
    List<Trade> trades = market.trades;
    Instant periodStart = trades.get(0).slot().start().minusSeconds(86_400);
    PlatformNetting.Accumulator netting =
        new PlatformNetting(policy)
            .accumulator(
                periodStart,
                periodStart.plusSeconds(40L * 86_400),
                periodStart.plusSeconds(32L * 86_400));
    SettlementCalculator calculator = new SettlementCalculator(policy);
    DailyReconciliation pass =
        new DailyReconciliation(
            new SlotAggregator(store),
            AllocationMethod.PRO_RATA,
            List.of(MarketMonth.SELLER_DISCOM, MarketMonth.BUYER_DISCOM));
    DailyReconciliation.Summary summary = pass.run(trades, r -> netting.add(calculator.settle(r)));
    if (summary.reconciled() != trades.size()) {
      throw new IllegalStateException(
          summary.reconciled() + " of " + trades.size() + " trades reconciled");
    }
    List<PlatformNetAmount> nets = netting.result();
    phases.mark("allocate+settle+net");
    return nets;
  }

  /** Read, split and sum the energy columns of the same file: the bare-parse floor. */
  @Benchmark
  public BigDecimal bareParse() throws IOException {
    BigDecimal sum = BigDecimal.ZERO;
    try (BufferedReader in = Files.newBufferedReader(market.csv, StandardCharsets.UTF_8)) {
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
    return sum;
  }
}
