package org.uei.p2p.market.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

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
        Map<MeterSlot, List<Trade>> byMeterSlot = new LinkedHashMap<>();
        for (Trade t : trades) {
            if (!t.status().isOpen()) {
                continue;
            }
            for (TradeSide side : TradeSide.values()) {
                if (t.party(side).discomId().equals(discomId)) {
                    List<Trade> group = byMeterSlot.computeIfAbsent(new MeterSlot(t.party(side).meterId(), t.slot()),
                            k -> new ArrayList<>(2));
                    if (group.isEmpty() || group.get(group.size() - 1) != t) {
                        group.add(t);
                    }
                }
            }
        }
        List<Allocation> out = new ArrayList<>(trades.size());
        byMeterSlot.forEach((key, group) ->
                out.addAll(allocator.allocate(aggregator.aggregate(key.meterId(), key.slot()), group)));
        return out;
    }

    private record MeterSlot(String meterId, DeliverySlot slot) {
    }
}
