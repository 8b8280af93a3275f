package org.uei.p2p.node.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.uei.p2p.node.config.InstanceId;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.jobs.NodeJob;

/**
 * Elects, among the instances of a node on one database, the one that runs the singleton jobs (MDMS
 * drop polling, the nightly settlement, tree-head signing): the holder of the {@code
 * singleton-jobs} lease. Every instance bids every {@code uei.jobs.renew-every}; the holder's bid
 * renews it. A job asks {@link #runHere()} before each run. When the holder dies its lease runs out
 * and another instance takes over within {@code uei.jobs.lease} plus {@code uei.jobs.renew-every};
 * a holder that stops gives the lease up at once.
 *
 * <p>An instance trusts its own lease for {@code uei.jobs.lease} from the moment it asked, which
 * ends before the database's record of it does. The jobs still keep their own guards (row locks,
 * once-only run records), so even a holder paused past its lease cannot do a job's work twice.
 */
@ApplicationScoped
public class SingletonJobs {

  /** The lease's name in {@code node_lease}. */
  public static final String LEASE = "singleton-jobs";

  @Inject AgroalDataSource dataSource;
  @Inject InstanceId instance;
  @Inject NodeConfig config;

  private volatile Lease lease;
  private volatile boolean held;
  private volatile long trustedUntilNanos;
  private volatile boolean running = true;

  /** Whether this instance holds the lease now and should run the singleton jobs. */
  public boolean runHere() {
    return held && System.nanoTime() - trustedUntilNanos < 0;
  }

  /**
   * Bids for the lease, or renews it, now.
   *
   * @return whether this instance holds it
   */
  public boolean bid() {
    Duration duration = config.jobs().lease();
    long asked = System.nanoTime();
    boolean now;
    try {
      now = lease().acquire();
    } catch (RuntimeException e) {
      // Without the database no job can run anyway; this instance stops counting as the holder.
      now = false;
      Log.warnf("singleton jobs: cannot reach the lease (%s)", e.getMessage());
    }
    if (now) {
      trustedUntilNanos = asked + duration.toNanos();
    }
    if (now != held) {
      Log.infof(
          now
              ? "instance %s now runs the singleton jobs (lease %s)"
              : "instance %s no longer runs the singleton jobs",
          instance.value(),
          duration);
    }
    held = now;
    return now;
  }

  /** The lease as this instance sees it. */
  public Lease lease() {
    Lease l = lease;
    if (l == null) {
      l = new Lease(dataSource, LEASE, instance.value(), config.jobs().lease());
      lease = l;
    }
    return l;
  }

  @NodeJob
  @Scheduled(
      every = "${uei.jobs.renew-every:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void renew() {
    if (running) {
      bid();
    }
  }

  void start(@Observes StartupEvent event) {
    bid();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (held) {
      held = false;
      try {
        lease().release();
      } catch (RuntimeException e) {
        // the lease simply runs out
      }
    }
  }
}
