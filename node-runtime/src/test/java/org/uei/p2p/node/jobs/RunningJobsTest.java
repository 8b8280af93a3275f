package org.uei.p2p.node.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.Poll;

/** What a stopping node does with its jobs' runs: none starts, those under way are waited for. */
class RunningJobsTest {

  private final RunningJobs jobs = new RunningJobs();

  @Test
  void stopWaitsForTheRunUnderWayToFinish() throws Exception {
    assertTrue(jobs.enter("AuditLog.signWhenGrown"));
    AtomicBoolean finished = new AtomicBoolean();
    CompletableFuture<Boolean> stopped =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                Set<String> left = jobs.stop(Duration.ofMinutes(1));
                return left.isEmpty() && finished.get();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Poll.until(jobs::stopping, Duration.ofSeconds(10), "the stop to begin");
    assertFalse(stopped.isDone(), "the stop returned while a run was under way");
    finished.set(true);
    jobs.exit("AuditLog.signWhenGrown");
    assertTrue(
        stopped.get(10, TimeUnit.SECONDS), "the stop returned only once the run had finished");
  }

  @Test
  void noRunStartsOnceTheNodeIsStopping() throws Exception {
    assertEquals(Set.of(), jobs.stop(Duration.ofSeconds(1)));
    assertFalse(jobs.enter("ReplayGuardPurge.scheduled"));
    assertEquals(Set.of(), jobs.running());
  }

  @Test
  void theWaitIsBoundedAndNamesTheRunsLeft() throws Exception {
    assertTrue(jobs.enter("NightlySettlement.settleDueDays"));
    assertTrue(jobs.enter("SingletonJobs.renew"));
    jobs.exit("SingletonJobs.renew");
    assertEquals(Set.of("NightlySettlement.settleDueDays"), jobs.stop(Duration.ofMillis(20)));
  }

  @Test
  void aJobRunningTwiceIsUnderWayUntilBothRunsEnd() {
    assertTrue(jobs.enter("OutboxWorker.poll"));
    assertTrue(jobs.enter("OutboxWorker.poll"));
    jobs.exit("OutboxWorker.poll");
    assertEquals(Set.of("OutboxWorker.poll"), jobs.running());
    jobs.exit("OutboxWorker.poll");
    assertEquals(Set.of(), jobs.running());
  }
}
