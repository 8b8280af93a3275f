package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterReading;

/**
 * A {@link MeterReadingStore} in memory, locked per meter so imports of different meters do not
 * wait for each other.
 *
 * <p>A month of a mid-size DISCOM is millions of blocks, so each meter's blocks are kept in one
 * primitive array sorted by start (energy as unscaled value and scale) rather than as millions of
 * objects: the garbage collector then has almost nothing to trace, MDMS data arriving
 * in time order makes a put an append, and lookups are a binary search over contiguous memory.
 * Readings are rebuilt on the way out.
 */
public final class InMemoryMeterReadingStore implements MeterReadingStore {
  private final Map<String, Series> byMeter = new ConcurrentHashMap<>();
  private final AtomicLong size = new AtomicLong();

  @Override
  public PutResult put(MeterReading reading) {
    Series series = byMeter.get(reading.meterId());
    if (series == null) {
      series = byMeter.computeIfAbsent(reading.meterId(), Series::new);
    }
    PutResult result = series.put(reading);
    if (result.outcome() == Outcome.ADDED) {
      size.incrementAndGet();
    }
    return result;
  }

  @Override
  public List<MeterReading> readings(String meterId, Instant from, Instant to) {
    Series series = byMeter.get(meterId);
    return series == null ? List.of() : series.range(from.getEpochSecond(), to.getEpochSecond());
  }

  @Override
  public SlotEnergy energy(String meterId, DeliverySlot slot) {
    Series series = byMeter.get(meterId);
    return series == null ? new SlotEnergy(meterId, slot, BigDecimal.ZERO, BigDecimal.ZERO, 0)
        : series.energy(slot);
  }

  @Override
  public long size() {
    return size.get();
  }

  /**
   * One meter's blocks, ordered by start, four longs per block in one array (start, import
   * unscaled, export unscaled, minutes and both scales packed) so that a put touches one cache
   * line rather than one per field.
   */
  private static final class Series {
    private static final int STRIDE = 4;

    private final String meterId;
    private long[] data = new long[64 * STRIDE];
    /** Readings whose values do not fit a long and a byte scale; null while there are none. */
    private MeterReading[] oversized;
    private int count;

    Series(String meterId) {
      this.meterId = meterId;
    }

    synchronized PutResult put(MeterReading r) {
      long start = r.blockStart().getEpochSecond();
      long end = start + r.blockMinutes() * 60L;
      int at = count == 0 || start(count - 1) < start ? -count - 1 : search(start);
      if (at >= 0) {
        MeterReading same = get(at);
        if (same.sameValuesAs(r)) {
          return new PutResult(Outcome.UNCHANGED, same);
        }
        return new PutResult(same.blockMinutes() == r.blockMinutes()
            ? Outcome.CONFLICTING_VALUE : Outcome.OVERLAPPING_BLOCK, same);
      }
      int ins = -at - 1;
      if (ins > 0 && start(ins - 1) + minutes(ins - 1) * 60L > start) {
        return new PutResult(Outcome.OVERLAPPING_BLOCK, get(ins - 1));
      }
      if (ins < count && start(ins) < end) {
        return new PutResult(Outcome.OVERLAPPING_BLOCK, get(ins));
      }
      if ((count + 1) * STRIDE > data.length) {
        data = Arrays.copyOf(data, data.length * 2);
        if (oversized != null) {
          oversized = Arrays.copyOf(oversized, data.length / STRIDE);
        }
      }
      System.arraycopy(data, ins * STRIDE, data, (ins + 1) * STRIDE, (count - ins) * STRIDE);
      if (oversized != null) {
        System.arraycopy(oversized, ins, oversized, ins + 1, count - ins);
      }
      boolean fits = r.blockStart().getNano() == 0 && fits(r.importKwh()) && fits(r.exportKwh());
      int o = ins * STRIDE;
      data[o] = start;
      data[o + 3] = r.blockMinutes();
      if (fits) {
        data[o + 1] = unscaled(r.importKwh());
        data[o + 2] = unscaled(r.exportKwh());
        data[o + 3] |= ((long) (r.importKwh().scale() & 0xFF) << 8) | ((long) (r.exportKwh().scale() & 0xFF) << 16);
      } else if (oversized == null) {
        oversized = new MeterReading[data.length / STRIDE];
      }
      if (oversized != null) {
        oversized[ins] = fits ? null : r;
      }
      count++;
      return new PutResult(Outcome.ADDED, r);
    }

    /** Sums straight from the array: allocation runs read every slot of every meter. */
    synchronized SlotEnergy energy(DeliverySlot slot) {
      int lo = lowerBound(slot.start().getEpochSecond());
      int hi = lowerBound(slot.end().getEpochSecond());
      BigDecimal in = BigDecimal.ZERO;
      BigDecimal out = BigDecimal.ZERO;
      long minutes = 0;
      for (int i = lo; i < hi; i++) {
        if (oversized != null && oversized[i] != null) {
          in = in.add(oversized[i].importKwh());
          out = out.add(oversized[i].exportKwh());
        } else {
          long packed = data[i * STRIDE + 3];
          in = in.add(BigDecimal.valueOf(data[i * STRIDE + 1], (byte) (packed >>> 8)));
          out = out.add(BigDecimal.valueOf(data[i * STRIDE + 2], (byte) (packed >>> 16)));
        }
        minutes += minutes(i);
      }
      return new SlotEnergy(meterId, slot, in, out, minutes);
    }

    synchronized List<MeterReading> range(long from, long to) {
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

    private MeterReading get(int i) {
      if (oversized != null && oversized[i] != null) {
        return oversized[i];
      }
      int o = i * STRIDE;
      long packed = data[o + 3];
      return new MeterReading(meterId, Instant.ofEpochSecond(data[o]), (int) (packed & 0xFF),
          BigDecimal.valueOf(data[o + 1], (byte) (packed >>> 8)), BigDecimal.valueOf(data[o + 2], (byte) (packed >>> 16)));
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

    private int lowerBound(long key) {
      int at = search(key);
      return at >= 0 ? at : -at - 1;
    }
  }
}
