package org.uei.p2p.market.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.uei.p2p.model.trade.MeterReading;

/**
 * A {@link MeterReadingStore} in memory, locked per meter so imports of different meters do not
 * wait for each other.
 *
 * <p>A month of a mid-size DISCOM is millions of blocks, so each meter's blocks are kept in
 * parallel primitive arrays sorted by start (energy as unscaled value and scale) rather than as
 * millions of objects: the garbage collector then has almost nothing to trace, MDMS data arriving
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
    public long size() {
        return size.get();
    }

    /** One meter's blocks, ordered by start. */
    private static final class Series {
        private final String meterId;
        private long[] starts = new long[64];
        private byte[] minutes = new byte[64];
        private long[] importUnscaled = new long[64];
        private long[] exportUnscaled = new long[64];
        private byte[] importScale = new byte[64];
        private byte[] exportScale = new byte[64];
        /** Readings whose values do not fit a long and a byte scale; null while there are none. */
        private MeterReading[] oversized;
        private int count;

        Series(String meterId) {
            this.meterId = meterId;
        }

        synchronized PutResult put(MeterReading r) {
            long start = r.blockStart().getEpochSecond();
            long end = start + r.blockMinutes() * 60L;
            int at = count > 0 && starts[count - 1] < start ? -count - 1 : Arrays.binarySearch(starts, 0, count, start);
            if (at >= 0) {
                MeterReading same = get(at);
                if (same.sameValuesAs(r)) {
                    return new PutResult(Outcome.UNCHANGED, same);
                }
                return new PutResult(same.blockMinutes() == r.blockMinutes()
                        ? Outcome.CONFLICTING_VALUE : Outcome.OVERLAPPING_BLOCK, same);
            }
            int ins = -at - 1;
            if (ins > 0 && starts[ins - 1] + minutes[ins - 1] * 60L > start) {
                return new PutResult(Outcome.OVERLAPPING_BLOCK, get(ins - 1));
            }
            if (ins < count && starts[ins] < end) {
                return new PutResult(Outcome.OVERLAPPING_BLOCK, get(ins));
            }
            if (count == starts.length) {
                grow();
            }
            shift(ins);
            starts[ins] = start;
            minutes[ins] = (byte) r.blockMinutes();
            boolean fits = r.blockStart().getNano() == 0 && fits(r.importKwh()) && fits(r.exportKwh());
            if (fits) {
                importUnscaled[ins] = unscaled(r.importKwh());
                importScale[ins] = (byte) r.importKwh().scale();
                exportUnscaled[ins] = unscaled(r.exportKwh());
                exportScale[ins] = (byte) r.exportKwh().scale();
            } else if (oversized == null) {
                oversized = new MeterReading[starts.length];
            }
            if (oversized != null) {
                oversized[ins] = fits ? null : r;
            }
            count++;
            return new PutResult(Outcome.ADDED, r);
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

        private MeterReading get(int i) {
            if (oversized != null && oversized[i] != null) {
                return oversized[i];
            }
            return new MeterReading(meterId, Instant.ofEpochSecond(starts[i]), minutes[i],
                    BigDecimal.valueOf(importUnscaled[i], importScale[i]), BigDecimal.valueOf(exportUnscaled[i], exportScale[i]));
        }

        private static boolean fits(BigDecimal v) {
            return v.scale() >= Byte.MIN_VALUE && v.scale() <= Byte.MAX_VALUE && v.precision() <= 18;
        }

        /** The unscaled value of a decimal of at most 18 digits, without going through BigInteger. */
        private static long unscaled(BigDecimal v) {
            return v.scaleByPowerOfTen(v.scale()).longValueExact();
        }

        private void shift(int ins) {
            int n = count - ins;
            System.arraycopy(starts, ins, starts, ins + 1, n);
            System.arraycopy(minutes, ins, minutes, ins + 1, n);
            System.arraycopy(importUnscaled, ins, importUnscaled, ins + 1, n);
            System.arraycopy(exportUnscaled, ins, exportUnscaled, ins + 1, n);
            System.arraycopy(importScale, ins, importScale, ins + 1, n);
            System.arraycopy(exportScale, ins, exportScale, ins + 1, n);
            if (oversized != null) {
                System.arraycopy(oversized, ins, oversized, ins + 1, n);
            }
        }

        private void grow() {
            int n = count * 2;
            starts = Arrays.copyOf(starts, n);
            minutes = Arrays.copyOf(minutes, n);
            importUnscaled = Arrays.copyOf(importUnscaled, n);
            exportUnscaled = Arrays.copyOf(exportUnscaled, n);
            importScale = Arrays.copyOf(importScale, n);
            exportScale = Arrays.copyOf(exportScale, n);
            if (oversized != null) {
                oversized = Arrays.copyOf(oversized, n);
            }
        }

        private int lowerBound(long key) {
            int at = Arrays.binarySearch(starts, 0, count, key);
            return at >= 0 ? at : -at - 1;
        }
    }
}
