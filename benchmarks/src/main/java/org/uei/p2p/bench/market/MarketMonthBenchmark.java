package org.uei.p2p.bench.market;

import java.io.BufferedReader;
import java.io.IOException;
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
 * One month of market operations: 10,000 meters × 12 slots × 30 days = 3.6 M MDMS rows and their
 * 1.8 M trades. {@code month} ingests the CSV into a fresh store, allocates both DISCOMs' sides,
 * reconciles min(buyer, seller) and settles every trade, then nets the platforms. {@code bareParse}
 * only reads the same file, splits each row and sums the two energy columns: the floor any
 * ingestion of that file pays. Single-shot: one call is one month.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MarketMonthBenchmark {

  @Param("10000")
  public int meters;

  @Param("30")
  public int days;

  private MarketMonth market;
  private SettlementPolicy policy;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    market = new MarketMonth(meters, days).generate();
    policy = SettlementPolicy.pilot();
  }

  /** Ingest + allocate + reconcile + settle + net; returns the result so nothing is optimised away. */
  @Benchmark
  public List<PlatformNetAmount> month() throws IOException {
    InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
    MeterDataImporter importer = new MeterDataImporter(market.directory, store, TradingRules.IST);
    ImportReport report;
    try (BufferedReader in = Files.newBufferedReader(market.csv, StandardCharsets.UTF_8)) {
      report = importer.importCsv(in);
    }
    if (!report.clean() || report.added() != market.readings()) {
      throw new IllegalStateException("generated file did not import cleanly: " + report.added() + " rows, "
          + report.rejections().size() + " rejections");
    }
    DiscomAllocationRun run = new DiscomAllocationRun(new SlotAggregator(store), AllocationMethod.PRO_RATA);
    TradeReconciliation reconciliation = new TradeReconciliation();
    List<Trade> trades = market.trades;
    trades.forEach(reconciliation::expect);
    reconciliation.recordAll(run.allocate(MarketMonth.SELLER_DISCOM, trades));
    reconciliation.recordAll(run.allocate(MarketMonth.BUYER_DISCOM, trades));
    SettlementCalculator calculator = new SettlementCalculator(policy);
    List<TradeSettlement> settlements = reconciliation.reconciledTrades().stream().map(calculator::settle).toList();
    if (settlements.size() != trades.size()) {
      throw new IllegalStateException(settlements.size() + " of " + trades.size() + " trades reconciled");
    }
    Instant periodStart = trades.get(0).slot().start().minusSeconds(86_400);
    return new PlatformNetting(policy).net(settlements, periodStart, periodStart.plusSeconds(40L * 86_400),
        periodStart.plusSeconds(32L * 86_400));
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
        sum = sum.add(new BigDecimal(line.substring(c3 + 1, c4))).add(new BigDecimal(line.substring(c4 + 1)));
      }
    }
    return sum;
  }
}
