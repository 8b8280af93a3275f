package org.uei.p2p.node.audit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.uei.p2p.node.jobs.NodeJob;

/**
 * Moves stored messages into the audit log on one background thread: woken after every commit that
 * stored a message, at start-up for what a stop left queued, and every few seconds in case a
 * wake-up was lost to an error. Under load one pass appends everything that committed meanwhile, so
 * the log costs one transaction per batch rather than one lock wait per message.
 */
@ApplicationScoped
public class AuditAppender {

  @Inject AuditLog audit;

  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "uei-audit-appender");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running = true;

  /** Asks for a pass; passes asked for while one is queued are the same pass. */
  public void signal() {
    if (running && queued.compareAndSet(false, true)) {
      executor.execute(this::pass);
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
