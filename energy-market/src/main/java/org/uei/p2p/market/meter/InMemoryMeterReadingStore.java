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
 * <p>A month of a mid-size DISCOM is millions of blocks, so blocks are kept in primitive arrays
 * (energy as unscaled value and scale) rather than as millions of objects: the garbage collector
 * then has almost nothing to trace. Readings are rebuilt on the way out.
 *
 * <p>An MDMS file lists every meter for one block, then every meter for the next. A block that
 * starts after its meter's latest block ends (checked against a small array indexed by meter) is
 * appended to a log in row order and chained to its meter's previous block in the log, so that
 * ingesting a file writes memory in the order it reads it. Writing each row into a per-meter array
 * instead would touch a different, long-cold cache line per row, and that transposition was most of
 * what ingestion cost above parsing. Slot sums are read along a meter's chain; only a meter that is
 * read block by block, or gets a block out of order, has its chain moved into its {@link
 * MeterSeries}, the sorted per-meter array that handles every other case.
 */
public final class InMemoryMeterReadingStore implements MeterReadingStore {
  private static final int LOG_STRIDE = 4;

  /** Dead log blocks (moved into their series) from which the log may be compacted. */
  static final int COMPACT_AFTER = 1 << 12;

  private final Map<String, MeterSeries> byMeter = new HashMap<>();
  private MeterSeries[] byOrdinal = new MeterSeries[1024];

  /**
   * Start and end of each meter's latest block, logged ones included, side by side per ordinal so
   * that the check is one cache line; MIN_VALUE when none.
   */
  private long[] last = new long[2 * 1024];

  /** Logged blocks: start, import unscaled, export unscaled, minutes and scales packed. */
  private long[] log = new long[(1 << 14) * LOG_STRIDE];

  /** Per logged block, the next logged block of the same meter, or -1. */
  private int[] next = new int[1 << 14];

  private int logged;

  /** Log blocks already moved into their series: dead space until the log is compacted. */
  private int moved;

  /** Per ordinal, the first and last logged block of the meter's chain, -1 when none. */
  private int[] head = new int[1024];

  private int[] tail = new int[1024];

  /**
   * Per ordinal, where the last slot read along the chain stopped, and the end of that slot: every
   * chained block before that point starts before that end. Allocation reads slots in time order.
   */
  private int[] readFrom = new int[1024];

  private long[] readBefore = new long[1024];

  private long size;

  /**
   * The series read last and the id it was asked by: allocation asks for one meter's slots one
   * after another with the same id string, so the same string means the same series.
   */
  private MeterSeries lastRead;

  private String lastReadId;

  /** The sums of {@link #chainEnergy}, which builds its result from them. */
  private final SlotSums scratch = new SlotSums();

  /** The blocks the last {@link #readChain} summed: from this one up to (not including) the end. */
  private int chainStart;

  private int chainEnd;

  @Override
  public synchronized PutResult put(MeterReading reading) {
    MeterSeries series = series(reading.meterId());
    unchain(series.ordinal);
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
        int n = ordinal * 2;
        byOrdinal = Arrays.copyOf(byOrdinal, n);
        last = Arrays.copyOf(last, 2 * n);
        head = Arrays.copyOf(head, n);
        tail = Arrays.copyOf(tail, n);
        readFrom = Arrays.copyOf(readFrom, n);
        readBefore = Arrays.copyOf(readBefore, n);
      }
      series = new MeterSeries(meterId, ordinal);
      byMeter.put(meterId, series);
      byOrdinal[ordinal] = series;
      last[2 * ordinal] = Long.MIN_VALUE;
      last[2 * ordinal + 1] = Long.MIN_VALUE;
      head[ordinal] = -1;
      tail[ordinal] = -1;
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
      if (logged == next.length) {
        int n = next.length + (next.length >> 1);
        log = Arrays.copyOf(log, n * LOG_STRIDE);
        next = Arrays.copyOf(next, n);
      }
      int b = logged++;
      int p = b * LOG_STRIDE;
      log[p] = start;
      log[p + 1] = in;
      log[p + 2] = out;
      log[p + 3] = minutes | ((long) (inScale & 0xFF) << 8) | ((long) (outScale & 0xFF) << 16);
      next[b] = -1;
      int t = tail[ordinal];
      if (t < 0) {
        head[ordinal] = b;
        readFrom[ordinal] = b;
        readBefore[ordinal] = Long.MIN_VALUE;
      } else {
        next[t] = b;
        if (readFrom[ordinal] < 0) {
          // the last read ran off the end of the chain: it resumes at this block
          readFrom[ordinal] = b;
        }
      }
      tail[ordinal] = b;
      last[o] = start;
      last[o + 1] = start + minutes * 60L;
      size++;
      return Outcome.ADDED;
    }
    unchain(ordinal);
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
    MeterSeries series = byMeter.get(meterId);
    if (series == null) {
      return List.of();
    }
    unchain(series.ordinal);
    return series.range(from.getEpochSecond(), to.getEpochSecond());
  }

  @Override
  public synchronized SlotEnergy energy(String meterId, DeliverySlot slot) {
    MeterSeries series = lastRead;
    if (meterId != lastReadId && (series == null || !series.meterId.equals(meterId))) {
      series = byMeter.get(meterId);
      if (series == null) {
        return new SlotEnergy(meterId, slot, BigDecimal.ZERO, BigDecimal.ZERO, 0);
      }
      lastRead = series;
    }
    lastReadId = meterId;
    return energy(series, slot);
  }

  /**
   * {@inheritDoc} A meter the store has had blocks of keeps its series, also through {@link
   * #clear()}, so the function reads it without looking the meter up again; for a meter it has not
   * seen yet, it looks the meter up on every slot.
   */
  @Override
  public synchronized MeterEnergy energyOf(String meterId) {
    MeterSeries series = byMeter.get(meterId);
    if (series == null) {
      return slot -> energy(meterId, slot);
    }
    return new SeriesEnergy(series);
  }

  /**
   * A known meter's energy. {@link #read} answers for a meter whose blocks are all in its chain,
   * which is every meter of a day imported in order; any other is read through {@link #apply}.
   */
  private final class SeriesEnergy implements MeterEnergy {
    private final MeterSeries series;

    SeriesEnergy(MeterSeries series) {
      this.series = series;
    }

    @Override
    public SlotEnergy apply(DeliverySlot slot) {
      synchronized (InMemoryMeterReadingStore.this) {
        return energy(series, slot);
      }
    }

    @Override
    public boolean read(DeliverySlot slot, SlotSums sums) {
      synchronized (InMemoryMeterReadingStore.this) {
        return head[series.ordinal] >= 0
            && series.isEmpty()
            && readChain(series.ordinal, slot, sums);
      }
    }
  }

  private SlotEnergy energy(MeterSeries series, DeliverySlot slot) {
    int ordinal = series.ordinal;
    if (head[ordinal] >= 0) {
      if (series.isEmpty()) {
        return chainEnergy(series, slot);
      }
      unchain(ordinal);
    }
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
    logged = 0;
    moved = 0;
    for (int o = 0; o < byMeter.size(); o++) {
      byOrdinal[o].clear();
      last[2 * o] = Long.MIN_VALUE;
      last[2 * o + 1] = Long.MIN_VALUE;
      head[o] = -1;
      tail[o] = -1;
    }
    size = 0;
  }

  /** Blocks in the log, live or moved; for tests. */
  synchronized int logged() {
    return logged;
  }

  private void track(MeterSeries series) {
    last[2 * series.ordinal] = series.lastStart();
    last[2 * series.ordinal + 1] = series.lastEnd();
  }

  /**
   * The energy of a meter whose blocks are all in its chain, summed as {@link MeterSeries#energy}
   * sums: blocks of one scale as longs, else one by one from {@code BigDecimal.ZERO}, so that the
   * result is the same decimal, scale included.
   */
  private SlotEnergy chainEnergy(MeterSeries series, DeliverySlot slot) {
    SlotSums sums = scratch;
    readChain(series.ordinal, slot, sums);
    int first = chainStart;
    int end = chainEnd;
    BigDecimal inKwh =
        first == end
            ? BigDecimal.ZERO
            : sums.importScale() >= 0 ? sums.importKwh() : sum(first, end, 1, 8);
    BigDecimal outKwh =
        first == end
            ? BigDecimal.ZERO
            : sums.exportScale() >= 0 ? sums.exportKwh() : sum(first, end, 2, 16);
    return new SlotEnergy(series.meterId, slot, inKwh, outKwh, sums.coveredMinutes());
  }

  /**
   * Sums the chained blocks of the meter at {@code ordinal} in {@code slot} into {@code sums} and
   * moves its read position past them; the blocks summed are {@link #chainStart} up to {@link
   * #chainEnd}. True when both sums are exact as longs, each of blocks of one scale: then they are
   * what {@link #chainEnergy} returns. Otherwise false, and a sum that is not exact has a negative
   * scale in {@code sums}.
   */
  private boolean readChain(int ordinal, DeliverySlot slot, SlotSums sums) {
    long from = slot.start().getEpochSecond();
    long to = slot.end().getEpochSecond();
    int b = from >= readBefore[ordinal] ? readFrom[ordinal] : head[ordinal];
    while (b >= 0 && log[b * LOG_STRIDE] < from) {
      b = next[b];
    }
    int first = b;
    long minutes = 0;
    long in = 0;
    long out = 0;
    int inScale = b < 0 ? 0 : scale(b, 8);
    int outScale = b < 0 ? 0 : scale(b, 16);
    boolean inExact = inScale >= 0;
    boolean outExact = outScale >= 0;
    for (; b >= 0 && log[b * LOG_STRIDE] < to; b = next[b]) {
      int p = b * LOG_STRIDE;
      minutes += log[p + 3] & 0xFF;
      long i = log[p + 1];
      long x = log[p + 2];
      inExact = inExact && scale(b, 8) == inScale && (in += i) >= 0 && i >= 0;
      outExact = outExact && scale(b, 16) == outScale && (out += x) >= 0 && x >= 0;
    }
    readFrom[ordinal] = b;
    readBefore[ordinal] = to;
    chainStart = first;
    chainEnd = b;
    if (first == b) {
      // no block: BigDecimal.ZERO both
      sums.set(0, 0, 0, 0, 0);
      return true;
    }
    sums.set(in, inExact ? inScale : -1, out, outExact ? outScale : -1, minutes);
    return inExact && outExact;
  }

  /** Field {@code field} of the chained blocks from {@code first} up to {@code end}, one by one. */
  private BigDecimal sum(int first, int end, int field, int shift) {
    BigDecimal total = BigDecimal.ZERO;
    for (int b = first; b != end; b = next[b]) {
      total = total.add(BigDecimal.valueOf(log[b * LOG_STRIDE + field], scale(b, shift)));
    }
    return total;
  }

  private int scale(int b, int shift) {
    return (byte) (log[b * LOG_STRIDE + 3] >>> shift);
  }

  /**
   * Moves the meter's chained blocks into its series, in the order they came. When half the log is
   * blocks moved so, every chain is moved and the log starts empty: a store that lives long, and
   * whose meters are read block by block, does not keep two copies of its blocks.
   */
  private void unchain(int ordinal) {
    move(ordinal);
    if (moved >= COMPACT_AFTER && 2 * moved > logged) {
      for (int o = 0; o < byMeter.size(); o++) {
        move(o);
      }
      logged = 0;
      moved = 0;
    }
  }

  private void move(int ordinal) {
    MeterSeries series = byOrdinal[ordinal];
    for (int b = head[ordinal]; b >= 0; b = next[b]) {
      int p = b * LOG_STRIDE;
      long packed = log[p + 3];
      series.append(
          log[p],
          (int) (packed & 0xFF),
          log[p + 1],
          (byte) (packed >>> 8),
          log[p + 2],
          (byte) (packed >>> 16));
      moved++;
    }
    head[ordinal] = -1;
    tail[ordinal] = -1;
  }
}
