package org.uei.p2p.examples.network;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Polls until a step's outcome is there, or gives up at a deadline (the nodes work asynchronously).
 */
final class Await {
  private Await() {}

  /** The first non-null value of {@code probe}, or null when {@code limit} passed without one. */
  static <T> T until(Callable<T> probe, Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      T v = probe.call();
      if (v != null || Instant.now().isAfter(deadline)) {
        return v;
      }
      Thread.sleep(200);
    }
  }
}
