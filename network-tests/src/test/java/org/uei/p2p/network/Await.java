package org.uei.p2p.network;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what another process does, checking often until a deadline; never a fixed sleep. */
public final class Await {

  /**
   * A check that may throw, e.g. an HTTP GET; it returns null while the awaited thing is not there.
   */
  @FunctionalInterface
  public interface Probe<T> {
    T get() throws Exception;
  }

  private Await() {}

  /**
   * Returns the first non-null answer of {@code probe}; fails after {@code timeout} with {@code
   * what}.
   */
  public static <T> T value(Probe<T> probe, Duration timeout, String what) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  /** Returns once {@code condition} holds; fails after {@code timeout} naming {@code what}. */
  public static void until(BooleanSupplier condition, Duration timeout, String what)
      throws Exception {
    value(() -> condition.getAsBoolean() ? Boolean.TRUE : null, timeout, what);
  }
}
