package org.uei.p2p.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uei.p2p.examples.network.Directories;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Start-up and idle-footprint harness: starts the packaged bpp-node and bap-node again and again,
 * each time with a fresh data directory (or, with {@code --pg}, a fresh PostgreSQL schema), and
 * measures the wall time from spawning the JVM to {@code /q/health/ready} answering UP, then the
 * resident set size ({@code VmRSS}) after the node has sat idle. Variants of the JVM settings run
 * interleaved in the same loop, so that the load of a shared machine falls on all of them alike;
 * the variant {@code base} starts another build of the nodes (system properties {@code
 * uei.bpp.base.jar}, {@code uei.bap.base.jar}) so that two builds are compared the same way. The
 * variant {@code default} is the nodes' documented start command, with the class archive their
 * build trained (on JDK 25, the AOT cache {@code network-tests/train-aot-cache} trained, if there
 * is one), on an empty database; {@code restart} the same on a database that a first, unmeasured
 * start migrated, as an operator's restart finds it; {@code plain} the default without the archive;
 * {@code tiered} the default with the JVM's own JIT (C1, then C2) instead of C1 alone. Also records
 * the CPU time the node's process had used when it became ready, which a busy machine inflates far
 * less than the wall time. Prints median, best and worst per node and variant, and one met/MISSED
 * line per goal.
 *
 * <p>Arguments: {@code [runs] [--idle seconds] [--variants a,b] [--nodes bpp,bap] [--pg]}.
 */
public final class StartupBench {

  static final double START_LIMIT_MS = 3000;
  static final double RSS_LIMIT_MB = 300;
  private static final List<String> BASE = List.of("-Xmx256m", "-XX:+UseSerialGC");
  private static final Pattern STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");
  private static final Pattern MIGRATED =
      Pattern.compile(
          "Successfully applied (\\d+) migrations.*execution time (\\d+):(\\d+\\.\\d+)s");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Path dir;
  private final Options options;
  private final LocalRegistry registry;

  private StartupBench(Path dir, Options options, LocalRegistry registry) {
    this.dir = dir;
    this.options = options;
    this.registry = registry;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path dir = Files.createTempDirectory("uei-startup-bench");
    try (LocalRegistry registry =
        LocalRegistry.builder()
            .host("127.0.0.1")
            .port(0)
            .dataDir(dir.resolve("registry"))
            .start()) {
      new StartupBench(dir, options, registry).run();
    }
    // The starts' databases and logs; a failed run keeps them.
    Directories.deleteTree(dir);
  }

  private void run() throws Exception {
    System.out.printf(
        "start-up bench: %d runs per node and variant, %d s idle, %s, variants %s; load average %s%n",
        options.runs,
        options.idleSeconds,
        options.pg ? "PostgreSQL" : "H2",
        options.variants,
        loadAverage());
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    for (int i = 0; i < options.runs; i++) {
      for (String node : options.nodes) {
        for (String variant : options.variants) {
          Sample s = startOnce(node, variant, i, options.idleSeconds);
          samples.computeIfAbsent(node + " " + variant, k -> new ArrayList<>()).add(s);
          System.out.printf("  %-16s run %d: %s%n", node + " " + variant, i + 1, s);
        }
      }
    }
    System.out.printf("load average at the end %s%n", loadAverage());
    for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
      report(e.getKey(), e.getValue());
    }
  }

  private void report(String key, List<Sample> list) {
    List<Double> ready = sorted(list.stream().map(s -> s.readyMs).toList());
    List<Double> rss = sorted(list.stream().map(s -> s.rssMb).toList());
    List<Double> cpu = sorted(list.stream().map(s -> s.cpuS).toList());
    List<Double> started = sorted(list.stream().map(s -> s.quarkusMs).toList());
    List<Double> flyway = sorted(list.stream().map(s -> s.flywayMs).toList());
    String db = options.pg ? "PostgreSQL" : "H2";
    System.out.printf(
        "%s (%s): ready median %.0f ms (best %.0f, worst %.0f); CPU at ready median %.2f s"
            + " (best %.2f, worst %.2f); Quarkus 'started in' median %.0f ms; Flyway median %.0f"
            + " ms; RSS idle median %.0f MB (best %.0f, worst %.0f)%n",
        key,
        db,
        median(ready),
        ready.get(0),
        last(ready),
        median(cpu),
        cpu.get(0),
        last(cpu),
        median(started),
        median(flyway),
        median(rss),
        rss.get(0),
        last(rss));
    goal(key, db, "start to ready < 3 s", median(ready), ready.get(0), START_LIMIT_MS, "ms");
    goal(key, db, "RSS after idle < 300 MB", median(rss), rss.get(0), RSS_LIMIT_MB, "MB");
  }

  private static void goal(
      String key, String db, String what, double median, double best, double limit, String unit) {
    System.out.printf(
        "GOAL %s, %s (%s): median %.1f %s = %.3f x limit -> %s (best %.1f %s = %.3f x)%n",
        what,
        key,
        db,
        median,
        unit,
        median / limit,
        median < limit ? "met" : "MISSED",
        best,
        unit,
        best / limit);
  }

  private Sample startOnce(String node, String variant, int run, int idleSeconds) throws Exception {
    String id = node + "." + variant + "." + run + ".startup.local";
    int port = LoopbackSubscribers.freePort();
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    String type = node.equals("bpp") ? "BPP" : "BAP";
    ArrayNode records = Json.MAPPER.createArrayNode();
    records.add(
        LoopbackSubscribers.record(
            id, "k1", type, "http://127.0.0.1:" + port, LocalNetwork.DOMAIN, key));
    Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);
    Path data = dir.resolve(id);
    Path log = dir.resolve(id + ".log");
    String schema =
        ("uei_start_" + node + "_" + variant + "_" + run + "_" + System.nanoTime())
            .replace('-', '_');
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(BASE);
    Path jar =
        Path.of(
                System.getProperty(
                    variant.equals("base") ? "uei." + node + ".base.jar" : "uei." + node + ".jar"))
            .toAbsolutePath();
    // The documented start command: on JDK 17 C1 alone and the class archive packaged next to the
    // jar, if the build trained one, or on JDK 25 the AOT cache trained there. The variant 'plain'
    // starts without the archive, 'tiered' with the JVM's default JIT (C1, then C2).
    for (String option : NodeProcess.startOptions(jar)) {
      boolean jit = option.equals(NodeProcess.C1_ONLY);
      if (jit && variant.equals("tiered") || !jit && variant.equals("plain")) {
        continue;
      }
      cmd.add(option);
    }
    if (variant.equals("xms64")) {
      // Without -Xms the heap starts at its maximum (1/64 of RAM > 256 MB) and an idle node keeps
      // every eden page it ever touched; a small start lets the serial collector size it to use.
      cmd.add("-Xms64m");
    }
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Map<String, String> env = pb.environment();
    env.put("UEI_SUBSCRIBER_ID", id);
    env.put("UEI_KEY_ID", "k1");
    env.put("UEI_PRIVATE_KEY", key.seedBase64());
    env.put("UEI_DOMAIN", LocalNetwork.DOMAIN);
    env.put("UEI_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("UEI_REGISTRY_URL", registry.baseUrl());
    env.put("UEI_REGISTRY_TYPE", "beckn");
    env.put("UEI_DATA_DIR", data.toString());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    if (variant.equals("arena2")) {
      // glibc gives each thread that mallocs its own arena (up to 8 per core); two keep RSS down.
      env.put("MALLOC_ARENA_MAX", "2");
    }
    if (options.pg) {
      env.putAll(PostgresSchemas.env(options.pgUrl, options.pgUser, schema));
    }
    String url = "http://127.0.0.1:" + port + "/q/health/ready";
    try {
      if (variant.equals("restart")) {
        // An operator's restart finds its database migrated: a first, unmeasured start on the same
        // data directory (or schema) does the migrations.
        Path firstLog = dir.resolve(id + ".first.log");
        pb.redirectOutput(ProcessBuilder.Redirect.to(firstLog.toFile()));
        runUntilReady(pb, id, url, firstLog, p -> null);
        pb.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      }
      return runUntilReady(
          pb,
          id,
          url,
          log,
          p -> {
            double cpuS = cpuSeconds(p.process.pid());
            // The footprint goal is RSS after this much idle time: the wait is the measurement.
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            double rssMb = rssKb(p.process.pid()) / 1024.0;
            return new Sample(p.readyMs, cpuS, rssMb, logged(log, STARTED), flywayMs(log));
          });
    } finally {
      if (options.pg) {
        PostgresSchemas.drop(options.pgUrl, options.pgUser, schema);
      }
    }
  }

  /** A started node process and its time from spawn to ready. */
  private record Started(Process process, double readyMs) {}

  /** What is measured on a node once it is ready, before it is stopped. */
  private interface AtReady<T> {
    T measure(Started started) throws Exception;
  }

  private static <T> T runUntilReady(
      ProcessBuilder pb, String id, String url, Path log, AtReady<T> atReady) throws Exception {
    long t0 = System.nanoTime();
    Process p = pb.start();
    // A harness stopped with Ctrl-C must not leave the node running.
    Thread reaper = new Thread(p::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(reaper);
    try {
      while (!ready(url)) {
        if (!p.isAlive()) {
          throw new IllegalStateException(id + " exited during start; see " + log);
        }
        if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(3)) {
          throw new IllegalStateException(id + " not ready in 3 minutes; see " + log);
        }
        Thread.sleep(20);
      }
      return atReady.measure(new Started(p, (System.nanoTime() - t0) / 1e6));
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
      Runtime.getRuntime().removeShutdownHook(reaper);
    }
  }

  private static boolean ready(String url) throws InterruptedException {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("UP");
    } catch (IOException e) {
      return false;
    }
  }

  /** User plus system CPU time of process {@code pid} so far, in seconds (Linux, 100 ticks/s). */
  static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  private static double logged(Path log, Pattern seconds) throws IOException {
    Matcher m = seconds.matcher(Files.readString(log));
    return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
  }

  private static double flywayMs(Path log) throws IOException {
    String text = Files.readString(log);
    Matcher m = MIGRATED.matcher(text);
    if (m.find()) {
      return (Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3))) * 1000;
    }
    // A restart's database is migrated already: Flyway only checks it.
    return text.contains("is up to date. No migration necessary") ? 0 : Double.NaN;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static List<Double> sorted(List<Double> values) {
    List<Double> copy = new ArrayList<>(values);
    copy.sort(Double::compare);
    return copy;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double last(List<Double> sorted) {
    return sorted.get(sorted.size() - 1);
  }

  private record Sample(
      double readyMs, double cpuS, double rssMb, double quarkusMs, double flywayMs) {
    @Override
    public String toString() {
      return String.format(
          "ready %.0f ms (CPU %.2f s, Quarkus %.0f ms, Flyway %.0f ms), RSS %.0f MB",
          readyMs, cpuS, quarkusMs, flywayMs, rssMb);
    }
  }

  /** Command-line settings. */
  private record Options(
      int runs,
      int idleSeconds,
      List<String> variants,
      List<String> nodes,
      boolean pg,
      String pgUrl,
      String pgUser) {

    static Options parse(String[] args) {
      int runs = 5;
      int idle = 10;
      List<String> variants = List.of("default");
      List<String> nodes = List.of("bpp", "bap");
      boolean pg = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--idle" -> idle = Integer.parseInt(args[++i]);
          case "--variants" -> variants = List.of(args[++i].split(","));
          case "--nodes" -> nodes = List.of(args[++i].split(","));
          case "--pg" -> pg = true;
          default -> runs = Integer.parseInt(args[i]);
        }
      }
      for (String v : variants) {
        if (!List.of("default", "restart", "plain", "arena2", "xms64", "tiered", "base")
            .contains(v)) {
          throw new IllegalArgumentException(
              "unknown variant " + v + " (default, restart, plain, arena2, xms64, tiered, base)");
        }
      }
      return new Options(
          runs,
          idle,
          variants,
          nodes,
          pg,
          System.getProperty("uei.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
          System.getProperty("uei.pg.user", "postgres"));
    }
  }
}
