package org.uei.p2p.market.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private static final Comparator<Trade> SLOT_ORDER = Comparator.comparing(Trade::slot);

  private final SlotAggregator aggregator;
  private final MeterAllocator allocator;

  /** A run reading meter data through {@code aggregator} and sharing by {@code method}. */
  public DiscomAllocationRun(SlotAggregator aggregator, AllocationMethod method) {
    this.aggregator = aggregator;
    this.allocator = new MeterAllocator(method);
  }

  /** Allocations of {@code discomId}'s meters over the open trades among {@code trades}. */
  public List<Allocation> allocate(String discomId, List<Trade> trades) {
    // Grouped per meter, then walked in slot order: a hash map per (meter, slot) would cost a
    // key object and an entry per trade, and a month holds millions of them.
    Map<String, List<Trade>> byMeter = new LinkedHashMap<>();
    for (Trade t : trades) {
      if (!t.status().isOpen()) {
        continue;
      }
      if (t.buyer().discomId().equals(discomId)) {
        byMeter.computeIfAbsent(t.buyer().meterId(), k -> new ArrayList<>()).add(t);
      }
      if (t.seller().discomId().equals(discomId) && !t.seller().meterId().equals(t.buyer().meterId())) {
        byMeter.computeIfAbsent(t.seller().meterId(), k -> new ArrayList<>()).add(t);
      }
    }
    List<Allocation> out = new ArrayList<>(trades.size());
    for (Map.Entry<String, List<Trade>> e : byMeter.entrySet()) {
      List<Trade> meterTrades = e.getValue();
      meterTrades.sort(SLOT_ORDER);
      int from = 0;
      while (from < meterTrades.size()) {
        DeliverySlot slot = meterTrades.get(from).slot();
        int to = from + 1;
        while (to < meterTrades.size() && meterTrades.get(to).slot().equals(slot)) {
          to++;
        }
        out.addAll(allocator.allocate(aggregator.aggregate(e.getKey(), slot),
            new ArrayList<>(meterTrades.subList(from, to))));
        from = to;
      }
    }
    return out;
  }
}
