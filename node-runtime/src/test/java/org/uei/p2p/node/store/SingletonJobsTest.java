package org.uei.p2p.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.config.InstanceId;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * The election of the instance that runs the singleton jobs, and once-only job runs, as several
 * instances on one database see them: each "instance" here is a {@link Lease} with its own holder
 * name, or a thread racing for the same run.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class SingletonJobsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject AgroalDataSource dataSource;
  @Inject SingletonJobs jobs;
  @Inject JobRuns runs;
  @Inject InstanceId instance;

  private Lease lease(String name, String holder, Duration duration) {
    return new Lease(dataSource, name, holder, duration);
  }

  @Test
  void theOnlyInstanceRunsTheJobsUnderItsInstanceId() {
    Poll.until(jobs::runHere, WAIT, "this instance to hold the jobs' lease");
    assertEquals(instance.value(), jobs.lease().holder().orElseThrow().holder());
    // a second instance's bid loses while this one renews
    assertFalse(lease(SingletonJobs.LEASE, "other-instance", Duration.ofSeconds(30)).acquire());
    assertTrue(jobs.bid());
  }

  @Test
  void aLiveLeaseIsNotTakenAndAReleasedOneIsTakenAtOnce() {
    String name = "test-" + UUID.randomUUID();
    Lease a = lease(name, "instance-a", Duration.ofSeconds(30));
    Lease b = lease(name, "instance-b", Duration.ofSeconds(30));
    assertTrue(a.acquire());
    assertFalse(b.acquire());
    assertTrue(a.acquire(), "the holder renews");
    assertEquals("instance-a", b.holder().orElseThrow().holder());
    a.release();
    assertTrue(b.acquire());
    assertFalse(a.acquire());
    assertEquals("instance-b", a.holder().orElseThrow().holder());
  }

  @Test
  void aDeadHoldersLeaseRunsOutAndAnotherInstanceTakesIt() {
    String name = "test-" + UUID.randomUUID();
    Lease dead = lease(name, "instance-dead", Duration.ofMillis(300));
    Lease heir = lease(name, "instance-heir", Duration.ofSeconds(30));
    assertTrue(dead.acquire());
    // the holder stops renewing; its lease runs out by the database's clock
    Poll.until(heir::acquire, WAIT, "the heir to take the lease");
    assertEquals("instance-heir", heir.holder().orElseThrow().holder());
    assertFalse(dead.acquire(), "the old holder cannot take it back while the heir renews");
  }

  @Test
  void instancesRacingForAFreeLeaseElectExactlyOne() throws Exception {
    String name = "test-" + UUID.randomUUID();
    int n = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Callable<Boolean>> bids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Lease l = lease(name, "instance-" + i, Duration.ofSeconds(30));
        bids.add(
            () -> {
              go.await();
              return l.acquire();
            });
      }
      List<Future<Boolean>> results = new ArrayList<>();
      bids.forEach(b -> results.add(pool.submit(b)));
      go.countDown();
      int won = 0;
      for (Future<Boolean> f : results) {
        won += f.get() ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunAskedForByManyInstancesIsDoneOnce() throws Exception {
    String job = "test-job-" + UUID.randomUUID();
    Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
    int n = 6;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  runs.markDue(job, "2026-11-30");
                  runs.markDue(job, "2026-12-01");
                  return runs.runDue(
                      job,
                      key -> done.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet());
                }));
      }
      go.countDown();
      int reported = 0;
      for (Future<List<String>> f : results) {
        reported += f.get().size();
      }
      assertEquals(2, reported, "each run reported done by one caller");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, done.get("2026-11-30").get());
    assertEquals(1, done.get("2026-12-01").get());
    List<JobRuns.Run> all = runs.runs(job);
    assertEquals(List.of("2026-11-30", "2026-12-01"), all.stream().map(JobRuns.Run::key).toList());
    assertTrue(all.stream().allMatch(r -> r.done() && instance.value().equals(r.doneBy())));
    // asked for again after it was done: nothing more happens
    runs.markDue(job, "2026-12-01");
    assertEquals(List.of(), runs.runDue(job, key -> done.get(key).incrementAndGet()));
    assertEquals(1, done.get("2026-12-01").get());
  }

  @Test
  void aRunWhoseWorkFailsStaysDueAndIsDoneByTheNextCall() {
    String job = "test-job-" + UUID.randomUUID();
    runs.markDue(job, "2026-12-02");
    List<String> first =
        runs.runDue(
            job,
            key -> {
              throw new IllegalStateException("the holder died mid-run");
            });
    assertEquals(List.of(), first);
    assertFalse(runs.runs(job).get(0).done());
    AtomicInteger calls = new AtomicInteger();
    assertEquals(List.of("2026-12-02"), runs.runDue(job, key -> calls.incrementAndGet()));
    assertEquals(1, calls.get());
    assertTrue(runs.runs(job).get(0).done());
  }
}
