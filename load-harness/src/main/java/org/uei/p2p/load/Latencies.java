package org.uei.p2p.load;

import java.util.Arrays;

/**
 * Latencies of one run in nanoseconds, recorded by one thread each and merged afterwards;
 * percentiles by the nearest-rank method (the smallest value with at least p % of the values at or
 * below it), so p100 is the maximum and every reported value was actually observed.
 */
public final class Latencies {

  private long[] values;
  private int size;
  private boolean sorted;

  /** An empty recorder with room for {@code capacity} values before it grows. */
  public Latencies(int capacity) {
    values = new long[Math.max(16, capacity)];
  }

  /** Records one latency; for the owning thread only. */
  public void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = nanos;
    sorted = false;
  }

  /** All values of {@code parts} in one recorder. */
  public static Latencies merge(Iterable<Latencies> parts) {
    int total = 0;
    for (Latencies p : parts) {
      total += p.size;
    }
    Latencies all = new Latencies(total);
    for (Latencies p : parts) {
      System.arraycopy(p.values, 0, all.values, all.size, p.size);
      all.size += p.size;
    }
    return all;
  }

  /** How many values were recorded. */
  public int count() {
    return size;
  }

  /**
   * The nearest-rank percentile in nanoseconds.
   *
   * @param p in (0, 100]
   * @throws IllegalStateException if nothing was recorded
   */
  public long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
    }
    if (size == 0) {
      throw new IllegalStateException("no latencies recorded");
    }
    sort();
    int rank = (int) Math.ceil(p / 100.0 * size);
    return values[Math.max(1, rank) - 1];
  }

  /** The largest value. */
  public long max() {
    return percentile(100);
  }

  private void sort() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
  }
}
