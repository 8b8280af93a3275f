package org.uei.p2p.examples.network;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Polls until a step's outcome is there, or gives up at a deadline (the nodes work asynchronously).
 */
public final class Await {
  private static final Duration EVERY = Duration.ofMillis(200);

  private Await() {}

  /** The first non-null value of {@code probe}, or null when {@code limit} passed without one. */
  public static <T> T until(Callable<T> probe, Duration limit) throws Exception {
    return until(probe, limit, EVERY);
  }

  /**
   * The first non-null value of {@code probe}, asked again {@code every} so often, or null when
   * {@code limit} passed without one.
   */
  public static <T> T until(Callable<T> probe, Duration limit, Duration every) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      T v = probe.call();
      if (v != null || Instant.now().isAfter(deadline)) {
        return v;
      }
      Thread.sleep(every.toMillis());
    }
  }
}
