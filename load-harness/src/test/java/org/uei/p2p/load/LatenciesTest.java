package org.uei.p2p.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void nearestRankOverOneToHundred() {
    Latencies l = new Latencies(4);
    for (int v = 100; v >= 1; v--) {
      l.add(v);
    }
    assertEquals(100, l.count());
    assertEquals(50, l.percentile(50));
    assertEquals(99, l.percentile(99));
    assertEquals(1, l.percentile(0.5));
    assertEquals(100, l.max());
  }

  @Test
  void percentileOfFewValuesIsAnObservedValue() {
    Latencies l = new Latencies(16);
    l.add(30);
    l.add(10);
    l.add(20);
    assertEquals(20, l.percentile(50));
    assertEquals(30, l.percentile(99));
    assertEquals(10, l.percentile(1));
  }

  @Test
  void mergeKeepsEveryThreadsValues() {
    Latencies a = new Latencies(16);
    Latencies b = new Latencies(16);
    for (int i = 1; i <= 10; i++) {
      a.add(i);
      b.add(100 + i);
    }
    Latencies all = Latencies.merge(List.of(a, b));
    assertEquals(20, all.count());
    assertEquals(10, all.percentile(50));
    assertEquals(110, all.max());
    assertEquals(101, all.percentile(55));
  }

  @Test
  void emptyOrOutOfRangeIsRefused() {
    Latencies l = new Latencies(1);
    assertThrows(IllegalStateException.class, () -> l.percentile(50));
    l.add(5);
    assertThrows(IllegalArgumentException.class, () -> l.percentile(0));
    assertThrows(IllegalArgumentException.class, () -> l.percentile(100.5));
  }
}
