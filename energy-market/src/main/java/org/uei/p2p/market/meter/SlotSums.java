package org.uei.p2p.market.meter;

import java.math.BigDecimal;

/**
 * A meter's energy over one trade slot as {@link MeterEnergy#read} gives it: the import and export
 * sums of a {@link SlotEnergy} as unscaled values and scales, for a caller that reads millions of
 * slots and keeps none of them. Filled again by every read; not thread-safe.
 */
public final class SlotSums {
  private long importUnscaled;
  private int importScale;
  private long exportUnscaled;
  private int exportScale;
  private long coveredMinutes;

  /** Sums to be filled by a read. */
  public SlotSums() {}

  /**
   * Sets the sums: import {@code importUnscaled × 10^-importScale}, export likewise, over {@code
   * coveredMinutes} of the slot.
   */
  public void set(
      long importUnscaled,
      int importScale,
      long exportUnscaled,
      int exportScale,
      long coveredMinutes) {
    this.importUnscaled = importUnscaled;
    this.importScale = importScale;
    this.exportUnscaled = exportUnscaled;
    this.exportScale = exportScale;
    this.coveredMinutes = coveredMinutes;
  }

  /** Unscaled value of {@link SlotEnergy#importKwh()}. */
  public long importUnscaled() {
    return importUnscaled;
  }

  /** Scale of {@link SlotEnergy#importKwh()}. */
  public int importScale() {
    return importScale;
  }

  /** Unscaled value of {@link SlotEnergy#exportKwh()}. */
  public long exportUnscaled() {
    return exportUnscaled;
  }

  /** Scale of {@link SlotEnergy#exportKwh()}. */
  public int exportScale() {
    return exportScale;
  }

  /** {@link SlotEnergy#coveredMinutes()}. */
  public long coveredMinutes() {
    return coveredMinutes;
  }

  /** {@link SlotEnergy#importKwh()}, built. */
  public BigDecimal importKwh() {
    return BigDecimal.valueOf(importUnscaled, importScale);
  }

  /** {@link SlotEnergy#exportKwh()}, built. */
  public BigDecimal exportKwh() {
    return BigDecimal.valueOf(exportUnscaled, exportScale);
  }
}
