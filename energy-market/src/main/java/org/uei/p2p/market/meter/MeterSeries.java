package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uei.p2p.market.meter.MeterReadingStore.Outcome;
import org.uei.p2p.market.meter.MeterReadingStore.PutResult;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterReading;

/**
 * One meter's blocks in {@link InMemoryMeterReadingStore}, ordered by start, four longs per block
 * in one array (start, import unscaled, export unscaled, minutes and both scales packed) so that a
 * block is one half cache line rather than one line per field. Guarded by the store's lock.
 */
final class MeterSeries {
  private static final int STRIDE = 4;

  final String meterId;

  /** Position of the meter in the store's dense per-meter arrays. */
  final int ordinal;

  // small at first: in a day-by-day run most series never hold a block (see the store's log)
  private long[] data = new long[8 * STRIDE];

  /** Readings whose values do not fit a long and a byte scale; null while there are none. */
  private MeterReading[] oversized;

  private int count;

  /** Where the last slot read ended; only a hint for the next read. */
  private int cursor;

  MeterSeries(String meterId, int ordinal) {
    this.meterId = meterId;
    this.ordinal = ordinal;
  }

  PutResult put(MeterReading r) {
    long start = r.blockStart().getEpochSecond();
    int at = refusing(start, start + r.blockMinutes() * 60L);
    if (at >= 0) {
      MeterReading same = get(at);
      if (start(at) != start) {
        return new PutResult(Outcome.OVERLAPPING_BLOCK, same);
      }
      if (same.sameValuesAs(r)) {
        return new PutResult(Outcome.UNCHANGED, same);
      }
      return new PutResult(
          same.blockMinutes() == r.blockMinutes()
              ? Outcome.CONFLICTING_VALUE
              : Outcome.OVERLAPPING_BLOCK,
          same);
    }
    int ins = -at - 1;
    if (r.blockStart().getNano() == 0 && fits(r.importKwh()) && fits(r.exportKwh())) {
      insert(
          ins,
          start,
          r.blockMinutes(),
          unscaled(r.importKwh()),
          r.importKwh().scale(),
          unscaled(r.exportKwh()),
          r.exportKwh().scale(),
          null);
    } else {
      insert(ins, start, r.blockMinutes(), 0, 0, 0, 0, r);
    }
    return new PutResult(Outcome.ADDED, r);
  }

  Outcome put(long start, int minutes, long in, int inScale, long out, int outScale) {
    int at = refusing(start, start + minutes * 60L);
    if (at < 0) {
      insert(-at - 1, start, minutes, in, inScale, out, outScale, null);
      return Outcome.ADDED;
    }
    if (start(at) != start || minutes(at) != minutes) {
      return Outcome.OVERLAPPING_BLOCK;
    }
    boolean same =
        oversized != null && oversized[at] != null
            ? BigDecimal.valueOf(in, inScale).compareTo(oversized[at].importKwh()) == 0
                && BigDecimal.valueOf(out, outScale).compareTo(oversized[at].exportKwh()) == 0
            : Decimals.equal(data[at * STRIDE + 1], scale(at, 8), in, inScale)
                && Decimals.equal(data[at * STRIDE + 2], scale(at, 16), out, outScale);
    return same ? Outcome.UNCHANGED : Outcome.CONFLICTING_VALUE;
  }

  /** Adds a block that starts after every stored block ends; the store has checked that. */
  void append(long start, int minutes, long in, int inScale, long out, int outScale) {
    insert(count, start, minutes, in, inScale, out, outScale, null);
  }

  /** Whether the series holds no block. */
  boolean isEmpty() {
    return count == 0;
  }

  /** Drops every block, keeping the array for the next ones. */
  void clear() {
    count = 0;
    cursor = 0;
    oversized = null;
  }

  /** Start of the latest block, or {@code Long.MIN_VALUE} when there is none. */
  long lastStart() {
    return count == 0 ? Long.MIN_VALUE : start(count - 1);
  }

  /** End of the latest block, or {@code Long.MIN_VALUE} when there is none. */
  long lastEnd() {
    return count == 0 ? Long.MIN_VALUE : start(count - 1) + minutes(count - 1) * 60L;
  }

  /**
   * The stored block that refuses a new block over {@code [start, end)}: the one with the same
   * start, else one overlapping it. When none does, {@code -(insertion point) - 1}.
   */
  private int refusing(long start, long end) {
    int at = count == 0 || start(count - 1) < start ? -count - 1 : search(start);
    if (at >= 0) {
      return at;
    }
    int ins = -at - 1;
    if (ins > 0 && start(ins - 1) + minutes(ins - 1) * 60L > start) {
      return ins - 1;
    }
    if (ins < count && start(ins) < end) {
      return ins;
    }
    return at;
  }

  /**
   * Inserts a block at {@code ins}; {@code big} is the reading itself when its values do not pack.
   */
  private void insert(
      int ins,
      long start,
      int minutes,
      long in,
      int inScale,
      long out,
      int outScale,
      MeterReading big) {
    if ((count + 1) * STRIDE > data.length) {
      data = Arrays.copyOf(data, data.length * 2);
      if (oversized != null) {
        oversized = Arrays.copyOf(oversized, data.length / STRIDE);
      }
    }
    if (ins < count) {
      System.arraycopy(data, ins * STRIDE, data, (ins + 1) * STRIDE, (count - ins) * STRIDE);
      if (oversized != null) {
        System.arraycopy(oversized, ins, oversized, ins + 1, count - ins);
      }
    }
    int o = ins * STRIDE;
    data[o] = start;
    data[o + 1] = in;
    data[o + 2] = out;
    data[o + 3] = minutes | ((long) (inScale & 0xFF) << 8) | ((long) (outScale & 0xFF) << 16);
    if (big != null && oversized == null) {
      oversized = new MeterReading[data.length / STRIDE];
    }
    if (oversized != null) {
      oversized[ins] = big;
    }
    count++;
  }

  /**
   * Sums straight from the array: allocation runs read every slot of every meter. Values of one
   * scale, the usual case, are added as longs; the result is the same decimal, scale included, as
   * adding them one by one to {@code BigDecimal.ZERO}.
   */
  SlotEnergy energy(DeliverySlot slot) {
    int lo = lowerBound(slot.start().getEpochSecond());
    long end = slot.end().getEpochSecond();
    int hi = lo;
    long minutes = 0;
    while (hi < count && start(hi) < end) {
      minutes += minutes(hi++);
    }
    cursor = hi;
    return new SlotEnergy(meterId, slot, sum(lo, hi, 1, 8), sum(lo, hi, 2, 16), minutes);
  }

  /** Sum of field {@code field} (scale at bit {@code shift}) over blocks {@code [lo, hi)}. */
  private BigDecimal sum(int lo, int hi, int field, int shift) {
    if (oversized == null && lo < hi) {
      int scale = scale(lo, shift);
      long total = 0;
      boolean exact = scale >= 0;
      for (int i = lo; i < hi && exact; i++) {
        long v = data[i * STRIDE + field];
        exact = scale(i, shift) == scale && (total += v) >= 0 && v >= 0;
      }
      if (exact) {
        return BigDecimal.valueOf(total, scale);
      }
    }
    BigDecimal total = BigDecimal.ZERO;
    for (int i = lo; i < hi; i++) {
      total =
          total.add(
              oversized != null && oversized[i] != null
                  ? (field == 1 ? oversized[i].importKwh() : oversized[i].exportKwh())
                  : BigDecimal.valueOf(data[i * STRIDE + field], scale(i, shift)));
    }
    return total;
  }

  List<MeterReading> range(long from, long to) {
    int lo = lowerBound(from);
    int hi = lowerBound(to);
    List<MeterReading> out = new ArrayList<>(Math.max(0, hi - lo));
    for (int i = lo; i < hi; i++) {
      out.add(get(i));
    }
    return out;
  }

  private long start(int i) {
    return data[i * STRIDE];
  }

  private int minutes(int i) {
    return (int) (data[i * STRIDE + 3] & 0xFF);
  }

  private int scale(int i, int shift) {
    return (byte) (data[i * STRIDE + 3] >>> shift);
  }

  private MeterReading get(int i) {
    if (oversized != null && oversized[i] != null) {
      return oversized[i];
    }
    int o = i * STRIDE;
    return new MeterReading(
        meterId,
        Instant.ofEpochSecond(data[o]),
        minutes(i),
        BigDecimal.valueOf(data[o + 1], scale(i, 8)),
        BigDecimal.valueOf(data[o + 2], scale(i, 16)));
  }

  private static boolean fits(BigDecimal v) {
    return v.scale() >= Byte.MIN_VALUE && v.scale() <= Byte.MAX_VALUE && v.precision() <= 18;
  }

  /** The unscaled value of a decimal of at most 18 digits, without going through BigInteger. */
  private static long unscaled(BigDecimal v) {
    return v.scaleByPowerOfTen(v.scale()).longValueExact();
  }

  /** Index of the block starting at {@code key}, or {@code -(insertion point) - 1}. */
  private int search(long key) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = start(mid);
      if (v < key) {
        lo = mid + 1;
      } else if (v > key) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -lo - 1;
  }

  /**
   * Index of the first block starting at or after {@code key}. Allocation reads a meter's slots in
   * time order, so the block after the last one read is tried before a binary search.
   */
  private int lowerBound(long key) {
    int c = cursor;
    if (c <= count && (c == 0 || start(c - 1) < key) && (c == count || start(c) >= key)) {
      return c;
    }
    int at = search(key);
    return at >= 0 ? at : -at - 1;
  }
}
