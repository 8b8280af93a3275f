package org.uei.p2p.bap.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Wakes client requests waiting in sync mode when a callback arrives. The condition itself is
 * always read from the database, so a missed wake-up only costs the poll interval.
 */
@ApplicationScoped
public class CallbackSignals {

  private static final long POLL_MILLIS = 200;
  private final Object monitor = new Object();
  private long generation;

  /** Wakes every waiter. */
  public void signal() {
    synchronized (monitor) {
      generation++;
      monitor.notifyAll();
    }
  }

  /** Returns when {@code done} holds or at {@code deadline}; true when it holds. */
  public boolean await(BooleanSupplier done, Instant deadline) throws InterruptedException {
    while (true) {
      long seen;
      synchronized (monitor) {
        seen = generation;
      }
      // A signal after this check bumps the generation, so the wait below does not miss it.
      if (done.getAsBoolean()) {
        return true;
      }
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        return false;
      }
      synchronized (monitor) {
        if (generation == seen) {
          monitor.wait(Math.min(left, POLL_MILLIS));
        }
      }
    }
  }
}
