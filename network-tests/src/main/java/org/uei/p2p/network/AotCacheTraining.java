package org.uei.p2p.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.examples.network.Directories;
import org.uei.p2p.examples.network.NodeProcess;

/**
 * Trains the AOT cache of both packaged nodes (JDK 25 or later) on a trade workload and writes it
 * next to each node's {@code quarkus-run.jar} as {@code app.aot}; then starts both nodes on their
 * caches with {@code -XX:AOTMode=on}, which refuses to start on a cache the JVM cannot use, and
 * runs one more trade.
 *
 * <p>The build's class archive ({@code app-cds.jsa}, Java 17's dynamic CDS) saves a start the
 * loading and parsing of its classes, but every start still interprets and compiles the same code
 * before a trade runs fast. JDK 25's AOT cache also holds the classes linked and the method
 * profiles of the training run, so the JIT compiles a trade's path with what it learned there. The
 * training is a local network in this JVM's JDK: the registry here, and each node started by its
 * documented command with {@code -XX:AOTCacheOutput}, given through {@code JDK_JAVA_OPTIONS} so
 * that the start command is otherwise the one the cache will serve. The workload is wave-1 trades
 * through the buyer's client API (discover, select, init, confirm), with a new offer every 40
 * trades, as {@code network-tests/bench} runs them; each JVM writes its cache as it stops.
 *
 * <p>A cache serves only the JDK build that trained it and the class path it was trained on, which
 * is the node's jar by its absolute path; it is trained again after every build of the nodes. Start
 * a node on it with {@code java -XX:AOTCache=.../quarkus-app/app.aot -jar
 * .../quarkus-app/quarkus-run.jar}.
 *
 * <p>Arguments: {@code [trades]} (default 200) {@code [--postgres JDBC_URL]} (nodes of a {@code
 * -Ppostgres} build, each trained on a fresh schema of that database, dropped afterwards; user
 * {@code uei.pg.user}, default {@code postgres}). System properties {@code uei.bpp.jar} and {@code
 * uei.bap.jar}: the packaged nodes.
 */
public final class AotCacheTraining {

  private static final int FIRST_JDK = 25;
  private static final int TRADES_PER_OFFER = 40;
  // The JVM assembles the cache as it exits: seconds on a quiet machine, minutes on a loaded one.
  private static final Duration WRITTEN_WITHIN = Duration.ofMinutes(10);

  private static final String PG_USER = System.getProperty("uei.pg.user", "postgres");

  // The PostgreSQL database of a -Ppostgres build's nodes, or null for the default (H2) build.
  private final String postgres;

  private AotCacheTraining(String postgres) {
    this.postgres = postgres;
  }

  public static void main(String[] args) throws Exception {
    if (Runtime.version().feature() < FIRST_JDK) {
      System.err.println(
          "train-aot-cache: the AOT cache needs JDK "
              + FIRST_JDK
              + " or later; this is "
              + Runtime.version()
              + " (set UEI_JDK to a JDK "
              + FIRST_JDK
              + " home)");
      System.exit(2);
    }
    int trades = 200;
    String postgres = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--postgres")
          && i + 1 < args.length
          && args[i + 1].startsWith("jdbc:postgresql:")) {
        postgres = args[++i];
      } else if (args[i].matches("[1-9][0-9]{0,4}")) {
        trades = Integer.parseInt(args[i]);
      } else {
        System.err.println(
            "usage: train-aot-cache [trades, 1-99999] [--postgres jdbc:postgresql://HOST/DB]");
        System.exit(2);
      }
    }
    AotCacheTraining training = new AotCacheTraining(postgres);
    Path bppCache = cacheOf("uei.bpp.jar");
    Path bapCache = cacheOf("uei.bap.jar");
    Files.deleteIfExists(bppCache);
    Files.deleteIfExists(bapCache);
    Path dir = Files.createTempDirectory("uei-aot-training");
    long t0 = System.nanoTime();
    training.train(dir.resolve("training"), bppCache, bapCache, trades);
    double trainS = (System.nanoTime() - t0) / 1e9;
    for (Path cache : List.of(bppCache, bapCache)) {
      if (!Files.isRegularFile(cache)) {
        throw new IllegalStateException(
            "the node wrote no AOT cache " + cache + "; see the node logs in " + dir);
      }
    }
    training.check(dir.resolve("check"));
    System.out.printf(
        "AOT cache trained on %d trades in %.0f s, checked: %s (%d MB), %s (%d MB)%n",
        trades, trainS, bppCache, Files.size(bppCache) >> 20, bapCache, Files.size(bapCache) >> 20);
    Directories.deleteTree(dir);
  }

  private static Path cacheOf(String jarProperty) {
    String jar = System.getProperty(jarProperty);
    if (jar == null) {
      throw new IllegalStateException("system property " + jarProperty + " is not set");
    }
    return Path.of(jar).toAbsolutePath().normalize().resolveSibling(NodeProcess.AOT_CACHE);
  }

  private void train(Path dir, Path bppCache, Path bapCache, int trades) throws Exception {
    onNetwork(
        dir,
        "-XX:AOTCacheOutput=" + bppCache,
        "-XX:AOTCacheOutput=" + bapCache,
        net -> {
          TradeFlow flow = new TradeFlow(net);
          String offer = null;
          for (int i = 0; i < trades; i++) {
            if (i % TRADES_PER_OFFER == 0) {
              offer = flow.publishOffer("6.10", TRADES_PER_OFFER);
            }
            flow.trade(offer, 1);
          }
          net.bap().stop(WRITTEN_WITHIN);
          net.bpp().stop(WRITTEN_WITHIN);
        });
  }

  /** Both nodes on their new caches, which they must map, and one trade between them. */
  private void check(Path dir) throws Exception {
    onNetwork(
        dir,
        "-XX:AOTMode=on",
        "-XX:AOTMode=on",
        net -> {
          TradeFlow flow = new TradeFlow(net);
          flow.trade(flow.publishOffer("6.10", 1), 1);
        });
  }

  /** What runs on the training network. */
  private interface Workload {
    void run(LocalNetwork net) throws Exception;
  }

  /**
   * Runs {@code workload} on a local network whose nodes get one more JVM option each; with {@code
   * --postgres}, each node on a fresh schema of that database, dropped afterwards.
   */
  private void onNetwork(Path dir, String bppOption, String bapOption, Workload workload)
      throws Exception {
    Map<String, String> bppEnv = new HashMap<>(jvmOption(bppOption));
    Map<String, String> bapEnv = new HashMap<>(jvmOption(bapOption));
    String bppSchema = null;
    String bapSchema = null;
    if (postgres != null) {
      bppSchema = PostgresSchemas.fresh("uei_aot_bpp");
      bapSchema = PostgresSchemas.fresh("uei_aot_bap");
      bppEnv.putAll(PostgresSchemas.env(postgres, PG_USER, bppSchema));
      bapEnv.putAll(PostgresSchemas.env(postgres, PG_USER, bapSchema));
    }
    try (LocalNetwork net = LocalNetwork.start(dir, bppEnv, bapEnv)) {
      workload.run(net);
    } finally {
      if (postgres != null) {
        PostgresSchemas.drop(postgres, PG_USER, bppSchema);
        PostgresSchemas.drop(postgres, PG_USER, bapSchema);
      }
    }
  }

  /** The JVM option, in the environment variable the {@code java} launcher reads options from. */
  private static Map<String, String> jvmOption(String option) {
    return Map.of("JDK_JAVA_OPTIONS", option);
  }
}
