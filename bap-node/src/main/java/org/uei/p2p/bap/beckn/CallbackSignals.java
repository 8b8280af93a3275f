package org.uei.p2p.bap.beckn;

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

  /** Wakes every waiter. */
  public void signal() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  /** Returns when {@code done} holds or at {@code deadline}; true when it holds. */
  public boolean await(BooleanSupplier done, Instant deadline) throws InterruptedException {
    while (!done.getAsBoolean()) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        return false;
      }
      synchronized (monitor) {
        monitor.wait(Math.min(left, POLL_MILLIS));
      }
    }
    return true;
  }
}
