package org.uei.p2p.node.audit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.store.GroupWriter;

/**
 * Moves stored messages into the audit log on one background thread: a pass runs {@link #DELAY}
 * after a commit that stored a message asked for it, at start-up for what a stop left queued, and
 * every few seconds in case a wake-up was lost to an error. One pass appends everything that
 * committed meanwhile, so the log costs one transaction per batch rather than one per message.
 *
 * <p>The delay is what makes the batches: without it, at a few hundred messages a second each pass
 * found one or two messages, and each pass's commit is a chunk of H2's file, written whatever it
 * holds. Nothing waits for a pass: whatever reads or signs the log appends what is queued first.
 */
@ApplicationScoped
public class AuditAppender {

  @Inject AuditLog audit;

  /** How long a pass waits after it was asked for, gathering the messages stored meanwhile. */
  static final Duration DELAY = GroupWriter.UNAWAITED_WINDOW;

  private final AtomicBoolean queued = new AtomicBoolean();
  // Passes scheduled before a stop still run, so that the stop's last pass appends what is queued.
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "uei-audit-appender");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running = true;

  /** Asks for a pass; passes asked for while one is queued are the same pass. */
  public void signal() {
    if (running && queued.compareAndSet(false, true)) {
      executor.schedule(this::pass, DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void pass() {
    queued.set(false);
    try {
      audit.catchUp();
    } catch (RuntimeException e) {
      Log.errorf(e, "audit log: could not append stored messages; retrying on the next pass");
    }
  }

  @NodeJob
  @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    signal();
  }

  void start(@Observes StartupEvent event) {
    signal();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
