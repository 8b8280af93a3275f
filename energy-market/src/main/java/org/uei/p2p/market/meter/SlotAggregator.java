package org.uei.p2p.market.meter;

import org.uei.p2p.model.trade.DeliverySlot;

/** Sums a meter's 15-, 30- or 60-minute blocks into the trade slots allocation works on. */
public final class SlotAggregator {
  private final MeterReadingStore store;

  /** An aggregator reading from {@code store}. */
  public SlotAggregator(MeterReadingStore store) {
    this.store = store;
  }

  /** Energy of {@code meterId} in {@code slot}. */
  public SlotEnergy aggregate(String meterId, DeliverySlot slot) {
    return store.energy(meterId, slot);
  }
}
