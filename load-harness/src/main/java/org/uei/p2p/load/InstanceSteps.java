package org.uei.p2p.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.trade.EnergyOffer;

/**
 * The bpp-node measured as 1, then 2 (or any listed number of) instances of one node on one
 * PostgreSQL in one run. Each step starts its instances on a fresh schema, so that every step
 * begins with the same empty tables (on one schema the second step would start behind the first's
 * tens of thousands of stored messages and delivered callbacks), publishes the same offers through
 * the first instance, and spreads the load's connections over the instances in turn.
 *
 * <p>After each step it checks that scaling out kept the node correct: no request failed, every
 * ACKed select got exactly one {@code on_select} although the instances share one outbox (counted
 * by message_id: none twice, none for a select never sent, none carrying an error), and every
 * instance reads back each offer's inventory whole (a select quotes and does not reserve, and
 * nothing is confirmed in this load).
 */
final class InstanceSteps {

  private static final int KWH_EACH = 50;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private InstanceSteps() {}

  /** One step's measurement and checks. */
  static final class Step {
    final int instances;
    final String schema;
    LoadHarness.Phase phase;
    String loadBefore;
    String loadAfter;
    long sent;
    long acked;
    long errors;
    long onSelect;
    long distinct;
    long duplicates;
    long unknown;
    long withError;
    String inventory;
    boolean inventoryWhole;

    Step(int instances, String schema) {
      this.instances = instances;
      this.schema = schema;
    }

    /** True when the step kept every rule the class describes. */
    boolean correct() {
      return errors == 0
          && !phase.result.poolUsedUp()
          && distinct == acked
          && onSelect == acked
          && duplicates == 0
          && unknown == 0
          && withError == 0
          && inventoryWhole;
    }
  }

  /** Runs every step of {@code o.instances()} and prints them side by side. */
  static void run(Options o, Path dir, Map<String, String> bppEnv, Duration validity)
      throws Exception {
    String stamp = STAMP.format(LocalDateTime.now(ZoneOffset.UTC));
    String loadBefore = Report.loadAverage();
    List<Step> steps = new ArrayList<>();
    for (int n : o.instances()) {
      Step step = new Step(n, "uei_load_" + stamp + "_" + steps.size() + "_" + n);
      Map<String, String> env = new LinkedHashMap<>(bppEnv);
      env.put("QUARKUS_DATASOURCE_JDBC_URL", withSchema(o.postgres(), step.schema));
      env.put("QUARKUS_FLYWAY_SCHEMAS", step.schema);
      env.putIfAbsent("QUARKUS_DATASOURCE_USERNAME", "postgres");
      step.loadBefore = Report.loadAverage();
      LoadHarness.log(
          "step %d: %d bpp-node instance(s) on schema %s, load average %s%n",
          steps.size() + 1, n, step.schema, step.loadBefore);
      measure(o, dir.resolve(n + "-instances-" + steps.size()), env, validity, step);
      step.loadAfter = Report.loadAverage();
      steps.add(step);
    }
    Report.printSteps(System.out, o, steps, loadBefore, Report.loadAverage());
  }

  private static void measure(
      Options o, Path dir, Map<String, String> env, Duration validity, Step step)
      throws IOException, InterruptedException, TradeCodecException {
    try (LoadNetwork net =
        LoadNetwork.start(dir, o.bppJar().toAbsolutePath(), null, env, step.instances)) {
      LoadHarness.log(
          "started: registry %s, bpp-node %s, buyer callbacks %s%n",
          net.registry.baseUrl(),
          net.bpps.stream().map(NodeProcess::url).toList(),
          net.callbacks.url());
      List<EnergyOffer> offers = net.publishOffers(o.offers(), KWH_EACH);
      Set<String> sent = ConcurrentHashMap.newKeySet();
      step.phase =
          LoadHarness.measureNode(
              o,
              net,
              step.instances == 1 ? "bpp-node" : step.instances + " bpp-node instances",
              LoadHarness.selects(net, offers, validity),
              sent);
      LoadRun.Result r = step.phase.result;
      step.sent = sent.size();
      step.acked = step.phase.warmupAcked + r.acked();
      step.errors = step.phase.warmupErrors + r.errors();
      checkInventory(net, offers, step);
      // Read last, after the inventory, so that a late duplicate has had time to arrive.
      step.onSelect = net.callbacks.onSelect();
      step.distinct = net.callbacks.answered().size();
      step.duplicates = net.callbacks.duplicates();
      step.unknown = net.callbacks.answered().stream().filter(id -> !sent.contains(id)).count();
      step.withError = net.callbacks.onSelectWithError();
      LoadHarness.log(
          "  checks: %,d sent, %,d ACKed, %d errors; on_select %,d (%,d distinct, %d duplicates,"
              + " %d for unknown selects, %d with an error); inventory %s: %s%n",
          step.sent,
          step.acked,
          step.errors,
          step.onSelect,
          step.distinct,
          step.duplicates,
          step.unknown,
          step.withError,
          step.inventory,
          step.correct() ? "correct" : "NOT correct");
    }
  }

  /**
   * Every instance reads each offer back with its whole quantity available: the instances share one
   * database, and selects do not reserve.
   */
  private static void checkInventory(LoadNetwork net, List<EnergyOffer> offers, Step step)
      throws IOException, InterruptedException {
    BigDecimal published = BigDecimal.ZERO;
    boolean whole = true;
    for (NodeProcess instance : net.bpps) {
      Map<String, BigDecimal[]> read = net.inventory(instance, offers);
      whole &= read.size() == offers.size();
      BigDecimal total = BigDecimal.ZERO;
      for (BigDecimal[] kwh : read.values()) {
        whole &= kwh[0].compareTo(kwh[1]) == 0;
        total = total.add(kwh[0]);
      }
      whole &= total.compareTo(BigDecimal.valueOf((long) KWH_EACH * offers.size())) == 0;
      published = total;
    }
    step.inventoryWhole = whole;
    step.inventory =
        (whole ? "whole" : "CHANGED")
            + " ("
            + published.stripTrailingZeros().toPlainString()
            + " kWh in "
            + offers.size()
            + " offers, read back from each of "
            + net.bpps.size()
            + " instance(s))";
  }

  /** {@code url} with {@code currentSchema}, after its other parameters if it has any. */
  static String withSchema(String url, String schema) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
