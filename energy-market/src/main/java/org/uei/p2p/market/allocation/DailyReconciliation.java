package org.uei.p2p.market.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.market.meter.SlotSums;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Allocates both sides of a period's trades from one meter data source and reconciles them one
 * delivery day (UTC) at a time, handing every trade on as a {@link ReconciledTrade} once its day is
 * done. Each trade gets the same reconciliation as a {@link DiscomAllocationRun} per DISCOM
 * recorded into a {@link TradeReconciliation}, but a month of trades never has its allocations,
 * reconciliations or settlements in memory at once: a consumer that settles and nets as trades come
 * keeps only the running totals. Trade ids must be unique, as the network makes them. A pass keeps
 * the meters it has grouped trades for from one run to the next: not thread-safe.
 */
public final class DailyReconciliation {
  private static final long SECONDS_PER_DAY = 86_400;

  private final MeterAllocator allocator;
  private final MeterSlotGroups groups;

  /** The sums of the one-trade group being allocated: nearly every group is one. */
  private final SlotSums sums = new SlotSums();

  /**
   * A pass allocating the sides metered by {@code discomIds} from {@code aggregator}, sharing
   * shortfalls by {@code method}.
   */
  public DailyReconciliation(
      SlotAggregator aggregator, AllocationMethod method, Collection<String> discomIds) {
    this.allocator = new MeterAllocator(method);
    this.groups = new MeterSlotGroups(aggregator, List.copyOf(new LinkedHashSet<>(discomIds)));
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
    long reconciled = 0;
    List<Trade> unreconciled = new ArrayList<>();
    for (Iterator<List<Trade>> days = days(trades); days.hasNext(); ) {
      List<Trade> dayTrades = days.next();
      days.remove();
      Shares shares = allocate(dayTrades);
      for (int i = 0; i < dayTrades.size(); i++) {
        Trade t = dayTrades.get(i);
        BigDecimal buyer = shares.buyer[i];
        BigDecimal seller = shares.seller[i];
        if (buyer != null && seller != null) {
          sink.accept(new ReconciledTrade(t, buyer, seller));
          reconciled++;
        } else {
          unreconciled.add(t);
        }
      }
    }
    return new Summary(reconciled, unreconciled);
  }

  /** The trades of each UTC day, days in time order and each in list order, removable when done. */
  private static Iterator<List<Trade>> days(List<Trade> trades) {
    TreeMap<Long, List<Trade>> days = new TreeMap<>();
    List<Trade> current = null;
    long currentDay = 0;
    for (Trade t : trades) {
      long day = dayOf(t);
      if (current == null || day != currentDay) {
        current = days.computeIfAbsent(day, k -> new ArrayList<>());
        currentDay = day;
      }
      current.add(t);
    }
    return days.values().iterator();
  }

  private static long dayOf(Trade t) {
    return Math.floorDiv(t.slot().start().getEpochSecond(), SECONDS_PER_DAY);
  }

  /** Both sides' allocations of one day's trades, by index in {@code trades}. */
  private Shares allocate(List<Trade> trades) {
    groups.group(trades);
    Shares shares = new Shares(trades.size());
    // one list for every group: a month has millions of groups
    List<Trade> groupTrades = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      int m = groups.first(g);
      if (groups.next(m) < 0) {
        shares.index[0] = groups.trade(m);
        Trade t = trades.get(shares.index[0]);
        if (groups.read(g, sums)) {
          allocator.allocateOne(groups.side(m), sums, t, shares);
        } else {
          allocator.allocateOne(groups.energy(g), t, shares);
        }
        continue;
      }
      SlotEnergy energy = groups.energy(g);
      groupTrades.clear();
      for (; m >= 0; m = groups.next(m)) {
        shares.at(groupTrades.size(), groups.trade(m));
        groupTrades.add(trades.get(groups.trade(m)));
      }
      allocator.allocate(energy, groupTrades, shares);
    }
    return shares;
  }

  /** The allocations of a day's trades as they come in, from the trades of one group at a time. */
  private static final class Shares implements MeterAllocator.ShareSink {
    final BigDecimal[] buyer;
    final BigDecimal[] seller;

    /** Index in the day's trades of each trade of the group being allocated. */
    int[] index = new int[8];

    Shares(int trades) {
      buyer = new BigDecimal[trades];
      seller = new BigDecimal[trades];
    }

    void at(int k, int trade) {
      if (k == index.length) {
        index = Arrays.copyOf(index, 2 * k);
      }
      index[k] = trade;
    }

    @Override
    public void share(int k, TradeSide side, BigDecimal kwh) {
      if (side == TradeSide.BUYER) {
        buyer[index[k]] = kwh;
      } else {
        seller[index[k]] = kwh;
      }
    }
  }
}
