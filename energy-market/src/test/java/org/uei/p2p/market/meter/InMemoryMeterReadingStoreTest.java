package org.uei.p2p.market.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.meter.MeterReadingStore.Outcome;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterReading;

class InMemoryMeterReadingStoreTest {
  private static final Instant T = Instant.parse("2026-02-10T00:30:00Z");
  private final InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();

  private static MeterReading r(int minuteOffset, int minutes, String in, String out) {
    return new MeterReading(
        "M-1", T.plusSeconds(minuteOffset * 60L), minutes, new BigDecimal(in), new BigDecimal(out));
  }

  @Test
  void outOfOrderBlocksComeBackInTimeOrderWithTheirExactValues() {
    assertEquals(Outcome.ADDED, store.put(r(30, 15, "0.125", "0")).outcome());
    assertEquals(Outcome.ADDED, store.put(r(0, 15, "1.5", "2.25")).outcome());
    assertEquals(Outcome.ADDED, store.put(r(15, 15, "123456789012345678901234.5", "0")).outcome());
    assertEquals(Outcome.ADDED, store.put(r(45, 15, "0", "0.00")).outcome());
    List<MeterReading> back = store.readings("M-1", T, T.plusSeconds(3600));
    assertEquals(
        List.of(
            r(0, 15, "1.5", "2.25"),
            r(15, 15, "123456789012345678901234.5", "0"),
            r(30, 15, "0.125", "0"),
            r(45, 15, "0", "0.00")),
        back);
    assertEquals(4, store.size());
    assertEquals(List.of(), store.readings("M-2", T, T.plusSeconds(3600)));
  }

  @Test
  void overlapsAndConflictsAreRefusedOnBothSides() {
    store.put(r(60, 60, "1", "0"));
    assertEquals(Outcome.OVERLAPPING_BLOCK, store.put(r(105, 15, "1", "0")).outcome());
    assertEquals(Outcome.OVERLAPPING_BLOCK, store.put(r(60, 30, "1", "0")).outcome());
    assertEquals(Outcome.CONFLICTING_VALUE, store.put(r(60, 60, "1.01", "0")).outcome());
    assertEquals(Outcome.UNCHANGED, store.put(r(60, 60, "1.00", "0")).outcome());
    assertEquals(Outcome.ADDED, store.put(r(30, 30, "1", "0")).outcome());
    assertEquals(Outcome.ADDED, store.put(r(120, 15, "1", "0")).outcome());
    assertEquals(3, store.size());
  }

  @Test
  void clearForgetsEveryBlockAndTakesTheSameBlocksAnew() {
    store.put(r(0, 15, "123456789012345678901234.5", "0"));
    store.put(r(15, 15, "1", "0"));
    store.put(r(30, 15, "2", "0"));
    store.clear();
    assertEquals(0, store.size());
    assertEquals(List.of(), store.readings("M-1", T, T.plusSeconds(3600)));
    assertEquals(BigDecimal.ZERO, store.energy("M-1", DeliverySlot.hourStarting(T)).importKwh());
    // other values for the same blocks are new blocks now, not conflicts
    assertEquals(Outcome.ADDED, store.put(r(15, 15, "3", "0")).outcome());
    assertEquals(Outcome.ADDED, store.put(r(0, 15, "0.5", "0")).outcome());
    assertEquals(Outcome.ADDED, store.put(r(30, 30, "1", "0")).outcome());
    assertEquals(
        new BigDecimal("4.5"), store.energy("M-1", DeliverySlot.hourStarting(T)).importKwh());
    assertEquals(3, store.size());
  }

  @Test
  void manyBlocksGrowTheSeries() {
    for (int i = 199; i >= 0; i--) {
      store.put(r(i * 15, 15, i + ".5", "0"));
    }
    List<MeterReading> back =
        store.readings("M-1", T.plusSeconds(15 * 60 * 10), T.plusSeconds(15 * 60 * 13));
    assertEquals(
        List.of(r(150, 15, "10.5", "0"), r(165, 15, "11.5", "0"), r(180, 15, "12.5", "0")), back);
  }

  @Test
  void slotEnergyFromTheArraysMatchesTheInterfaceDefault() {
    store.put(r(0, 15, "0.25", "1.125"));
    store.put(r(15, 15, "123456789012345678901234.5", "0"));
    store.put(r(30, 30, "0.5", "2"));
    store.put(r(60, 15, "9", "9"));
    MeterReadingStore viaDefault =
        new MeterReadingStore() {
          @Override
          public PutResult put(MeterReading reading) {
            return store.put(reading);
          }

          @Override
          public List<MeterReading> readings(String meterId, Instant from, Instant to) {
            return store.readings(meterId, from, to);
          }

          @Override
          public long size() {
            return store.size();
          }
        };
    org.uei.p2p.model.trade.DeliverySlot slot =
        org.uei.p2p.model.trade.DeliverySlot.hourStarting(T);
    SlotEnergy fast = store.energy("M-1", slot);
    assertEquals(new BigDecimal("123456789012345678901235.25"), fast.importKwh());
    assertEquals(new BigDecimal("3.125"), fast.exportKwh());
    assertEquals(60, fast.coveredMinutes());
    assertEquals(viaDefault.energy("M-1", slot), fast);
    assertEquals(0, store.energy("M-9", slot).coveredMinutes());
  }
}
