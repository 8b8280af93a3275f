package org.uei.p2p.node.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Figures read from the database for gauges, read at most once per {@code ttl} however often the
 * metrics are scraped (and however many gauges share the read).
 *
 * @param <K> the key of each figure
 */
public final class CachedGauges<K> {

  private final Supplier<Map<K, Double>> read;
  private final long ttlNanos;
  private volatile Map<K, Double> last = Map.of();
  private volatile long readAt;
  private volatile boolean fresh;

  /**
   * @param read reads every figure at once
   * @param ttl how long a read is served
   */
  public CachedGauges(Supplier<Map<K, Double>> read, Duration ttl) {
    this.read = read;
    this.ttlNanos = ttl.toNanos();
  }

  /** The figure of {@code key}: NaN when it was never read or the database could not be asked. */
  public double get(K key) {
    long now = System.nanoTime();
    if (!fresh || now - readAt > ttlNanos) {
      synchronized (this) {
        if (!fresh || now - readAt > ttlNanos) {
          try {
            last = read.get();
          } catch (RuntimeException unavailable) {
            // a scrape must not fail because the database is busy: the gauge shows no value
            last = Map.of();
          }
          readAt = now;
          fresh = true;
        }
      }
    }
    return last.getOrDefault(key, Double.NaN);
  }
}
