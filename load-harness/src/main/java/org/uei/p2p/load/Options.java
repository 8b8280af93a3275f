package org.uei.p2p.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load harness's command-line options.
 *
 * <p>{@code --instances 1,2} measures the bpp-node as 1 and then as 2 instances of one node in one
 * run, each step on a fresh schema of the PostgreSQL given with {@code --postgres}; instances of
 * one node share its database, which the H2 default (a file that one process opens) cannot be.
 *
 * <p>The in-memory node runs from {@code -Duei.memory.jar}, by default the bpp-node's jar: when
 * that is a PostgreSQL build (measured through {@code --bpp-env QUARKUS_DATASOURCE_JDBC_URL=...}),
 * the default H2 build of the same commit serves as its limit, since only H2 keeps a database in
 * memory.
 *
 * <p>{@code --rates 100,200} adds, after the bpp-node's closed-loop run, one open-loop step per
 * rate (selects due per second, at most {@code --concurrency} in flight), each {@code --duration}
 * long, and reports each step's latency from the time its requests were due ({@link LoadRun}); it
 * measures the bpp-node alone, as {@code --bpp-only} does.
 */
record Options(
    int concurrency,
    Duration duration,
    Duration warmup,
    int offers,
    boolean jfr,
    Path dir,
    Path bppJar,
    Path bareJar,
    Path memoryJar,
    int maxPool,
    Map<String, String> bppEnv,
    boolean bppOnly,
    List<Integer> instances,
    String postgres,
    List<Integer> rates) {

  static final String USAGE =
      "usage: load-harness/run [--concurrency N] [--duration SECONDS] [--warmup SECONDS]"
          + " [--offers N] [--max-pool N] [--jfr] [--dir DIR] [--bpp-env NAME=VALUE]... [--bpp-only]"
          + " [--instances N[,N]...] [--postgres JDBC_URL] [--rates PER_SECOND[,PER_SECOND]...]";

  static Options parse(String[] args) {
    int concurrency = 16;
    int duration = 60;
    int warmup = 60;
    int offers = 8;
    int maxPool = 400_000;
    boolean jfr = false;
    boolean bppOnly = false;
    Path dir = null;
    Map<String, String> bppEnv = new LinkedHashMap<>();
    List<Integer> instances = List.of(1);
    String postgres = null;
    List<Integer> rates = List.of();
    List<String> a = new ArrayList<>(List.of(args));
    for (int i = 0; i < a.size(); i++) {
      String k = a.get(i);
      if (k.equals("--jfr") || k.equals("--bpp-only")) {
        jfr |= k.equals("--jfr");
        bppOnly |= k.equals("--bpp-only");
        continue;
      }
      if (i + 1 >= a.size()) {
        throw new IllegalArgumentException(
            k.startsWith("--") ? k + " needs a value" : "unknown argument " + k);
      }
      String v = a.get(++i);
      switch (k) {
        case "--concurrency" -> concurrency = positive(k, v);
        case "--duration" -> duration = positive(k, v);
        case "--warmup" -> warmup = positive(k, v);
        case "--offers" -> offers = positive(k, v);
        case "--max-pool" -> maxPool = positive(k, v);
        case "--dir" -> dir = Path.of(v);
        case "--instances" -> instances = positives(k, v);
        case "--rates" -> rates = positives(k, v);
        case "--postgres" -> {
          if (!v.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                "--postgres needs a jdbc:postgresql: URL, not '" + v + "'");
          }
          postgres = v;
        }
        case "--bpp-env" -> {
          int eq = v.indexOf('=');
          if (eq < 1) {
            throw new IllegalArgumentException("--bpp-env needs NAME=VALUE, not '" + v + "'");
          }
          bppEnv.put(v.substring(0, eq), v.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + k);
      }
    }
    return new Options(
        concurrency,
        Duration.ofSeconds(duration),
        Duration.ofSeconds(warmup),
        offers,
        jfr,
        dir,
        Path.of(System.getProperty("uei.bpp.jar", "bpp-node/target/quarkus-app/quarkus-run.jar")),
        Path.of(
            System.getProperty("uei.bare.jar", "load-harness/target/quarkus-app/quarkus-run.jar")),
        Path.of(
            System.getProperty(
                "uei.memory.jar",
                System.getProperty("uei.bpp.jar", "bpp-node/target/quarkus-app/quarkus-run.jar"))),
        maxPool,
        Map.copyOf(bppEnv),
        bppOnly,
        instances,
        postgres,
        rates);
  }

  /** The bpp-node alone: asked for, or implied by open-loop steps. */
  boolean bppAlone() {
    return bppOnly || !rates.isEmpty();
  }

  /**
   * True for a run of instance steps on PostgreSQL ({@link InstanceSteps}) instead of the bpp-node
   * next to the bare endpoint.
   */
  boolean scaling() {
    return postgres != null || !instances.equals(List.of(1));
  }

  /** Refuses, in one line, what cannot run: several instances without a database to share. */
  void check() {
    int most = instances.stream().mapToInt(Integer::intValue).max().orElse(1);
    if (most > 1 && postgres == null) {
      throw new IllegalStateException(
          "--instances "
              + most
              + " needs --postgres JDBC_URL: instances of one node share its database, and the H2"
              + " default is a file that only one process can open");
    }
    if (postgres != null && bppEnv.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
      throw new IllegalStateException(
          "give the database with --postgres only: each step gets a fresh schema in it");
    }
    if (scaling() && jfr) {
      throw new IllegalStateException("--jfr records one bpp-node; leave it out of instance steps");
    }
    if (scaling() && !rates.isEmpty()) {
      throw new IllegalStateException(
          "--rates measures one bpp-node on its own database; leave it out of instance steps");
    }
    // A bpp-node packaged without -Ppostgres fixes H2 at build time and exits at start on a
    // PostgreSQL URL; NodeProcess reports that with the node's log.
  }

  private static List<Integer> positives(String option, String value) {
    List<Integer> values = new ArrayList<>();
    for (String n : value.split(",", -1)) {
      values.add(positive(option, n.trim()));
    }
    return List.copyOf(values);
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        option + " needs a whole number above 0, not '" + value + "'");
  }
}
