package org.uei.p2p.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The harness's closing table: the targets side by side, the durable node's rate against the
 * in-memory node's and the bare endpoint's, and the goal checks.
 */
final class Report {

  static final double GOAL_RATIO = 0.50;
  static final double GOAL_P99_MS = 20.0;

  private static final String HEADER =
      "| target | requests | ACKed/s | p50 ms | p99 ms | max ms | errors"
          + " | on_select callbacks | server CPU µs/req | client CPU µs/req"
          + " | server writes KB/req |";
  private static final String RULE = "|---|---|---|---|---|---|---|---|---|---|---|";

  private Report() {}

  static void print(
      PrintStream out,
      Options o,
      LoadHarness.Phase bpp,
      LoadHarness.Phase memory,
      LoadHarness.Phase bare,
      String loadBefore,
      String loadAfter,
      long otherCallbacks) {
    heading(
        out,
        String.format(
            "pre-signed select, concurrency %d, %d s measured after %d s warm-up",
            o.concurrency(), o.duration().toSeconds(), o.warmup().toSeconds()),
        loadBefore,
        loadAfter);
    out.println();
    out.println(HEADER);
    out.println(RULE);
    row(out, bpp);
    row(out, memory);
    row(out, bare);
    out.println();
    callbackDelay(out, bpp);
    double ratio = bpp.result.ackedPerSecond() / memory.result.ackedPerSecond();
    double p99 = ms(bpp.result.latencies().percentile(99));
    long errors = bpp.result.errors() + bpp.callbackErrors;
    out.printf(
        "durable / memory: %.1f %% of the in-memory node's rate   (goal >= %.0f %%: %s)%n",
        ratio * 100, GOAL_RATIO * 100, verdict(ratio >= GOAL_RATIO));
    out.printf(
        "durable / bare:   %.1f %% of the bare endpoint's rate (context)%n",
        bpp.result.ackedPerSecond() / bare.result.ackedPerSecond() * 100);
    out.printf(
        "bpp-node p99:     %.2f ms at %d in flight   (goal < %.0f ms at 16: %s)%n",
        p99,
        o.concurrency(),
        GOAL_P99_MS,
        o.concurrency() == 16 ? verdict(p99 < GOAL_P99_MS) : "not measured at 16");
    out.printf(
        "bpp-node errors:  %d (%d on the request, %d in callbacks)  (goal 0: %s)%n",
        errors,
        bpp.result.errors(),
        bpp.callbackErrors,
        verdict(errors == 0 && !bpp.result.poolUsedUp()));
    out.printf(
        "on_select:        %,d delivered for %,d measured selects ACKed  (goal all: %s)%n",
        bpp.callbacksAfterDrain,
        bpp.result.acked(),
        verdict(bpp.callbacksAfterDrain == bpp.result.acked()));
    for (LoadHarness.Phase p : List.of(bpp, memory, bare)) {
      if (p.result.firstError() != null) {
        out.println("first error, " + p.name + ": " + p.result.firstError());
      }
    }
    if (otherCallbacks > 0) {
      out.println("note: " + otherCallbacks + " callbacks other than on_select arrived");
    }
  }

  /**
   * The bpp-node's row alone, for runs that leave out the bare endpoint (profiling, trying a
   * setting).
   */
  static void printOne(
      PrintStream out, Options o, LoadHarness.Phase bpp, String loadBefore, String loadAfter) {
    out.println();
    out.printf(
        "pre-signed select, concurrency %d, %d s measured after %d s warm-up; bpp-node only%n",
        o.concurrency(), o.duration().toSeconds(), o.warmup().toSeconds());
    out.printf("load average before %s, after %s%n", loadBefore, loadAfter);
    out.println(HEADER);
    out.println(RULE);
    row(out, bpp);
    out.println();
    callbackDelay(out, bpp);
  }

  /**
   * The open-loop steps after the node's closed-loop run: for each rate, latency from the time each
   * select was due (a wait for a free connection counts), the service time beside it, errors and
   * callbacks; then the highest rate whose p99 stays under the goal's 20 ms.
   */
  static void printRates(
      PrintStream out,
      Options o,
      LoadHarness.Phase closed,
      List<LoadHarness.Phase> steps,
      String loadBefore,
      String loadAfter) {
    heading(
        out,
        String.format(
            "pre-signed select, bpp-node only: closed loop at %d in flight, then selects due at"
                + " fixed rates with at most %d in flight, %d s each after %d s warm-up",
            o.concurrency(), o.concurrency(), o.duration().toSeconds(), o.warmup().toSeconds()),
        loadBefore,
        loadAfter);
    out.println(
        "latency from the time a select was due (closed loop: from its send); service: from its"
            + " send");
    out.println();
    out.println(
        "| offered | selects | ACKed/s | p50 ms | p99 ms | max ms | service p99 ms | errors"
            + " | on_select / ACKed | on_select p50 / p99 ms | server CPU µs/select"
            + " | server writes KB/select | load average after | p99 < 20 ms |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    rateRow(out, closed, "closed, " + o.concurrency() + " in flight");
    int highest = 0;
    boolean below = true;
    for (LoadHarness.Phase s : steps) {
      rateRow(out, s, s.name);
      boolean met = meetsLatency(s);
      below &= met;
      if (below) {
        highest = s.perSecond;
      }
    }
    out.println();
    double closedP99 = ms(closed.result.latencies().percentile(99));
    out.printf(
        "bpp-node p99:     %.2f ms at %d in flight, closed loop   (goal < %.0f ms at 16: %s)%n",
        closedP99,
        o.concurrency(),
        GOAL_P99_MS,
        o.concurrency() == 16 ? verdict(closedP99 < GOAL_P99_MS) : "not measured at 16");
    out.printf(
        "open loop:        p99 under %.0f ms with nothing lost %s%n",
        GOAL_P99_MS,
        highest == 0
            ? "at none of the rates"
            : String.format(
                "up to %,d/s (%.0f %% of the closed loop's %,.0f ACKed/s)",
                highest,
                highest * 100 / closed.result.ackedPerSecond(),
                closed.result.ackedPerSecond()));
  }

  /**
   * A step under the latency line: p99 below the goal, no error, every select sent and every ACKed
   * one answered by its on_select.
   */
  private static boolean meetsLatency(LoadHarness.Phase s) {
    LoadRun.Result r = s.result;
    return ms(r.latencies().percentile(99)) < GOAL_P99_MS
        && r.errors() == 0
        && s.callbackErrors == 0
        && !r.poolUsedUp()
        && s.callbacksAfterDrain == r.acked();
  }

  private static void rateRow(PrintStream out, LoadHarness.Phase p, String offered) {
    LoadRun.Result r = p.result;
    Latencies d = p.callbackDelays;
    out.printf(
        "| %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %,d | %,d of %,d | %s | %s | %s | %s | %s"
            + " |%n",
        offered,
        r.sent(),
        r.ackedPerSecond(),
        ms(r.latencies().percentile(50)),
        ms(r.latencies().percentile(99)),
        ms(r.latencies().max()),
        ms(r.service().percentile(99)),
        r.errors() + p.callbackErrors,
        p.callbacksAfterDrain,
        r.acked(),
        d == null || d.count() == 0
            ? "–"
            : String.format("%.0f / %.0f", ms(d.percentile(50)), ms(d.percentile(99))),
        p.serverCpu == null ? "n/a" : String.format("%.0f", p.serverCpu.toNanos() / 1e3 / r.sent()),
        p.serverWrites == null ? "n/a" : String.format("%.1f", p.serverWrites / 1024.0 / r.sent()),
        p.loadAfter == null ? "–" : p.loadAfter,
        p.perSecond == 0 ? "–" : verdict(meetsLatency(p)));
  }

  /**
   * The steps of {@link InstanceSteps} side by side: each step's rate, its ratio to the first
   * step's, latencies, callbacks and checks.
   */
  static void printSteps(
      PrintStream out,
      Options o,
      List<InstanceSteps.Step> steps,
      String loadBefore,
      String loadAfter) {
    heading(
        out,
        String.format(
            "pre-signed select on PostgreSQL (%s, a fresh schema per step), concurrency %d spread"
                + " over the instances, %d s measured after %d s warm-up",
            o.postgres(), o.concurrency(), o.duration().toSeconds(), o.warmup().toSeconds()),
        loadBefore,
        loadAfter);
    out.println();
    out.println(
        "| instances | requests | ACKed/s | vs first | p50 ms | p99 ms | max ms | errors"
            + " | on_select / ACKed (whole step) | duplicates | on_select p50 / p99 ms"
            + " | node CPU µs/select"
            + " | load average before → after | correct |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    double first = steps.get(0).phase.result.ackedPerSecond();
    for (InstanceSteps.Step s : steps) {
      LoadRun.Result r = s.phase.result;
      Latencies d = s.phase.callbackDelays;
      out.printf(
          "| %d | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %,d | %,d of %,d | %d | %s | %s | %s → %s"
              + " | %s |%n",
          s.instances,
          r.sent(),
          r.ackedPerSecond(),
          r.ackedPerSecond() / first,
          ms(r.latencies().percentile(50)),
          ms(r.latencies().percentile(99)),
          ms(r.latencies().max()),
          s.errors,
          s.onSelect,
          s.acked,
          s.duplicates,
          d == null || d.count() == 0
              ? "–"
              : String.format("%.0f / %.0f", ms(d.percentile(50)), ms(d.percentile(99))),
          s.phase.serverCpu == null
              ? "n/a"
              : String.format("%.0f", s.phase.serverCpu.toNanos() / 1e3 / r.sent()),
          s.loadBefore,
          s.loadAfter,
          s.correct() ? "yes" : "NO");
    }
    out.println();
    for (InstanceSteps.Step s : steps) {
      out.printf(
          "%d instance(s): %,d selects sent (warm-up and measured), %,d ACKed, %d errors;"
              + " %,d on_select for %,d distinct selects, %d duplicates, %d for selects never"
              + " sent, %d with an error; offers %s%s%n",
          s.instances,
          s.sent,
          s.acked,
          s.errors,
          s.onSelect,
          s.distinct,
          s.duplicates,
          s.unknown,
          s.withError,
          s.inventory,
          s.phase.result.poolUsedUp()
              ? "; the pre-signed requests ran out (raise --max-pool)"
              : "");
      if (s.phase.result.firstError() != null) {
        out.println("  first error: " + s.phase.result.firstError());
      }
    }
  }

  private static void callbackDelay(PrintStream out, LoadHarness.Phase bpp) {
    Latencies d = bpp.callbackDelays;
    if (d != null && d.count() > 0) {
      out.printf(
          "on_select delay (select sent to on_select received) of the measured selects: p50 %.0f ms,"
              + " p99 %.0f ms, max %.0f ms over %,d callbacks%n",
          ms(d.percentile(50)), ms(d.percentile(99)), ms(d.max()), d.count());
    }
  }

  private static void row(PrintStream out, LoadHarness.Phase p) {
    LoadRun.Result r = p.result;
    String callbacks =
        p.callbacksAfterDrain < 0
            ? "–"
            : String.format(
                "%,d (%,d within the window)", p.callbacksAfterDrain, p.callbacksInWindow);
    String serverCpu =
        p.serverCpu == null ? "n/a" : String.format("%.0f", p.serverCpu.toNanos() / 1e3 / r.sent());
    String serverWrites =
        p.serverWrites == null ? "n/a" : String.format("%.1f", p.serverWrites / 1024.0 / r.sent());
    out.printf(
        "| %s | %,d | %,.0f | %.2f | %.2f | %.2f | %,d | %s | %s | %.0f | %s |%n",
        p.name,
        r.sent(),
        r.ackedPerSecond(),
        ms(r.latencies().percentile(50)),
        ms(r.latencies().percentile(99)),
        ms(r.latencies().max()),
        r.errors(),
        callbacks,
        serverCpu,
        r.clientCpuNanos() / 1e3 / r.sent(),
        serverWrites);
  }

  /** A run's first lines: what was measured, on how many cores and which Java, and the load. */
  private static void heading(PrintStream out, String what, String loadBefore, String loadAfter) {
    out.println();
    out.printf(
        "%s; %d cores, Java %s%n",
        what, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    out.printf("load average before %s, after %s%n", loadBefore, loadAfter);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }

  /** The 1, 5 and 15 minute load averages, where the OS tells them. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
