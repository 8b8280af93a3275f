package org.uei.p2p.bench.market;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Time of each phase of one month, for {@link MarketMonthPhases}: wall, this thread's CPU and the
 * whole process's CPU (collector and compiler threads included) in ms. On a machine shared with
 * other work, wall time mostly measures the others; the CPU figures measure the phase.
 */
final class PhaseTimer {
  /** A timer that records nothing, for the benchmark itself. */
  static final PhaseTimer OFF = new PhaseTimer(false);

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final boolean on;
  private final StringBuilder out = new StringBuilder();
  private long wall;
  private long thread;
  private long process;

  PhaseTimer() {
    this(true);
  }

  private PhaseTimer(boolean on) {
    this.on = on;
    if (on) {
      wall = System.nanoTime();
      thread = THREADS.getCurrentThreadCpuTime();
      process = OS.getProcessCpuTime();
    }
  }

  /** Ends the phase named {@code phase} and starts the next. */
  void mark(String phase) {
    if (!on) {
      return;
    }
    long w = System.nanoTime();
    long t = THREADS.getCurrentThreadCpuTime();
    long p = OS.getProcessCpuTime();
    out.append(out.length() == 0 ? "" : ", ")
        .append(phase)
        .append(' ')
        .append((w - wall) / 1_000_000)
        .append('/')
        .append((t - thread) / 1_000_000)
        .append('/')
        .append((p - process) / 1_000_000);
    wall = w;
    thread = t;
    process = p;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
