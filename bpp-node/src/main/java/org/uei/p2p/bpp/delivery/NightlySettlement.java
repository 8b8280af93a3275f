package org.uei.p2p.bpp.delivery;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.store.JobRuns;
import org.uei.p2p.node.store.SingletonJobs;

/**
 * The nightly settlement, once per delivery day however many instances of the node run: every
 * instance's nightly trigger records the previous day as due, and the instance running the
 * singleton jobs settles each due day once ({@link JobRuns}). A holder that died before or during a
 * night's run leaves the day due, and the next holder settles it within the lease time.
 */
@ApplicationScoped
public class NightlySettlement {

  /** The run's name in {@code node_job_run}, keyed by delivery day. */
  public static final String JOB = "nightly-settlement";

  @Inject SettlementRun settlement;
  @Inject DeliveryConfig config;
  @Inject MarketClock marketClock;
  @Inject SingletonJobs singletonJobs;
  @Inject JobRuns jobRuns;

  /** Every night, the previous delivery day. */
  @NodeJob
  @Scheduled(
      cron = "${uei.bpp.delivery.settlement-cron:0 30 2 * * ?}",
      timeZone = "Asia/Kolkata",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void nightly() {
    LocalDate day =
        LocalDate.now(marketClock.clock().withZone(ZoneId.of(config.zone()))).minusDays(1);
    jobRuns.markDue(JOB, day.toString());
    settleDueDays();
  }

  /** Settles the days due and not settled yet, in the instance running the singleton jobs. */
  @NodeJob
  @Scheduled(
      every = "${uei.jobs.renew-every:10s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void settleDueDays() {
    if (singletonJobs.runHere()) {
      jobRuns.runDue(JOB, key -> settlement.run(LocalDate.parse(key)));
    }
  }
}
