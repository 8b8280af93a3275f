package org.uei.p2p.market.meter;

import java.util.function.Function;
import org.uei.p2p.model.trade.DeliverySlot;

/** Sums a meter's 15-, 30- or 60-minute blocks into the trade slots allocation works on. */
public final class SlotAggregator {
  private final MeterReadingStore store;

  /** An aggregator reading from {@code store}. */
  public SlotAggregator(MeterReadingStore store) {
    this.store = store;
  }

  /**
   * Energy of {@code meterId} per slot, looked up once for the meter where the store can: for a
   * caller that reads many slots of the same meters.
   */
  public MeterEnergy forMeter(String meterId) {
    Function<DeliverySlot, SlotEnergy> energy = store.energyOf(meterId);
    return energy instanceof MeterEnergy m ? m : energy::apply;
  }

  /** Energy of {@code meterId} in {@code slot}. */
  public SlotEnergy aggregate(String meterId, DeliverySlot slot) {
    return store.energy(meterId, slot);
  }
}
