package org.uei.p2p.model.trade;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Energy measured by one meter over one block, as delivered by a DISCOM's MDMS.
 *
 * @param meterId meter id
 * @param blockStart first instant of the block
 * @param blockMinutes length of the block: 15, 30 or 60
 * @param importKwh energy drawn from the grid in the block, not negative
 * @param exportKwh energy injected into the grid in the block, not negative
 */
public record MeterReading(
    String meterId,
    Instant blockStart,
    int blockMinutes,
    BigDecimal importKwh,
    BigDecimal exportKwh) {

  /** Validates the id, the block length and that both quantities are not negative. */
  public MeterReading {
    Checks.id(meterId, "meter id");
    Checks.required(blockStart, "block start");
    if (blockMinutes != 15 && blockMinutes != 30 && blockMinutes != 60) {
      throw new IllegalArgumentException("block minutes must be 15, 30 or 60, not " + blockMinutes);
    }
    Checks.nonNegative(importKwh, "import kWh");
    Checks.nonNegative(exportKwh, "export kWh");
  }

  /** Instant the block ends (exclusive). */
  public Instant blockEnd() {
    return blockStart.plus(Duration.ofMinutes(blockMinutes));
  }

  /** Whether both readings carry the same energy values (scale ignored: 1.5 equals 1.50). */
  public boolean sameValuesAs(MeterReading other) {
    return blockMinutes == other.blockMinutes
        && importKwh.compareTo(other.importKwh) == 0
        && exportKwh.compareTo(other.exportKwh) == 0;
  }
}
