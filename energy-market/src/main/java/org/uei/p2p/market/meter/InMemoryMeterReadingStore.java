package org.uei.p2p.market.meter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.uei.p2p.model.trade.MeterReading;

/**
 * A {@link MeterReadingStore} in memory: one time-ordered map per meter, locked per meter so that
 * imports of different meters do not wait for each other.
 */
public final class InMemoryMeterReadingStore implements MeterReadingStore {
    private final Map<String, TreeMap<Long, MeterReading>> byMeter = new ConcurrentHashMap<>();
    private final AtomicLong size = new AtomicLong();

    @Override
    public PutResult put(MeterReading reading) {
        TreeMap<Long, MeterReading> series = byMeter.computeIfAbsent(reading.meterId(), k -> new TreeMap<>());
        long start = reading.blockStart().getEpochSecond();
        long end = start + reading.blockMinutes() * 60L;
        synchronized (series) {
            MeterReading same = series.get(start);
            if (same != null) {
                if (same.sameValuesAs(reading)) {
                    return new PutResult(Outcome.UNCHANGED, same);
                }
                return new PutResult(same.blockMinutes() == reading.blockMinutes()
                        ? Outcome.CONFLICTING_VALUE : Outcome.OVERLAPPING_BLOCK, same);
            }
            Map.Entry<Long, MeterReading> before = series.lowerEntry(start);
            if (before != null && before.getKey() + before.getValue().blockMinutes() * 60L > start) {
                return new PutResult(Outcome.OVERLAPPING_BLOCK, before.getValue());
            }
            Map.Entry<Long, MeterReading> after = series.higherEntry(start);
            if (after != null && after.getKey() < end) {
                return new PutResult(Outcome.OVERLAPPING_BLOCK, after.getValue());
            }
            series.put(start, reading);
        }
        size.incrementAndGet();
        return new PutResult(Outcome.ADDED, reading);
    }

    @Override
    public List<MeterReading> readings(String meterId, Instant from, Instant to) {
        TreeMap<Long, MeterReading> series = byMeter.get(meterId);
        if (series == null) {
            return List.of();
        }
        synchronized (series) {
            NavigableMap<Long, MeterReading> range = series.subMap(from.getEpochSecond(), true, to.getEpochSecond(), false);
            return new ArrayList<>(range.values());
        }
    }

    @Override
    public long size() {
        return size.get();
    }
}
