package org.uei.p2p.market.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.meter.MeterReadingStore.Outcome;
import org.uei.p2p.market.meter.MeterReadingStore.PutResult;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterReading;

/**
 * The in-memory store (packed arrays, pending log, read cursor, one-series cache) against a plain
 * model of the store contract, over random mixes of both put forms and reads.
 */
class InMemoryMeterReadingStoreModelTest {
  private static final long T0 = Instant.parse("2026-02-10T00:30:00Z").getEpochSecond();

  /** The contract, written as plainly as possible: a sorted map of blocks per meter. */
  private static final class Model implements MeterReadingStore {
    final Map<String, TreeMap<Long, MeterReading>> blocks = new HashMap<>();
    long size;

    @Override
    public PutResult put(MeterReading r) {
      TreeMap<Long, MeterReading> m = blocks.computeIfAbsent(r.meterId(), k -> new TreeMap<>());
      long start = r.blockStart().getEpochSecond();
      MeterReading same = m.get(start);
      if (same != null) {
        Outcome o =
            same.sameValuesAs(r)
                ? Outcome.UNCHANGED
                : same.blockMinutes() == r.blockMinutes()
                    ? Outcome.CONFLICTING_VALUE
                    : Outcome.OVERLAPPING_BLOCK;
        return new PutResult(o, same);
      }
      Map.Entry<Long, MeterReading> before = m.lowerEntry(start);
      if (before != null && before.getKey() + before.getValue().blockMinutes() * 60L > start) {
        return new PutResult(Outcome.OVERLAPPING_BLOCK, before.getValue());
      }
      Map.Entry<Long, MeterReading> after = m.higherEntry(start);
      if (after != null && after.getKey() < start + r.blockMinutes() * 60L) {
        return new PutResult(Outcome.OVERLAPPING_BLOCK, after.getValue());
      }
      m.put(start, r);
      size++;
      return new PutResult(Outcome.ADDED, r);
    }

    @Override
    public List<MeterReading> readings(String meterId, Instant from, Instant to) {
      TreeMap<Long, MeterReading> m = blocks.get(meterId);
      return m == null
          ? List.of()
          : new ArrayList<>(m.subMap(from.getEpochSecond(), to.getEpochSecond()).values());
    }

    @Override
    public long size() {
      return size;
    }
  }

  private static final String[] VALUES = {
    "0",
    "0.00",
    "1.5",
    "1.50",
    "4.25",
    "0.125",
    "7",
    "123456789012345678901234.5",
    "999999999999999999",
    "1E+3"
  };

  @Test
  void behavesLikeThePlainModel() {
    Random random = new Random(11);
    int sumsRead = 0;
    for (int round = 0; round < 300; round++) {
      InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
      Model model = new Model();
      String[] meters = {"M-1", "M-2", "M-3"};
      long[] clock = new long[meters.length];
      Arrays.fill(clock, T0);
      // per-meter readers taken before the store knows a meter, and once it does, kept throughout
      Map<String, MeterEnergy> early = new HashMap<>();
      Map<String, MeterEnergy> bound = new HashMap<>();
      for (String meter : meters) {
        early.put(meter, store.energyOf(meter));
      }
      for (int op = 0; op < 160; op++) {
        int m = random.nextInt(meters.length);
        String meter = meters[m];
        int minutes = new int[] {15, 30, 60}[random.nextInt(3)];
        // mostly the next aligned block, as MDMS files come; sometimes back in time or a repeat
        long start =
            switch (random.nextInt(6)) {
              case 0 -> T0 + 900L * random.nextInt(40);
              case 1 -> clock[m] - 900;
              default -> clock[m];
            };
        clock[m] = Math.max(clock[m], start + minutes * 60L);
        BigDecimal in = new BigDecimal(VALUES[random.nextInt(VALUES.length)]);
        BigDecimal out = new BigDecimal(VALUES[random.nextInt(VALUES.length)]);
        MeterReading r = new MeterReading(meter, Instant.ofEpochSecond(start), minutes, in, out);
        int kind = random.nextInt(10);
        if (kind < 5
            && in.precision() <= 18
            && out.precision() <= 18
            && in.scale() >= 0
            && out.scale() >= 0) {
          Outcome o =
              store.put(
                  store.ordinal(meter),
                  start,
                  minutes,
                  in.unscaledValue().longValueExact(),
                  in.scale(),
                  out.unscaledValue().longValueExact(),
                  out.scale());
          assertEquals(model.put(r).outcome(), o, r.toString());
        } else if (kind < 8) {
          assertEquals(model.put(r), store.put(r), r.toString());
        } else if (kind == 8 && random.nextInt(20) == 0) {
          store.clear();
          model.blocks.clear();
          model.size = 0;
          Arrays.fill(clock, T0);
        } else if (kind == 8) {
          // slot sums alone, read along the log's chains while blocks keep coming
          for (int k = 0; k < 3; k++) {
            DeliverySlot slot =
                DeliverySlot.hourStarting(
                    Instant.ofEpochSecond(T0 + 3600L * random.nextInt(12) + 900L * (k % 2)));
            SlotEnergy read =
                switch (k) {
                  case 0 -> early.get(meter).apply(slot);
                  case 1 -> bound.computeIfAbsent(meter, store::energyOf).apply(slot);
                  default -> store.energy(meter, slot);
                };
            assertEquals(model.energy(meter, slot), read, meter + " " + slot);
            // the same slot as sums, where the store answers so: the same decimals, scale included
            SlotEnergy expected = model.energy(meter, slot);
            SlotSums sums = new SlotSums();
            MeterEnergy reader = k == 0 ? early.get(meter) : bound.get(meter);
            if (reader != null && reader.read(slot, sums)) {
              sumsRead++;
              assertEquals(expected.importKwh(), sums.importKwh(), meter + " " + slot);
              assertEquals(expected.exportKwh(), sums.exportKwh(), meter + " " + slot);
              assertEquals(expected.coveredMinutes(), sums.coveredMinutes(), meter + " " + slot);
            }
          }
        } else {
          DeliverySlot slot =
              DeliverySlot.hourStarting(Instant.ofEpochSecond(T0 + 3600L * random.nextInt(12)));
          assertEquals(model.energy(meter, slot), store.energy(meter, slot), meter + " " + slot);
          Instant from = Instant.ofEpochSecond(T0 + 900L * random.nextInt(30));
          Instant to = from.plusSeconds(900L * random.nextInt(30));
          assertEquals(model.readings(meter, from, to), store.readings(meter, from, to));
          assertEquals(model.size(), store.size());
        }
      }
      for (String meter : meters) {
        assertEquals(
            model.readings(meter, Instant.EPOCH, Instant.ofEpochSecond(T0 * 2)),
            store.readings(meter, Instant.EPOCH, Instant.ofEpochSecond(T0 * 2)));
      }
      assertEquals(model.size(), store.size());
    }
    // read(...) answered, and was checked, often enough to mean something
    assertTrue(sumsRead > 100, "slots read as sums: " + sumsRead);
  }

  /**
   * Enough in-order blocks, read block by block now and then, for the store to compact its log
   * several times while other meters' blocks are still in it.
   */
  @Test
  void aCompactedLogLosesNothing() {
    InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
    Model model = new Model();
    String[] meters = {"M-1", "M-2", "M-3", "M-4"};
    Random random = new Random(7);
    Instant end = Instant.ofEpochSecond(T0 + 900L * 20_000);
    int compactions = 0;
    for (int i = 0; i < 5 * InMemoryMeterReadingStore.COMPACT_AFTER; i++) {
      String meter = meters[i % meters.length];
      MeterReading r =
          new MeterReading(
              meter,
              Instant.ofEpochSecond(T0 + 900L * (i / meters.length)),
              15,
              new BigDecimal(VALUES[random.nextInt(7)]),
              new BigDecimal(VALUES[random.nextInt(7)]));
      int before = store.logged();
      assertEquals(
          model.put(r).outcome(),
          store.put(
              store.ordinal(meter),
              r.blockStart().getEpochSecond(),
              15,
              r.importKwh().unscaledValue().longValueExact(),
              r.importKwh().scale(),
              r.exportKwh().unscaledValue().longValueExact(),
              r.exportKwh().scale()));
      if (random.nextInt(500) == 0) {
        String read = meters[random.nextInt(3)];
        assertEquals(
            model.readings(read, Instant.EPOCH, end), store.readings(read, Instant.EPOCH, end));
      }
      if (random.nextInt(50) == 0) {
        DeliverySlot slot =
            DeliverySlot.hourStarting(Instant.ofEpochSecond(T0 + 900L * random.nextInt(i + 1)));
        String read = meters[random.nextInt(meters.length)];
        assertEquals(model.energy(read, slot), store.energy(read, slot), read + " " + slot);
      }
      compactions += store.logged() < before ? 1 : 0;
    }
    for (String meter : meters) {
      assertEquals(
          model.readings(meter, Instant.EPOCH, end), store.readings(meter, Instant.EPOCH, end));
    }
    assertEquals(model.size(), store.size());
    assertTrue(compactions > 0, "the log was never compacted");
  }

  @Test
  void slotsReadInAnyOrderSumTheSame() {
    InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
    Model model = new Model();
    for (int i = 0; i < 48; i++) {
      MeterReading r =
          new MeterReading(
              "M-1",
              Instant.ofEpochSecond(T0 + 900L * i),
              15,
              new BigDecimal(i % 7 == 0 ? "0.125" : "1.5"),
              BigDecimal.valueOf(i, i % 3));
      store.put(r);
      model.put(r);
    }
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      DeliverySlot slot =
          new DeliverySlot(
              Instant.ofEpochSecond(T0 + 900L * random.nextInt(50)),
              Instant.ofEpochSecond(T0 + 900L * (50 + random.nextInt(10))));
      assertEquals(model.energy("M-1", slot), store.energy("M-1", slot), slot.toString());
    }
  }
}
