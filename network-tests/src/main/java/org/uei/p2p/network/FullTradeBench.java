package org.uei.p2p.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latency harness: the wall-clock time of one full discover → select → init → confirm between a
 * bap-node and a bpp-node running as separate processes, measured from the buyer app's side (four
 * sync client calls). Warm-up trades are discarded. Arguments: [trades] [warm-up]. Ends with a
 * "met" or "MISSED" line for each latency goal (median under 100 ms, p99 under 250 ms).
 */
public final class FullTradeBench {

  /** The goal for the median full trade on a quiet machine. */
  static final double P50_GOAL_MS = 100;

  /** The goal for the 99th percentile. */
  static final double P99_GOAL_MS = 250;

  private FullTradeBench() {}

  public static void main(String[] args) throws Exception {
    int trades = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path dir = Files.createTempDirectory("uei-full-trade-bench");
    try (LocalNetwork net = LocalNetwork.start(dir)) {
      TradeFlow flow = new TradeFlow(net);
      String offer = flow.publishOffer("6.10", 50);
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < warmup + trades; i++) {
        if (i > 0 && i % 40 == 0) {
          offer = flow.publishOffer("6.10", 50);
        }
        long t0 = System.nanoTime();
        flow.trade(offer, 1);
        long t1 = System.nanoTime();
        if (i >= warmup) {
          millis.add((t1 - t0) / 1e6);
        }
      }
      Collections.sort(millis);
      System.out.printf(
          "full trade (discover+select+init+confirm, sync, 2 processes): n=%d median=%.1f ms"
              + " p99=%.1f ms min=%.1f ms max=%.1f ms%n",
          millis.size(),
          pct(millis, 50),
          pct(millis, 99),
          millis.get(0),
          millis.get(millis.size() - 1));
      System.out.println(goal("median", pct(millis, 50), P50_GOAL_MS));
      System.out.println(goal("p99", pct(millis, 99), P99_GOAL_MS));
    }
  }

  /** A "met" or "MISSED" line for one of issue #23's latency goals. */
  static String goal(String measure, double millis, double goalMillis) {
    return String.format(
        "%s %s < %.0f ms: %.1f ms",
        millis < goalMillis ? "met" : "MISSED", measure, goalMillis, millis);
  }

  private static double pct(List<Double> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
