package org.uei.p2p.market.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Allocates both sides of a period's trades from one meter data source and reconciles them one
 * delivery day (UTC) at a time, handing every trade on as a {@link ReconciledTrade} once its day is
 * done. Each trade gets the same reconciliation as a {@link DiscomAllocationRun} per DISCOM
 * recorded into a {@link TradeReconciliation}, but a month of trades never has its allocations,
 * reconciliations or settlements in memory at once: a consumer that settles and nets as trades come
 * keeps only the running totals. Trade ids must be unique, as the network makes them.
 */
public final class DailyReconciliation {
  private static final long SECONDS_PER_DAY = 86_400;

  private final SlotAggregator aggregator;
  private final MeterAllocator allocator;
  private final List<String> discomIds;

  /**
   * A pass allocating the sides metered by {@code discomIds} from {@code aggregator}, sharing
   * shortfalls by {@code method}.
   */
  public DailyReconciliation(
      SlotAggregator aggregator, AllocationMethod method, Collection<String> discomIds) {
    this.aggregator = aggregator;
    this.allocator = new MeterAllocator(method);
    this.discomIds = List.copyOf(new LinkedHashSet<>(discomIds));
  }

  /**
   * What a pass did.
   *
   * @param reconciled trades handed on
   * @param unreconciled trades with a side left unallocated: not open, a side metered by a DISCOM
   *     not in the pass, or the same meter on both sides; day by day
   */
  public record Summary(long reconciled, List<Trade> unreconciled) {
    /** Copies the list. */
    public Summary {
      unreconciled = List.copyOf(unreconciled);
    }
  }

  /**
   * Reconciles {@code trades}, handing each reconciled trade to {@code sink}: days in time order,
   * within a day in the order of {@code trades}.
   */
  public Summary run(List<Trade> trades, Consumer<ReconciledTrade> sink) {
    TreeMap<Long, List<Trade>> days = new TreeMap<>();
    List<Trade> current = null;
    long currentDay = 0;
    for (Trade t : trades) {
      long day = Math.floorDiv(t.slot().start().getEpochSecond(), SECONDS_PER_DAY);
      if (current == null || day != currentDay) {
        current = days.computeIfAbsent(day, k -> new ArrayList<>());
        currentDay = day;
      }
      current.add(t);
    }
    long reconciled = 0;
    List<Trade> unreconciled = new ArrayList<>();
    for (Map.Entry<Long, List<Trade>> day = days.pollFirstEntry();
        day != null;
        day = days.pollFirstEntry()) {
      for (Sides s : allocate(day.getValue())) {
        if (s.buyer != null && s.seller != null) {
          sink.accept(new ReconciledTrade(s.trade, s.buyer, s.seller));
          reconciled++;
        } else {
          unreconciled.add(s.trade);
        }
      }
    }
    return new Summary(reconciled, unreconciled);
  }

  /** Both sides' allocations of one day's trades, in their order. */
  private List<Sides> allocate(List<Trade> trades) {
    List<Sides> sides = new ArrayList<>(trades.size());
    for (Trade t : trades) {
      sides.add(new Sides(t));
    }
    // one list and one sink for every group: a month has millions of groups
    List<Trade> groupTrades = new ArrayList<>();
    List<Sides> group = new ArrayList<>();
    MeterAllocator.ShareSink sink = (i, side, kwh) -> group.get(i).set(side, kwh);
    DiscomAllocationRun.forEachMeterSlot(
        discomIds,
        sides,
        s -> s.trade,
        (meterId, slot, items, from, to) -> {
          groupTrades.clear();
          group.clear();
          for (int i = from; i < to; i++) {
            group.add(items.get(i));
            groupTrades.add(items.get(i).trade);
          }
          allocator.allocate(aggregator.aggregate(meterId, slot), groupTrades, sink);
        });
    return sides;
  }

  /** A trade and its two allocations as they come in. */
  private static final class Sides {
    final Trade trade;
    BigDecimal buyer;
    BigDecimal seller;

    Sides(Trade trade) {
      this.trade = trade;
    }

    void set(TradeSide side, BigDecimal kwh) {
      if (side == TradeSide.BUYER) {
        buyer = kwh;
      } else {
        seller = kwh;
      }
    }
  }
}
