package org.uei.p2p.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Latency harness: the wall-clock time of one full discover → select → init → confirm between a
 * bap-node and a bpp-node running as separate processes, measured from the buyer app's side (four
 * sync client calls). Warm-up trades are discarded. Arguments: [trades] [warm-up] [--memory-too].
 * Prints a "met" or "MISSED" line for each latency goal (median under 100 ms, p99 under 250 ms);
 * with {@code --memory-too} it then runs the same trades on a second network whose nodes keep their
 * stores in memory ({@code uei.store=memory}) and prints what durability costs the trade.
 */
public final class FullTradeBench {

  /** The goal for the median full trade on a quiet machine. */
  static final double P50_GOAL_MS = 100;

  /** The goal for the 99th percentile. */
  static final double P99_GOAL_MS = 250;

  private FullTradeBench() {}

  public static void main(String[] args) throws Exception {
    List<String> a = new ArrayList<>(List.of(args));
    boolean memoryToo = a.remove("--memory-too");
    int trades = a.size() > 0 ? Integer.parseInt(a.get(0)) : 200;
    int warmup = a.size() > 1 ? Integer.parseInt(a.get(1)) : 50;
    Path dir = Files.createTempDirectory("uei-full-trade-bench");
    List<Double> durable = run(dir.resolve("durable"), Map.of(), trades, warmup);
    System.out.println(
        line("full trade (discover+select+init+confirm, sync, 2 processes)", durable));
    System.out.println(goal("median", pct(durable, 50), P50_GOAL_MS));
    System.out.println(goal("p99", pct(durable, 99), P99_GOAL_MS));
    if (memoryToo) {
      List<Double> memory =
          run(dir.resolve("memory"), Map.of("UEI_STORE", "memory"), trades, warmup);
      System.out.println(line("the same, both nodes with their stores in memory", memory));
      System.out.printf(
          "durable / memory: median %.2fx, p99 %.2fx%n",
          pct(durable, 50) / pct(memory, 50), pct(durable, 99) / pct(memory, 99));
    }
  }

  /**
   * The sorted times of {@code trades} trades after {@code warmup} discarded ones, on a network
   * whose two nodes get {@code env}.
   */
  private static List<Double> run(Path dir, Map<String, String> env, int trades, int warmup)
      throws Exception {
    try (LocalNetwork net = LocalNetwork.start(dir, env, env)) {
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
      return millis;
    }
  }

  private static String line(String what, List<Double> sorted) {
    return String.format(
        "%s: n=%d median=%.1f ms p99=%.1f ms min=%.1f ms max=%.1f ms",
        what,
        sorted.size(),
        pct(sorted, 50),
        pct(sorted, 99),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
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
