package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterReading;

/**
 * Where ingested meter blocks are kept, keyed by meter and block start. Putting the same block with
 * the same values again changes nothing, which is what makes re-importing a file harmless; a block
 * that contradicts or overlaps a stored one is refused and the stored one kept.
 */
public interface MeterReadingStore {

  /** Stores {@code reading} unless it conflicts with what is stored. */
  PutResult put(MeterReading reading);

  /** Blocks of {@code meterId} starting in {@code [from, to)}, in time order. */
  List<MeterReading> readings(String meterId, Instant from, Instant to);

  /**
   * Energy of {@code meterId} in {@code slot}: the sums of the blocks starting inside it. Blocks
   * are stored aligned, so a block lies in a slot whole or not at all.
   */
  default SlotEnergy energy(String meterId, DeliverySlot slot) {
    BigDecimal in = BigDecimal.ZERO;
    BigDecimal out = BigDecimal.ZERO;
    long minutes = 0;
    for (MeterReading r : readings(meterId, slot.start(), slot.end())) {
      in = in.add(r.importKwh());
      out = out.add(r.exportKwh());
      minutes += r.blockMinutes();
    }
    return new SlotEnergy(meterId, slot, in, out, minutes);
  }

  /**
   * {@link #energy} of {@code meterId}, for a caller that reads many slots of the same meters: a
   * store may look the meter up once here rather than on every slot. The function always answers as
   * {@link #energy} would at the time it is called.
   */
  default Function<DeliverySlot, SlotEnergy> energyOf(String meterId) {
    return slot -> energy(meterId, slot);
  }

  /** Number of blocks stored. */
  long size();

  /** What {@link #put} did. */
  enum Outcome {
    /** The block was new and is now stored. */
    ADDED,
    /** The same block with the same values was already stored. */
    UNCHANGED,
    /** Refused: the same block is stored with other values. */
    CONFLICTING_VALUE,
    /** Refused: the block overlaps a stored block of another length. */
    OVERLAPPING_BLOCK
  }

  /**
   * Result of a put.
   *
   * @param outcome what happened
   * @param stored the block stored for that meter and start after the put (the existing one on
   *     refusal)
   */
  record PutResult(Outcome outcome, MeterReading stored) {}
}
