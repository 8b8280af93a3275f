package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import org.uei.p2p.model.trade.DeliverySlot;

/**
 * A meter's energy over one trade slot, summed from its MDMS blocks.
 *
 * @param meterId meter
 * @param slot trade slot
 * @param importKwh energy drawn in the slot
 * @param exportKwh energy injected in the slot
 * @param coveredMinutes minutes of the slot covered by blocks; less than the slot means data is
 *     missing
 */
public record SlotEnergy(
    String meterId,
    DeliverySlot slot,
    BigDecimal importKwh,
    BigDecimal exportKwh,
    long coveredMinutes) {

  /** Whether blocks cover the whole slot. */
  public boolean complete() {
    return coveredMinutes == slot.duration().toMinutes();
  }

  /** Net energy drawn from the grid: import minus export, negative for a net injector. */
  public BigDecimal netImportKwh() {
    return importKwh.subtract(exportKwh);
  }
}
