package org.uei.p2p.node.inbound;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.uei.p2p.node.config.NodeConfig;

/**
 * Counts the work the node has accepted and not finished: ACKed messages not yet handled and
 * callbacks queued for their first delivery attempt. Without a bound, a node ACKs faster than it
 * answers and the answers arrive after the buyer's ttl; with it, senders are slowed down to the
 * rate at which the node can answer.
 */
@ApplicationScoped
public class WorkBacklog {

  private final AtomicInteger inHand = new AtomicInteger();
  private final Object room = new Object();
  private final int limit;
  private volatile int waiting;

  @Inject
  public WorkBacklog(NodeConfig config, MeterRegistry metrics) {
    this.limit = config.backlog().limit();
    Gauge.builder("uei.backlog", inHand, AtomicInteger::get)
        .description(
            "messages ACKed but not handled, plus callbacks before their first delivery attempt")
        .register(metrics);
  }

  /** The configured limit. */
  public int limit() {
    return limit;
  }

  /** The work in hand now. */
  public int inHand() {
    return inHand.get();
  }

  /** Requests waiting for room now. */
  public int waiting() {
    return waiting;
  }

  /**
   * Runs {@code work} on {@code executor}, counted from now until it finishes.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the executor refuses it (then it
   *     is not counted)
   */
  public void execute(Executor executor, Runnable work) {
    add();
    try {
      executor.execute(
          () -> {
            try {
              work.run();
            } finally {
              done();
            }
          });
    } catch (RuntimeException rejected) {
      done();
      throw rejected;
    }
  }

  /** One more piece of work taken on. */
  public void add() {
    inHand.incrementAndGet();
  }

  /** One piece of work finished. */
  public void done() {
    if (inHand.decrementAndGet() < limit && waiting > 0) {
      synchronized (room) {
        room.notifyAll();
      }
    }
  }

  /**
   * Waits until the work in hand is below the limit.
   *
   * @return false when {@code maxWait} passed first
   */
  public boolean awaitRoom(Duration maxWait) throws InterruptedException {
    if (inHand.get() < limit) {
      return true;
    }
    long deadline = System.nanoTime() + maxWait.toNanos();
    synchronized (room) {
      waiting++;
      try {
        while (inHand.get() >= limit) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          room.wait(Math.max(1, left / 1_000_000));
        }
        return true;
      } finally {
        waiting--;
      }
    }
  }
}
