package org.uei.p2p.market.meter;

import java.util.function.Function;
import org.uei.p2p.model.trade.DeliverySlot;

/**
 * One meter's energy slot by slot, for a caller that reads many slots of the same meter ({@link
 * SlotAggregator#forMeter}): {@link #apply} gives the slot's {@link SlotEnergy}, as {@link
 * MeterReadingStore#energy} would at the time it is called.
 */
@FunctionalInterface
public interface MeterEnergy extends Function<DeliverySlot, SlotEnergy> {

  /**
   * Writes into {@code sums} what {@link #apply} would give for {@code slot}, the import and export
   * sums with their scales, without building it, and returns true; or returns false, leaving {@code
   * sums} unspecified, when the store cannot (a sum that does not fit a {@code long}, blocks not
   * kept in that form), and then only {@link #apply} reads the slot. This default always returns
   * false.
   */
  default boolean read(DeliverySlot slot, SlotSums sums) {
    return false;
  }
}
