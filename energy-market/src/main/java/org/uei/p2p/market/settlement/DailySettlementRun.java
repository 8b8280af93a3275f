package org.uei.p2p.market.settlement;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.allocation.DailyReconciliation;
import org.uei.p2p.market.allocation.DiscomAllocationRun;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.allocation.TradeReconciliation;
import org.uei.p2p.market.meter.ImportReport;
import org.uei.p2p.market.meter.InMemoryMeterReadingStore;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.MeterDirectory;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.model.trade.Trade;

/**
 * Settles a period one delivery day at a time: the day's MDMS batch is imported into a store that
 * holds that day only, both DISCOMs' sides of the day's trades are allocated from it and
 * reconciled, every reconciled trade is settled and added to the platforms' netting, and the day's
 * blocks are forgotten before the next day comes. What stays between days is the netting's running
 * totals and the store's per-meter arrays (reused, so a day allocates little once the first is
 * done); memory is therefore bounded by one day's blocks and trades, however long the period.
 *
 * <p>Per trade the result is the one of the list-based path: importing the whole period into one
 * store, a {@link DiscomAllocationRun} per DISCOM recorded into a {@link TradeReconciliation},
 * {@link SettlementCalculator#settle} of every reconciled trade and {@link PlatformNetting#net} of
 * them all. That holds as long as each day's batch carries every block of that day's trades' slots,
 * which an MDMS daily file does. Not thread-safe: one run per period.
 */
public final class DailySettlementRun {
  private final InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
  private final MeterDataImporter importer;
  private final DailyReconciliation reconciliation;
  private final SettlementCalculator calculator;
  private final PlatformNetting.Accumulator netting;

  /**
   * A run checking meters against {@code meters} and block alignment in {@code zone}, allocating
   * the sides metered by {@code discomIds} by {@code method}, settling under {@code policy} and
   * netting into {@code netting} (which fixes the period and the payment deadline).
   */
  public DailySettlementRun(
      MeterDirectory meters,
      ZoneId zone,
      AllocationMethod method,
      Collection<String> discomIds,
      SettlementPolicy policy,
      PlatformNetting.Accumulator netting) {
    this.importer = MeterDataImporter.forDailyRun(meters, store, zone);
    this.reconciliation = new DailyReconciliation(new SlotAggregator(store), method, discomIds);
    this.calculator = new SettlementCalculator(policy);
    this.netting = Objects.requireNonNull(netting, "netting");
  }

  /**
   * What one day did.
   *
   * @param imported the import report of the day's MDMS batch (bad rows are reported, not fatal)
   * @param settled trades settled and netted
   * @param unreconciled trades with a side left unallocated (see {@link DailyReconciliation})
   */
  public record DayResult(ImportReport imported, long settled, List<Trade> unreconciled) {
    /** Copies the list. */
    public DayResult {
      Objects.requireNonNull(imported, "imported");
      unreconciled = List.copyOf(unreconciled);
    }
  }

  /**
   * {@link #settleDay(InputStream, List, Consumer)} for a caller that needs only the netting. The
   * netting takes only the energy amount of each settlement, so that is all that is computed: the
   * same amount, rounded the same way, as the settlement's energy line.
   */
  public DayResult settleDay(InputStream mdmsCsv, List<Trade> trades) throws IOException {
    return runDay(mdmsCsv, trades, r -> netting.add(r.trade(), calculator.energyPaidByBuyer(r)));
  }

  /**
   * Imports the day's MDMS batch CSV from its UTF-8 bytes, then allocates, reconciles and settles
   * {@code trades}, adding each settlement to the netting and handing it to {@code sink} (which may
   * keep it or drop it). The day's blocks are forgotten when this returns, also on an I/O error.
   */
  public DayResult settleDay(
      InputStream mdmsCsv, List<Trade> trades, Consumer<TradeSettlement> sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    return runDay(
        mdmsCsv,
        trades,
        r -> {
          TradeSettlement s = calculator.settle(r);
          netting.add(s);
          sink.accept(s);
        });
  }

  private DayResult runDay(
      InputStream mdmsCsv, List<Trade> trades, Consumer<ReconciledTrade> settle)
      throws IOException {
    store.clear();
    try {
      ImportReport imported = importer.importCsv(mdmsCsv);
      DailyReconciliation.Summary summary = reconciliation.run(trades, settle);
      return new DayResult(imported, summary.reconciled(), summary.unreconciled());
    } finally {
      store.clear();
    }
  }

  /** Net amounts per platform pair of every day settled so far, ordered by pair. */
  public List<PlatformNetAmount> netting() {
    return netting.result();
  }
}
