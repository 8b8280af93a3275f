package org.uei.p2p.bpp.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.config.InstanceId;
import org.uei.p2p.node.store.JobRuns;
import org.uei.p2p.node.store.Lease;
import org.uei.p2p.node.store.SingletonJobs;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * The nightly settlement as one of several instances runs it: its trigger only records the day as
 * due while another instance runs the singleton jobs, and the day is settled once, by whichever
 * instance holds the jobs when it is due.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class NightlySettlementTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject NightlySettlement nightly;
  @Inject SingletonJobs jobs;
  @Inject JobRuns runs;
  @Inject InstanceId instance;
  @Inject AgroalDataSource dataSource;

  @Test
  void aDayIsSettledOnceByTheInstanceHoldingTheJobs() {
    Poll.until(jobs::runHere, WAIT, "this instance to run the singleton jobs");
    // Another instance takes the jobs over (this one stopped renewing for a moment).
    jobs.lease().release();
    Lease other =
        new Lease(dataSource, SingletonJobs.LEASE, "other-instance", Duration.ofMinutes(5));
    assertTrue(other.acquire());
    try {
      assertFalse(jobs.bid());
      nightly.nightly();
      nightly.nightly();
      List<JobRuns.Run> due = runs.runs(NightlySettlement.JOB);
      assertEquals(1, due.size(), "every trigger marks the same day: " + due);
      assertFalse(due.get(0).done(), "not settled by an instance that does not hold the jobs");
    } finally {
      other.release();
    }
    // The other instance is gone: this one takes the jobs back and settles the day left due.
    assertTrue(jobs.bid());
    Poll.until(
        () -> runs.runs(NightlySettlement.JOB).get(0).done(),
        WAIT,
        "the due day to be settled by the new holder");
    nightly.nightly();
    List<JobRuns.Run> after = runs.runs(NightlySettlement.JOB);
    assertEquals(1, after.size());
    assertTrue(after.get(0).done());
    assertEquals(instance.value(), after.get(0).doneBy());
  }
}
