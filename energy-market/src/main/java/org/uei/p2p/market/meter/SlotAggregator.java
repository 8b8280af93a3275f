package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterReading;

/** Sums a meter's 15-, 30- or 60-minute blocks into the trade slots allocation works on. */
public final class SlotAggregator {
    private final MeterReadingStore store;

    /** An aggregator reading from {@code store}. */
    public SlotAggregator(MeterReadingStore store) {
        this.store = store;
    }

    /** Energy of {@code meterId} in {@code slot}; blocks are stored aligned, so a block is in or out whole. */
    public SlotEnergy aggregate(String meterId, DeliverySlot slot) {
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        long minutes = 0;
        for (MeterReading r : store.readings(meterId, slot.start(), slot.end())) {
            in = in.add(r.importKwh());
            out = out.add(r.exportKwh());
            minutes += r.blockMinutes();
        }
        return new SlotEnergy(meterId, slot, in, out, minutes);
    }
}
