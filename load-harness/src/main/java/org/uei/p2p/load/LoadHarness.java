package org.uei.p2p.load;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.signing.BecknSigner;

/**
 * Load harness, a program and not a test: distinct pre-signed selects sent at fixed concurrency to
 * the packaged bpp-node's {@code POST /select}, then the same requests at the same concurrency to a
 * bare Quarkus endpoint, each after a discarded warm-up, on the same machine in the same run.
 * Prints throughput, latency percentiles, errors and the callbacks the node sent, and the ratio of
 * the two rates. Options: see {@link Options}.
 */
public final class LoadHarness {

  private static final PrintStream OUT = System.out;
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    Path dir = o.dir() != null ? o.dir() : Files.createTempDirectory("uei-load-harness");
    log(
        "load harness: concurrency %d, warm-up %d s, measured %d s, %d offers; logs in %s%n",
        o.concurrency(), o.warmup().toSeconds(), o.duration().toSeconds(), o.offers(), dir);
    String loadBefore = Report.loadAverage();
    // Long enough for the builds, both warm-ups and both measurements with room to spare.
    Duration validity = o.warmup().plus(o.duration()).multipliedBy(2).plus(Duration.ofMinutes(20));
    Map<String, String> bppEnv = new LinkedHashMap<>(o.bppEnv());
    if (validity.compareTo(Duration.ofHours(24)) > 0) {
      // The selects carry the validity as ttl; beyond the node's default limit they would be
      // refused.
      bppEnv.putIfAbsent("UEI_INBOUND_MAX_TTL", validity.toString());
    }
    if (o.jfr()) {
      // The node's stacks (REST, JTA, Hibernate, H2) run deeper than JFR's default 64 frames.
      bppEnv.put(
          "JAVA_TOOL_OPTIONS",
          "-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename="
              + dir.resolve("bpp-node.jfr")
              + ",settings=profile,dumponexit=true");
    }
    if (!bppEnv.isEmpty()) {
      log("bpp-node extra environment: %s%n", bppEnv);
    }
    try (LoadNetwork net =
        LoadNetwork.start(dir, o.bppJar().toAbsolutePath(), o.bareJar().toAbsolutePath(), bppEnv)) {
      log(
          "started: registry %s, bpp-node %s, bare endpoint %s, buyer callbacks %s%n",
          net.registry.baseUrl(), net.bpp.url(), net.bare.url(), net.callbacks.url());
      List<EnergyOffer> offers = net.publishOffers(o.offers(), 50);
      SelectFactory selects =
          new SelectFactory(
              offers,
              BecknSigner.of(LoadNetwork.BAP_ID, LoadNetwork.KEY_ID, net.bapKey),
              new Contexts.Parties(
                  LoadNetwork.DOMAIN,
                  LoadNetwork.BAP_ID,
                  net.callbacks.url(),
                  LoadNetwork.BPP_ID,
                  net.bpp.url()),
              validity);

      Phase bpp = new Phase("bpp-node", URI.create(net.bpp.url()), net.processOf(net.bpp));
      Phase bare = new Phase("bare", URI.create(net.bare.url()), net.processOf(net.bare));
      int built = 0;

      log("bpp-node: warm-up %d s (discarded)%n", o.warmup().toSeconds());
      double rate = 0;
      Duration left = o.warmup();
      long warmupAcked = 0;
      while (!left.isNegative() && !left.isZero()) {
        int chunk = (int) Math.max(3000, Math.min(200_000, rate * 5));
        List<PreparedRequest> batch = selects.build(built, chunk);
        built += chunk;
        LoadRun.Result r =
            LoadRun.run(
                bpp.target,
                new RequestPool(batch, false),
                o.concurrency(),
                left,
                LoadHarness::interval);
        warmupAcked += r.acked();
        rate = r.ackedPerSecond();
        left = left.minusNanos(r.elapsedNanos());
        log(
            "  %,d selects, %,.0f ACKed/s, %d errors%s%n",
            r.sent(),
            rate,
            r.errors(),
            r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
      }
      awaitCallbacks(net.callbacks, warmupAcked, Duration.ofSeconds(120));

      // The warm-up rate of a cold node understates what it reaches once compiled; a floor of
      // 1,000/s keeps the pool from running out early (3 KB a request).
      long estimate =
          Math.max((long) Math.ceil(rate * 3), 1000L) * o.duration().toSeconds()
              + 100L * o.concurrency();
      int poolSize = (int) Math.min(o.maxPool(), estimate);
      log("bpp-node: building %,d pre-signed selects for the measured run%n", poolSize);
      long t0 = System.nanoTime();
      List<PreparedRequest> measured = selects.build(built, poolSize);
      log(
          "  built in %.1f s (%,d bytes per request with headers)%n",
          (System.nanoTime() - t0) / 1e9, measured.get(0).tail().length);

      log("bpp-node: measuring %d s%n", o.duration().toSeconds());
      long callbacksBefore = net.callbacks.onSelect();
      Map<String, Long> sentAt = new ConcurrentHashMap<>(poolSize);
      net.callbacks.track(sentAt);
      bpp.measure(
          new RequestPool(measured, false),
          o.concurrency(),
          o.duration(),
          (r, t) -> sentAt.put(r.messageId(), t));
      bpp.callbacksInWindow = net.callbacks.onSelect() - callbacksBefore;
      awaitCallbacks(net.callbacks, warmupAcked + bpp.result.acked(), Duration.ofSeconds(180));
      bpp.callbacksAfterDrain = net.callbacks.onSelect() - callbacksBefore;
      bpp.callbackErrors = net.callbacks.onSelectWithError();
      net.callbacks.track(null);
      bpp.callbackDelays = net.callbacks.delays();

      if (o.bppOnly()) {
        Report.printOne(OUT, o, bpp, loadBefore, Report.loadAverage());
        return;
      }
      log("bare: warm-up %d s (discarded), same requests%n", o.warmup().toSeconds());
      LoadRun.Result w =
          LoadRun.run(
              bare.target,
              new RequestPool(measured, true),
              o.concurrency(),
              o.warmup(),
              LoadHarness::interval);
      log("  %,d requests, %,.0f ACKed/s, %d errors%n", w.sent(), w.ackedPerSecond(), w.errors());
      log("bare: measuring %d s%n", o.duration().toSeconds());
      bare.measure(new RequestPool(measured, true), o.concurrency(), o.duration(), (r, t) -> {});

      Report.print(OUT, o, bpp, bare, loadBefore, Report.loadAverage(), net.callbacks.other());
    }
  }

  private static void interval(Duration elapsed, double ackedPerSecond) {
    log("    %3d s: %,.0f ACKed/s%n", elapsed.toSeconds(), ackedPerSecond);
  }

  /**
   * A progress line with the wall-clock time (UTC), to place JFR samples and node logs in the run.
   */
  private static void log(String format, Object... args) {
    OUT.print(CLOCK.format(LocalTime.now(ZoneOffset.UTC)) + " ");
    OUT.printf(format, args);
  }

  private static void awaitCallbacks(CallbackCounter callbacks, long expected, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (callbacks.onSelect() < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    log(
        "  on_select callbacks received: %,d of %,d ACKed selects%n",
        callbacks.onSelect(), expected);
  }

  /** One target's measured run and what was observed around it. */
  static final class Phase {
    final String name;
    final URI target;
    final Optional<ProcessHandle> process;
    LoadRun.Result result;
    Duration serverCpu;
    long callbacksInWindow = -1;
    long callbacksAfterDrain = -1;
    long callbackErrors;
    Latencies callbackDelays;

    Phase(String name, URI target, Optional<ProcessHandle> process) {
      this.name = name;
      this.target = target;
      this.process = process;
    }

    void measure(RequestPool pool, int concurrency, Duration duration, LoadRun.SendHook hook)
        throws InterruptedException {
      Optional<Duration> cpu0 = process.flatMap(p -> p.info().totalCpuDuration());
      result = LoadRun.run(target, pool, concurrency, duration, LoadHarness::interval, hook);
      Optional<Duration> cpu1 = process.flatMap(p -> p.info().totalCpuDuration());
      serverCpu = cpu0.isPresent() && cpu1.isPresent() ? cpu1.get().minus(cpu0.get()) : null;
      if (result.poolUsedUp()) {
        log(
            "  note: the %,d pre-signed requests ran out after %.1f s; raise --max-pool or the warm-up%n",
            pool.size(), result.elapsedNanos() / 1e9);
      }
    }
  }

  /** Command-line options. */
  record Options(
      int concurrency,
      Duration duration,
      Duration warmup,
      int offers,
      boolean jfr,
      Path dir,
      Path bppJar,
      Path bareJar,
      int maxPool,
      Map<String, String> bppEnv,
      boolean bppOnly) {

    static final String USAGE =
        "usage: load-harness/run [--concurrency N] [--duration SECONDS] [--warmup SECONDS]"
            + " [--offers N] [--max-pool N] [--jfr] [--dir DIR] [--bpp-env NAME=VALUE]... [--bpp-only]";

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
              System.getProperty(
                  "uei.bare.jar", "load-harness/target/quarkus-app/quarkus-run.jar")),
          maxPool,
          Map.copyOf(bppEnv),
          bppOnly);
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
}
