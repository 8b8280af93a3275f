package org.uei.p2p.node.outbox;

import java.time.Duration;

/** Exponential retry delays: initial, doubled per attempt, capped. */
public record Backoff(Duration initial, Duration max) {

  /**
   * The delay before attempt {@code attempts + 1}, after {@code attempts} failed ones (at least 1).
   */
  public Duration after(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    long millis = initial.toMillis() << doublings;
    if (millis <= 0 || millis > max.toMillis()) {
      return max;
    }
    return Duration.ofMillis(millis);
  }
}
