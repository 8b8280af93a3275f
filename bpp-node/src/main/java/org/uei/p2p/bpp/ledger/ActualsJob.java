package org.uei.p2p.bpp.ledger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.store.JobRuns;
import org.uei.p2p.node.store.SingletonJobs;

/**
 * The ledger's daily request for meter actuals, once per day however many instances run: after
 * {@code uei.bpp.ledger.actuals.after} (IST, market clock) the instance running the singleton jobs
 * records the day's run as due and does it ({@link JobRuns}), covering the {@code lookback-days}
 * delivery days before it, so a window whose data was incomplete is asked again the next day.
 */
@ApplicationScoped
public class ActualsJob {

  /** The run's name in {@code node_job_run}, keyed by the day it ran. */
  public static final String JOB = "ledger-actuals";

  @Inject LedgerService ledger;
  @Inject LedgerConfig config;
  @Inject LedgerActuals actuals;
  @Inject MarketClock marketClock;
  @Inject SingletonJobs singletonJobs;
  @Inject JobRuns jobRuns;

  @NodeJob
  @Scheduled(
      every = "${uei.jobs.renew-every:10s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (!ledger.enabled() || !config.actuals().enabled() || !singletonJobs.runHere()) {
      return;
    }
    ZonedDateTime now = marketClock.now().atZone(LedgerActuals.IST);
    if (now.toLocalTime().isBefore(config.actuals().after())) {
      return;
    }
    jobRuns.markDue(JOB, now.toLocalDate().toString());
    jobRuns.runDue(
        JOB,
        key -> {
          LocalDate today = LocalDate.parse(key);
          for (int back = config.actuals().lookbackDays(); back >= 1; back--) {
            actuals.request(today.minusDays(back));
          }
        });
  }
}
