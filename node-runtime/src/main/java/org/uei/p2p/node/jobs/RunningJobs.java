package org.uei.p2p.node.jobs;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.uei.p2p.node.config.NodeConfig;

/**
 * The node's {@link NodeJob} runs under way in this process. When the node stops, no new run starts
 * and the stop waits, at most {@code uei.jobs.stop-wait}, for the runs under way: the scheduler's
 * own stop does not wait for them, and a run still at work when the connection pool closes fails
 * half-way with a rolled-back transaction and stack traces in the log.
 *
 * <p>This is the lifecycle of one process, not the correctness of stored state: a run cut short
 * after the wait is still only a rolled-back transaction, which the jobs' own guards (row locks,
 * once-only run records) let the next run, here or in another instance, do again.
 */
@ApplicationScoped
public class RunningJobs {

  @Inject NodeConfig config;

  private final Map<String, Integer> running = new HashMap<>();
  private boolean stopping;

  /**
   * Counts a run of {@code job} in.
   *
   * @return false once the node is stopping: the run must not start
   */
  public synchronized boolean enter(String job) {
    if (stopping) {
      return false;
    }
    running.merge(job, 1, Integer::sum);
    return true;
  }

  /** Counts a run of {@code job} out, after {@link #enter} let it start. */
  public synchronized void exit(String job) {
    running.computeIfPresent(job, (name, runs) -> runs == 1 ? null : runs - 1);
    if (running.isEmpty()) {
      notifyAll();
    }
  }

  /** Whether {@link #stop} has begun: no run starts any more. */
  public synchronized boolean stopping() {
    return stopping;
  }

  /** The jobs with a run under way, by name. */
  public synchronized Set<String> running() {
    return new TreeSet<>(running.keySet());
  }

  /**
   * Lets no run start from now on and waits until none is under way, or until {@code limit} has
   * passed.
   *
   * @return the jobs still running when the wait ended (empty when all finished)
   */
  public synchronized Set<String> stop(Duration limit) throws InterruptedException {
    stopping = true;
    long deadline = System.nanoTime() + limit.toNanos();
    long left = limit.toNanos();
    while (!running.isEmpty() && left > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
      left = deadline - System.nanoTime();
    }
    return running();
  }

  // Before the other stop observers (default priority APPLICATION + 500), so that a run does not
  // find the outbox or the audit appender already stopped.
  void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event)
      throws InterruptedException {
    Duration limit = config.jobs().stopWait();
    long started = System.nanoTime();
    boolean waited = !running().isEmpty();
    Set<String> left = stop(limit);
    if (!left.isEmpty()) {
      Log.warnf("stopping with jobs still running after %s: %s", limit, left);
    } else if (waited) {
      Log.infof(
          "stopping: waited %d ms for running jobs to finish",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
  }
}
