package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterReading;

/**
 * A {@link MeterReadingStore} in memory, guarded by one lock.
 *
 * <p>A month of a mid-size DISCOM is millions of blocks, so each meter's blocks are kept in one
 * primitive array sorted by start (energy as unscaled value and scale) rather than as millions of
 * objects: the garbage collector then has almost nothing to trace, MDMS data arriving in time order
 * makes a put an append, and lookups are a binary search over contiguous memory. Readings are
 * rebuilt on the way out.
 *
 * <p>An MDMS file lists every meter for one block, then every meter for the next, so writing each
 * row into its meter's array would touch a different, long-cold cache line per row. A block that
 * starts after its meter's latest block ends (checked against two small arrays indexed by meter) is
 * therefore first appended to a pending log in row order and moved into the meter arrays in one
 * tight pass when the log fills or before anything reads the store or puts out of order.
 */
public final class InMemoryMeterReadingStore implements MeterReadingStore {
  private static final int PENDING_BLOCKS = 1 << 14;
  private static final int PENDING_STRIDE = 5;

  private final Map<String, MeterSeries> byMeter = new HashMap<>();
  private MeterSeries[] byOrdinal = new MeterSeries[1024];

  /**
   * Start and end of each meter's latest block, pending ones included, side by side per ordinal so
   * that the check is one cache line; MIN_VALUE when none.
   */
  private long[] last = new long[2 * 1024];

  /** Blocks not yet in their series: ordinal, start, import unscaled, export unscaled, packed. */
  private final long[] pending = new long[PENDING_BLOCKS * PENDING_STRIDE];

  private int pendingCount;
  private long size;

  /**
   * The series read last and the id it was asked by: allocation asks for one meter's slots one
   * after another with the same id string, so the same string means the same series.
   */
  private MeterSeries lastRead;

  private String lastReadId;

  @Override
  public synchronized PutResult put(MeterReading reading) {
    drain();
    MeterSeries series = series(reading.meterId());
    PutResult result = series.put(reading);
    if (result.outcome() == Outcome.ADDED) {
      size++;
      track(series);
    }
    return result;
  }

  /**
   * The ordinal of {@code meterId}'s series for {@link #put(int, long, int, long, int, long, int)}.
   */
  synchronized int ordinal(String meterId) {
    return series(meterId).ordinal;
  }

  /** The series of {@code meterId}, created empty if absent (an empty series reads as no data). */
  synchronized MeterSeries series(String meterId) {
    MeterSeries series = byMeter.get(meterId);
    if (series == null) {
      int ordinal = byMeter.size();
      if (ordinal == byOrdinal.length) {
        byOrdinal = Arrays.copyOf(byOrdinal, ordinal * 2);
        last = Arrays.copyOf(last, ordinal * 4);
      }
      series = new MeterSeries(meterId, ordinal);
      byMeter.put(meterId, series);
      byOrdinal[ordinal] = series;
      last[2 * ordinal] = Long.MIN_VALUE;
      last[2 * ordinal + 1] = Long.MIN_VALUE;
    }
    return series;
  }

  /**
   * {@link #put} for a block already in packed form (whole-second start, both values of at most 18
   * digits as unscaled value and scale), as the byte-level CSV import has it. Only the outcome is
   * returned: on a refusal nothing changed, and the caller puts a {@link MeterReading} to learn
   * what is stored.
   */
  synchronized Outcome put(
      int ordinal, long start, int minutes, long in, int inScale, long out, int outScale) {
    int o = 2 * ordinal;
    if (start > last[o] && start >= last[o + 1]) {
      if (pendingCount == PENDING_BLOCKS) {
        drain();
      }
      int p = pendingCount++ * PENDING_STRIDE;
      pending[p] = ordinal;
      pending[p + 1] = start;
      pending[p + 2] = in;
      pending[p + 3] = out;
      pending[p + 4] = minutes | ((long) (inScale & 0xFF) << 8) | ((long) (outScale & 0xFF) << 16);
      last[o] = start;
      last[o + 1] = start + minutes * 60L;
      size++;
      return Outcome.ADDED;
    }
    drain();
    MeterSeries series = byOrdinal[ordinal];
    Outcome outcome = series.put(start, minutes, in, inScale, out, outScale);
    if (outcome == Outcome.ADDED) {
      size++;
      track(series);
    }
    return outcome;
  }

  @Override
  public synchronized List<MeterReading> readings(String meterId, Instant from, Instant to) {
    drain();
    MeterSeries series = byMeter.get(meterId);
    return series == null ? List.of() : series.range(from.getEpochSecond(), to.getEpochSecond());
  }

  @Override
  public synchronized SlotEnergy energy(String meterId, DeliverySlot slot) {
    drain();
    MeterSeries series = lastRead;
    if (meterId != lastReadId && (series == null || !series.meterId.equals(meterId))) {
      series = byMeter.get(meterId);
      if (series == null) {
        return new SlotEnergy(meterId, slot, BigDecimal.ZERO, BigDecimal.ZERO, 0);
      }
      lastRead = series;
    }
    lastReadId = meterId;
    return series.energy(slot);
  }

  @Override
  public synchronized long size() {
    return size;
  }

  /**
   * Forgets every block but keeps the meters and their arrays, so that a run settling one day at a
   * time holds one day of blocks and, after the first day, allocates nothing for the next.
   */
  public synchronized void clear() {
    pendingCount = 0;
    for (int o = 0; o < byMeter.size(); o++) {
      MeterSeries series = byOrdinal[o];
      series.clear();
      last[2 * series.ordinal] = Long.MIN_VALUE;
      last[2 * series.ordinal + 1] = Long.MIN_VALUE;
    }
    size = 0;
  }

  private void track(MeterSeries series) {
    last[2 * series.ordinal] = series.lastStart();
    last[2 * series.ordinal + 1] = series.lastEnd();
  }

  /** Moves the pending blocks into their series, in the order they came. */
  private void drain() {
    for (int i = 0; i < pendingCount; i++) {
      int p = i * PENDING_STRIDE;
      long packed = pending[p + 4];
      byOrdinal[(int) pending[p]].append(
          pending[p + 1],
          (int) (packed & 0xFF),
          pending[p + 2],
          (byte) (packed >>> 8),
          pending[p + 3],
          (byte) (packed >>> 16));
    }
    pendingCount = 0;
  }
}
