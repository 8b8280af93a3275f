package org.uei.p2p.bpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.ScheduledMethods;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * Every job the seller node schedules, its own and the runtime's, is a node job: a stop holds new
 * runs back and waits for those under way before the database closes.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class ScheduledJobsTest {

  @Inject Scheduler scheduler;

  @Test
  void everyScheduledMethodIsANodeJob() throws Exception {
    assertTrue(ScheduledMethods.count(scheduler) >= 13, "the seller's and the runtime's jobs");
    assertEquals(List.of(), ScheduledMethods.withoutNodeJob(scheduler));
  }
}
