package org.uei.p2p.node.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.ScheduledMethods;
import org.uei.p2p.node.testing.TestNetwork;

/** The node's scheduled jobs as the running node has them: each counted while it runs. */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class NodeJobsTest {

  @Inject Scheduler scheduler;
  @Inject RunningJobs running;
  @Inject Probe probe;

  @Test
  void everyScheduledMethodIsANodeJob() throws Exception {
    assertTrue(ScheduledMethods.count(scheduler) >= 6, "the node-runtime's jobs are scheduled");
    assertEquals(List.of(), ScheduledMethods.withoutNodeJob(scheduler));
  }

  @Test
  void aJobIsUnderWayWhileItRunsAndNotAfter() {
    assertTrue(probe.run().contains("Probe.run"), "counted in while it runs");
    assertFalse(running.running().contains("Probe.run"), "counted out once it returned");
  }

  /** A job that reports the runs under way from inside its own run. */
  @ApplicationScoped
  static class Probe {
    @Inject RunningJobs running;

    @NodeJob
    Set<String> run() {
      return running.running();
    }
  }
}
