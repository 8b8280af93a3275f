package org.uei.p2p.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.uei.p2p.examples.network.Directories;

/**
 * Latency harness: the wall-clock time of one full discover → select → init → confirm between a
 * bap-node and a bpp-node running as separate processes, measured from the buyer app's side (four
 * sync client calls). Warm-up trades are discarded. Arguments: [trades] [warm-up] [--memory-too]
 * [--postgres JDBC_URL]. Prints a "met" or "MISSED" line for each latency goal (median under 100
 * ms, p99 under 250 ms); with {@code --memory-too} it then runs the same trades on a second network
 * whose nodes keep their stores in memory ({@code uei.store=memory}) and prints what durability
 * costs the trade. With {@code --postgres} the nodes (a {@code -Ppostgres} build) each get a fresh
 * schema of that database, dropped afterwards; the user is {@code -Duei.pg.user}, default {@code
 * postgres}.
 */
public final class FullTradeBench {

  /** The goal for the median full trade on a quiet machine. */
  static final double P50_GOAL_MS = 100;

  /** The goal for the 99th percentile. */
  static final double P99_GOAL_MS = 250;

  /** Trades per median of the warm-up curve. */
  private static final int BLOCK = 50;

  private FullTradeBench() {}

  public static void main(String[] args) throws Exception {
    List<String> a = new ArrayList<>(List.of(args));
    boolean memoryToo = a.remove("--memory-too");
    String postgres = null;
    int pg = a.indexOf("--postgres");
    if (pg >= 0) {
      if (pg + 1 >= a.size() || !a.get(pg + 1).startsWith("jdbc:postgresql:")) {
        System.err.println("--postgres needs a jdbc:postgresql: URL");
        System.exit(2);
      }
      postgres = a.remove(pg + 1);
      a.remove(pg);
      if (memoryToo) {
        // A -Ppostgres build refuses uei.store=memory; the limit would need the other build.
        System.err.println("--memory-too runs the default (H2) build: not with --postgres");
        System.exit(2);
      }
    }
    int trades = a.size() > 0 ? Integer.parseInt(a.get(0)) : 200;
    int warmup = a.size() > 1 ? Integer.parseInt(a.get(1)) : 50;
    Path dir = Files.createTempDirectory("uei-full-trade-bench");
    List<Double> all =
        postgres == null
            ? run(dir.resolve("durable"), Map.of(), Map.of(), trades, warmup)
            : onPostgres(dir.resolve("postgres"), postgres, trades, warmup);
    List<Double> durable = measured(all, warmup);
    System.out.println(
        line("full trade (discover+select+init+confirm, sync, 2 processes)", durable));
    System.out.println(warmingUp(all));
    System.out.println(goal("median", pct(durable, 50), P50_GOAL_MS));
    System.out.println(goal("p99", pct(durable, 99), P99_GOAL_MS));
    if (memoryToo) {
      List<Double> memory =
          measured(
              run(
                  dir.resolve("memory"),
                  Map.of("UEI_STORE", "memory"),
                  Map.of("UEI_STORE", "memory"),
                  trades,
                  warmup),
              warmup);
      System.out.println(line("the same, both nodes with their stores in memory", memory));
      System.out.printf(
          "durable / memory: median %.2fx, p99 %.2fx%n",
          pct(durable, 50) / pct(memory, 50), pct(durable, 99) / pct(memory, 99));
    }
    // The nodes' H2 files of a run take hundreds of MB; a failed run keeps them with the logs.
    Directories.deleteTree(dir);
  }

  /**
   * The times of {@code warmup} + {@code trades} trades in the order they ran, on a network whose
   * nodes get {@code bppEnv} and {@code bapEnv}.
   */
  private static List<Double> run(
      Path dir, Map<String, String> bppEnv, Map<String, String> bapEnv, int trades, int warmup)
      throws Exception {
    try (LocalNetwork net = LocalNetwork.start(dir, bppEnv, bapEnv)) {
      TradeFlow flow = new TradeFlow(net);
      String offer = flow.publishOffer("6.10", 50);
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < warmup + trades; i++) {
        if (i > 0 && i % 40 == 0) {
          offer = flow.publishOffer("6.10", 50);
        }
        long t0 = System.nanoTime();
        flow.trade(offer, 1);
        millis.add((System.nanoTime() - t0) / 1e6);
      }
      return millis;
    }
  }

  /** {@link #run} with each node on a fresh schema of {@code jdbcUrl}, dropped afterwards. */
  private static List<Double> onPostgres(Path dir, String jdbcUrl, int trades, int warmup)
      throws Exception {
    String user = System.getProperty("uei.pg.user", "postgres");
    String bpp = PostgresSchemas.fresh("uei_trade_bpp");
    String bap = PostgresSchemas.fresh("uei_trade_bap");
    try {
      return run(
          dir,
          PostgresSchemas.env(jdbcUrl, user, bpp),
          PostgresSchemas.env(jdbcUrl, user, bap),
          trades,
          warmup);
    } finally {
      PostgresSchemas.drop(jdbcUrl, user, bpp);
      PostgresSchemas.drop(jdbcUrl, user, bap);
    }
  }

  /** The times after the warm-up, sorted. */
  private static List<Double> measured(List<Double> all, int warmup) {
    List<Double> sorted = new ArrayList<>(all.subList(Math.min(warmup, all.size()), all.size()));
    Collections.sort(sorted);
    return sorted;
  }

  /**
   * The median of each run of 50 trades since the nodes started, warm-up included: how long the
   * JVMs take to compile the trade's path shows here, not in the figures after the warm-up.
   */
  static String warmingUp(List<Double> all) {
    StringBuilder out = new StringBuilder("median by trades since start:");
    for (int from = 0; from < all.size(); from += BLOCK) {
      List<Double> block = new ArrayList<>(all.subList(from, Math.min(all.size(), from + BLOCK)));
      Collections.sort(block);
      out.append(String.format(" %d-%d %.1f ms;", from + 1, from + block.size(), pct(block, 50)));
    }
    return out.substring(0, out.length() - 1);
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
