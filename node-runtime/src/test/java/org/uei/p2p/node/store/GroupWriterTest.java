package org.uei.p2p.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupWriterTest {

  @Test
  void everyRecordFromConcurrentWritersIsWrittenOnceAndCloseWritesWhatIsQueued() throws Exception {
    List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
    GroupWriter<Integer> writer =
        new GroupWriter<>("test-writer", 50, Duration.ofMillis(5), groups::add);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> adders = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int base = t * 1000;
        adders.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    writer.add(base + i);
                  }
                }));
      }
      for (Future<?> f : adders) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    writer.close(Duration.ofSeconds(30));

    List<Integer> written = new ArrayList<>();
    synchronized (groups) {
      groups.forEach(written::addAll);
      assertTrue(
          groups.stream().allMatch(g -> !g.isEmpty() && g.size() <= 50),
          "groups within their bound");
    }
    Collections.sort(written);
    List<Integer> expected = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      for (int i = 0; i < 1000; i++) {
        expected.add(t * 1000 + i);
      }
    }
    assertEquals(expected, written, "each record written exactly once");
    assertThrows(
        IllegalStateException.class, () -> writer.add(-1), "a closed writer takes nothing more");
  }

  @Test
  void aGroupThatFailsToWriteDoesNotStopTheWriter() throws Exception {
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    GroupWriter<Integer> writer =
        new GroupWriter<>(
            "test-failing",
            1,
            Duration.ZERO,
            g -> {
              if (g.contains(1)) {
                throw new IllegalStateException("write failed");
              }
              written.addAll(g);
            });
    writer.add(1);
    writer.add(2);
    writer.close(Duration.ofSeconds(30));
    assertEquals(List.of(2), written);
  }

  @Test
  void aFailedGroupIsWrittenAgainOneRecordAtATimeAndOnlyTheBadRecordFails() throws Exception {
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    List<Integer> failed = Collections.synchronizedList(new ArrayList<>());
    GroupWriter<Integer> writer =
        new GroupWriter<>(
            "test-alone",
            100,
            Duration.ofMillis(50),
            g -> {
              if (g.contains(3)) {
                throw new IllegalStateException("record 3 cannot be written");
              }
              written.addAll(g);
            },
            (item, e) -> failed.add(item));
    for (int i = 1; i <= 5; i++) {
      writer.add(i);
    }
    writer.close(Duration.ofSeconds(30));
    List<Integer> sorted = new ArrayList<>(written);
    Collections.sort(sorted);
    assertEquals(List.of(1, 2, 4, 5), sorted);
    assertEquals(List.of(3), failed);
  }
}
