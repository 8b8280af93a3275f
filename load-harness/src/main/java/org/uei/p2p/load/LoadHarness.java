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
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.signing.BecknSigner;

/**
 * Load harness, a program and not a test: distinct pre-signed selects sent at fixed concurrency to
 * the packaged bpp-node's {@code POST /select}, then the same requests at the same concurrency to a
 * bare Quarkus endpoint, then to the same node started again with its stores in memory ({@code
 * uei.store=memory}), each after a discarded warm-up, on the same machine in the same run. Prints
 * throughput, latency percentiles, errors and the callbacks the node sent, the durable node's rate
 * against the in-memory node's (the goal) and against the bare endpoint's (context). Options: see
 * {@link Options}.
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
    try {
      o.check();
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
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
    if (o.scaling()) {
      InstanceSteps.run(o, dir, bppEnv, validity);
      return;
    }
    Phase bpp;
    Phase bare = null;
    long otherCallbacks;
    try (LoadNetwork net =
        LoadNetwork.start(
            dir,
            o.bppJar().toAbsolutePath(),
            o.bppAlone() ? null : o.bareJar().toAbsolutePath(),
            bppEnv,
            1)) {
      log(
          "started: registry %s, bpp-node %s, bare endpoint %s, buyer callbacks %s%n",
          net.registry.baseUrl(),
          net.bpp.url(),
          net.bare == null ? "left out" : net.bare.url(),
          net.callbacks.url());
      List<EnergyOffer> offers = net.publishOffers(o.offers(), 50);
      SelectFactory selects = selects(net, offers, validity);
      bpp = measureNode(o, net, "bpp-node", selects, ConcurrentHashMap.newKeySet());
      if (!o.rates().isEmpty()) {
        List<Phase> steps = new ArrayList<>();
        long answered = bpp.warmupAcked + bpp.result.acked();
        for (int perSecond : o.rates()) {
          Phase step = measureRate(o, net, bpp, perSecond, selects, answered);
          answered += step.result.acked();
          steps.add(step);
        }
        Report.printRates(OUT, o, bpp, steps, loadBefore, Report.loadAverage());
        return;
      }
      if (o.bppOnly()) {
        Report.printOne(OUT, o, bpp, loadBefore, Report.loadAverage());
        return;
      }
      bare =
          new Phase(
              "bare", List.of(URI.create(net.bare.url())), net.bare.handle().stream().toList());
      log("bare: warm-up %d s (discarded), same requests%n", o.warmup().toSeconds());
      LoadRun.Result w =
          LoadRun.run(
              bare.targets,
              new RequestPool(bpp.measuredRequests, true),
              o.concurrency(),
              o.warmup(),
              LoadHarness::interval);
      log("  %,d requests, %,.0f ACKed/s, %d errors%n", w.sent(), w.ackedPerSecond(), w.errors());
      log("bare: measuring %d s%n", o.duration().toSeconds());
      bare.measure(
          new RequestPool(bpp.measuredRequests, true), o.concurrency(), o.duration(), (r, t) -> {});
      otherCallbacks = net.callbacks.other();
    }
    Phase memory = measureInMemory(o, dir.resolve("memory"), bppEnv, validity);
    Report.print(OUT, o, bpp, memory, bare, loadBefore, Report.loadAverage(), otherCallbacks);
  }

  /**
   * The same packaged node, started again with its database in memory ({@code UEI_STORE=memory}):
   * the limit of what the durable node could reach, measured the same way on a network of its own.
   */
  private static Phase measureInMemory(
      Options o, Path dir, Map<String, String> bppEnv, Duration validity) throws Exception {
    Map<String, String> env = new LinkedHashMap<>(bppEnv);
    // The durable node's database settings (a PostgreSQL schema, say) have no place in memory, and
    // --jfr records the durable node only.
    env.keySet()
        .removeIf(
            k ->
                k.startsWith("QUARKUS_DATASOURCE_")
                    || k.startsWith("QUARKUS_FLYWAY_")
                    || k.equals("JAVA_TOOL_OPTIONS"));
    env.put("UEI_STORE", "memory");
    try (LoadNetwork net = LoadNetwork.start(dir, o.memoryJar().toAbsolutePath(), null, env, 1)) {
      log(
          "started the bpp-node again with its stores in memory (-Xmx%s): %s%n",
          LoadNetwork.MEMORY_STORE_HEAP, net.bpp.url());
      List<EnergyOffer> offers = net.publishOffers(o.offers(), 50);
      return measureNode(
          o,
          net,
          "bpp-node, stores in memory",
          selects(net, offers, validity),
          ConcurrentHashMap.newKeySet());
    }
  }

  /** Signed selects from the buyer platform to the seller node of {@code net}. */
  static SelectFactory selects(LoadNetwork net, List<EnergyOffer> offers, Duration validity) {
    return new SelectFactory(
        offers,
        BecknSigner.of(LoadNetwork.BAP_ID, LoadNetwork.KEY_ID, net.bapKey),
        new Contexts.Parties(
            LoadNetwork.DOMAIN,
            LoadNetwork.BAP_ID,
            net.callbacks.url(),
            LoadNetwork.BPP_ID,
            net.bpp.url()),
        validity);
  }

  /**
   * The bpp-node's warm-up (discarded) and measured run over all its instances, each followed by
   * waiting for the on_select callbacks, reported as {@code name}; every message_id sent goes into
   * {@code sent}.
   */
  static Phase measureNode(
      Options o, LoadNetwork net, String name, SelectFactory selects, Set<String> sent)
      throws InterruptedException {
    List<URI> targets = net.bpps.stream().map(p -> URI.create(p.url())).toList();
    List<ProcessHandle> processes = net.bpps.stream().flatMap(p -> p.handle().stream()).toList();
    Phase bpp = new Phase(name, targets, processes);
    int built = 0;
    log("%s: warm-up %d s (discarded)%n", bpp.name, o.warmup().toSeconds());
    double rate = 0;
    Duration left = o.warmup();
    while (!left.isNegative() && !left.isZero()) {
      int chunk = (int) Math.max(3000, Math.min(200_000, rate * 5));
      List<PreparedRequest> batch = selects.build(built, chunk);
      built += chunk;
      LoadRun.Result r =
          LoadRun.run(
              targets,
              new RequestPool(batch, false),
              o.concurrency(),
              left,
              LoadHarness::interval,
              (q, t) -> sent.add(q.messageId()));
      bpp.warmupAcked += r.acked();
      bpp.warmupErrors += r.errors();
      rate = r.ackedPerSecond();
      left = left.minusNanos(r.elapsedNanos());
      log(
          "  %,d selects, %,.0f ACKed/s, %d errors%s%n",
          r.sent(),
          rate,
          r.errors(),
          r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
    }
    awaitCallbacks(net.callbacks, bpp.warmupAcked, Duration.ofSeconds(120));

    // The warm-up rate of a cold node understates what it reaches once compiled; a floor of
    // 1,000/s keeps the pool from running out early (3 KB a request).
    long estimate =
        Math.max((long) Math.ceil(rate * 3), 1000L) * o.duration().toSeconds()
            + 100L * o.concurrency();
    int poolSize = (int) Math.min(o.maxPool(), estimate);
    log("%s: building %,d pre-signed selects for the measured run%n", bpp.name, poolSize);
    long t0 = System.nanoTime();
    bpp.measuredRequests = selects.build(built, poolSize);
    log(
        "  built in %.1f s (%,d bytes per request with headers)%n",
        (System.nanoTime() - t0) / 1e9, bpp.measuredRequests.get(0).tail().length);

    log("%s: measuring %d s%n", bpp.name, o.duration().toSeconds());
    long callbacksBefore = net.callbacks.onSelect();
    Map<String, Long> sentAt = new ConcurrentHashMap<>(poolSize);
    net.callbacks.track(sentAt);
    bpp.measure(
        new RequestPool(bpp.measuredRequests, false),
        o.concurrency(),
        o.duration(),
        (r, t) -> {
          sent.add(r.messageId());
          sentAt.put(r.messageId(), t);
        });
    bpp.callbacksInWindow = net.callbacks.onSelect() - callbacksBefore;
    awaitCallbacks(net.callbacks, bpp.warmupAcked + bpp.result.acked(), Duration.ofSeconds(180));
    bpp.callbacksAfterDrain = net.callbacks.onSelect() - callbacksBefore;
    bpp.callbackErrors = net.callbacks.onSelectWithError();
    net.callbacks.track(null);
    bpp.callbackDelays = net.callbacks.delays();
    return bpp;
  }

  /**
   * One open-loop step on the node measured closed loop in {@code node}: selects due at {@code
   * perSecond} for {@code --duration}, then its on_select callbacks awaited; {@code answeredBefore}
   * selects had theirs before it.
   */
  private static Phase measureRate(
      Options o,
      LoadNetwork net,
      Phase node,
      int perSecond,
      SelectFactory selects,
      long answeredBefore)
      throws InterruptedException {
    Phase step = new Phase(String.format("%,d/s", perSecond), node.targets, node.processes);
    step.perSecond = perSecond;
    int count = (int) Math.ceil(perSecond * (double) o.duration().toSeconds()) + o.concurrency();
    List<PreparedRequest> requests = selects.build(0, count);
    log(
        "bpp-node: %,d selects due at %,d/s for %d s, at most %d in flight%n",
        count - o.concurrency(), perSecond, o.duration().toSeconds(), o.concurrency());
    long callbacksBefore = net.callbacks.onSelect();
    long errorsBefore = net.callbacks.onSelectWithError();
    Map<String, Long> sentAt = new ConcurrentHashMap<>(count);
    net.callbacks.track(sentAt);
    step.measure(
        new RequestPool(requests, false),
        o.concurrency(),
        perSecond,
        o.duration(),
        (r, t) -> sentAt.put(r.messageId(), t));
    step.loadAfter = Report.loadAverage();
    step.callbacksInWindow = net.callbacks.onSelect() - callbacksBefore;
    awaitCallbacks(net.callbacks, answeredBefore + step.result.acked(), Duration.ofSeconds(180));
    step.callbacksAfterDrain = net.callbacks.onSelect() - callbacksBefore;
    step.callbackErrors = net.callbacks.onSelectWithError() - errorsBefore;
    net.callbacks.track(null);
    step.callbackDelays = net.callbacks.delays();
    return step;
  }

  private static void interval(Duration elapsed, double ackedPerSecond) {
    log("    %3d s: %,.0f ACKed/s%n", elapsed.toSeconds(), ackedPerSecond);
  }

  /**
   * A progress line with the wall-clock time (UTC), to place JFR samples and node logs in the run.
   */
  static void log(String format, Object... args) {
    OUT.print(CLOCK.format(LocalTime.now(ZoneOffset.UTC)) + " ");
    OUT.printf(format, args);
  }

  /** Waits until {@code expected} distinct selects have their on_select, or the timeout. */
  private static void awaitCallbacks(CallbackCounter callbacks, long expected, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (callbacks.answered().size() < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    log(
        "  on_select callbacks received: %,d for %,d distinct selects, of %,d ACKed%n",
        callbacks.onSelect(), callbacks.answered().size(), expected);
  }

  /** One target's measured run and what was observed around it. */
  static final class Phase {
    final String name;
    final List<URI> targets;
    final List<ProcessHandle> processes;
    long warmupAcked;
    long warmupErrors;
    List<PreparedRequest> measuredRequests;
    LoadRun.Result result;
    Duration serverCpu;
    // Bytes the target's processes wrote to storage during the measured run (its database file
    // and logs), or null where the OS does not tell.
    Long serverWrites;
    long callbacksInWindow = -1;
    long callbacksAfterDrain = -1;
    long callbackErrors;
    Latencies callbackDelays;
    // The open-loop rate of a step (0: closed loop) and the load average at its end.
    int perSecond;
    String loadAfter;

    Phase(String name, List<URI> targets, List<ProcessHandle> processes) {
      this.name = name;
      this.targets = targets;
      this.processes = processes;
    }

    void measure(RequestPool pool, int concurrency, Duration duration, LoadRun.SendHook hook)
        throws InterruptedException {
      measure(pool, concurrency, 0, duration, hook);
    }

    /** Like {@link #measure(RequestPool, int, Duration, LoadRun.SendHook)}, open loop. */
    void measure(
        RequestPool pool,
        int concurrency,
        double perSecond,
        Duration duration,
        LoadRun.SendHook hook)
        throws InterruptedException {
      Optional<Duration> cpu0 = cpu();
      OptionalLong written0 = ProcessIo.writeBytes(processes);
      result =
          LoadRun.run(targets, pool, concurrency, perSecond, duration, LoadHarness::interval, hook);
      Optional<Duration> cpu1 = cpu();
      OptionalLong written1 = ProcessIo.writeBytes(processes);
      serverCpu = cpu0.isPresent() && cpu1.isPresent() ? cpu1.get().minus(cpu0.get()) : null;
      serverWrites =
          written0.isPresent() && written1.isPresent()
              ? written1.getAsLong() - written0.getAsLong()
              : null;
      if (result.poolUsedUp()) {
        log(
            "  note: the %,d pre-signed requests ran out after %.1f s; raise --max-pool or the warm-up%n",
            pool.size(), result.elapsedNanos() / 1e9);
      }
    }

    /** The CPU time of all the target's processes together, where the OS tells it. */
    private Optional<Duration> cpu() {
      if (processes.isEmpty()) {
        return Optional.empty();
      }
      Duration sum = Duration.ZERO;
      for (ProcessHandle p : processes) {
        Optional<Duration> d = p.info().totalCpuDuration();
        if (d.isEmpty()) {
          return Optional.empty();
        }
        sum = sum.plus(d.get());
      }
      return Optional.of(sum);
    }
  }
}
