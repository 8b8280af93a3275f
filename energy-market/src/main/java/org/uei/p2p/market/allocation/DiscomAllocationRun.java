package org.uei.p2p.market.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.Trade;

/**
 * One DISCOM's allocation pass: for every meter it serves and every slot, the meter's trades are
 * allocated from its aggregated meter data. Only the sides metered by this DISCOM are allocated;
 * the other DISCOM of an inter-DISCOM trade allocates the other side.
 */
public final class DiscomAllocationRun {
  private final SlotAggregator aggregator;
  private final MeterAllocator allocator;

  /** A run reading meter data through {@code aggregator} and sharing by {@code method}. */
  public DiscomAllocationRun(SlotAggregator aggregator, AllocationMethod method) {
    this.aggregator = aggregator;
    this.allocator = new MeterAllocator(method);
  }

  /** Allocations of {@code discomId}'s meters over the open trades among {@code trades}. */
  public List<Allocation> allocate(String discomId, List<Trade> trades) {
    List<Allocation> out = new ArrayList<>(trades.size());
    forEachMeterSlot(
        List.of(discomId),
        trades,
        Function.identity(),
        (meterId, slot, items, from, to) -> {
          List<Trade> group = items.subList(from, to);
          allocator.allocate(
              aggregator.aggregate(meterId, slot),
              group,
              (i, side, kwh) -> {
                Trade t = group.get(i);
                out.add(new Allocation(t.tradeId(), side, meterId, t.quantityKwh(), kwh));
              });
        });
    return out;
  }

  /** The trades of one meter in one slot: {@code items[from, to)}, in the order they were given. */
  interface Group<E> {
    void allocate(String meterId, DeliverySlot slot, List<E> items, int from, int to);
  }

  /**
   * Calls {@code group} for every meter of each of {@code discomIds} and every slot in which that
   * meter has open trades among {@code items}: DISCOM by DISCOM, meters in order of first
   * appearance, slots in time order. A trade is grouped under its buyer's meter by the buyer's
   * DISCOM and under its seller's meter by the seller's, unless both sides are the same meter.
   */
  static <E> void forEachMeterSlot(
      List<String> discomIds, List<E> items, Function<E, Trade> trade, Group<E> group) {
    // Grouped per meter, then walked in slot order: a hash map per (meter, slot) would cost a
    // key object and an entry per trade, and a month holds millions of them.
    List<Map<String, List<E>>> byDiscom = new ArrayList<>(discomIds.size());
    for (int d = 0; d < discomIds.size(); d++) {
      byDiscom.add(new LinkedHashMap<>());
    }
    for (E item : items) {
      Trade t = trade.apply(item);
      if (!t.status().isOpen()) {
        continue;
      }
      int buyer = discomIds.indexOf(t.buyer().discomId());
      if (buyer >= 0) {
        byDiscom.get(buyer).computeIfAbsent(t.buyer().meterId(), k -> new ArrayList<>()).add(item);
      }
      int seller = discomIds.indexOf(t.seller().discomId());
      if (seller >= 0 && !t.seller().meterId().equals(t.buyer().meterId())) {
        byDiscom
            .get(seller)
            .computeIfAbsent(t.seller().meterId(), k -> new ArrayList<>())
            .add(item);
      }
    }
    Comparator<E> slotOrder = (x, y) -> trade.apply(x).slot().compareTo(trade.apply(y).slot());
    for (Map<String, List<E>> byMeter : byDiscom) {
      for (Map.Entry<String, List<E>> e : byMeter.entrySet()) {
        List<E> meterItems = e.getValue();
        meterItems.sort(slotOrder);
        int from = 0;
        while (from < meterItems.size()) {
          DeliverySlot slot = trade.apply(meterItems.get(from)).slot();
          int to = from + 1;
          while (to < meterItems.size() && trade.apply(meterItems.get(to)).slot().equals(slot)) {
            to++;
          }
          group.allocate(e.getKey(), slot, meterItems, from, to);
          from = to;
        }
      }
    }
  }
}
