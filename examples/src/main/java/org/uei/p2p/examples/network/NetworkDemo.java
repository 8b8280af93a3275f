package org.uei.p2p.examples.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.uei.p2p.examples.embedding.EmbeddingDemo;

/**
 * The README's main command: an inter-state P2P energy market on loopback in one command. Starts
 * the network of the chosen wire ({@link Wave2Network} for IES wave 2, the network's current wire;
 * {@link DemoNetwork} for DEG wave 1; {@link UeiV1Network} for UEI v1, the UP pilot), plays a
 * trading day ({@link Wave2Day}, {@link TradingDay}, {@link UeiV1Day}) and prints what happens;
 * exits 0 when every check passed, 1 when one failed, 2 when the network could not run.
 *
 * <p>Arguments: {@code [--wire wave2|wave1|uei-v1] [--keep-running] [--dir DIR] [--project DIR]};
 * {@code embedding} runs the small embedding examples instead.
 */
public final class NetworkDemo {
  /** The wires the demo plays a day on. */
  public enum Wire {
    WAVE1,
    WAVE2,
    UEI_V1
  }

  private NetworkDemo() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("embedding")) {
      EmbeddingDemo.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    boolean keep = false;
    Wire wire = Wire.WAVE2;
    Path dir = null;
    Path project = Path.of(System.getProperty("uei.home", ".")).toAbsolutePath().normalize();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--keep-running" -> keep = true;
        case "--wire" -> wire = wire(value(args, ++i, "--wire"));
        case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
        case "--project" -> project = Path.of(value(args, ++i, "--project"));
        case "-h", "--help" -> {
          System.out.println(
              "usage: demo [--wire wave2|wave1|uei-v1] [--keep-running] [--dir DIR] | demo embedding");
          return;
        }
        default -> fail("unknown argument '" + args[i] + "' (try --help)");
      }
    }
    if (dir == null) {
      dir = Files.createTempDirectory("uei-demo-");
    }
    System.exit(run(dir.toAbsolutePath(), project, wire, keep, System.out));
  }

  private static Wire wire(String name) {
    return switch (name) {
      case "wave1" -> Wire.WAVE1;
      case "wave2" -> Wire.WAVE2;
      case "uei-v1" -> Wire.UEI_V1;
      default -> {
        fail(
            "--wire is wave2 (IES wave 2, the default), wave1 (DEG wave 1) or uei-v1 (UEI v1,"
                + " Beckn 1.1.0), not '"
                + name
                + "'");
        yield Wire.WAVE2;
      }
    };
  }

  /** Runs the demo on {@code wire}; returns the exit code. */
  public static int run(
      Path dir, Path project, Wire wire, boolean keepRunning, java.io.PrintStream out)
      throws Exception {
    Console console = new Console(out);
    return switch (wire) {
      case WAVE2 -> Wave2Demo.run(dir, project, keepRunning, console);
      case WAVE1 -> runWave1(dir, project, keepRunning, console);
      case UEI_V1 -> UeiV1Demo.run(dir, project, keepRunning, console);
    };
  }

  private static int runWave1(Path dir, Path project, boolean keepRunning, Console console)
      throws Exception {
    console.line(
        "UEI P2P energy trading: a Delhi (TPDDL) buyer platform and a UP (PVVNL) seller platform,");
    console.line("each DISCOM with its utility node, all signed Beckn over HTTP on this machine.");
    console.line("Wire: DEG wave 1 (Beckn 2.0-rc), domain " + DemoNetwork.DOMAIN + ".");
    console.phase(
        "Starting the local network (registry, discovery gateway and 4 nodes, fresh keys) in "
            + dir);
    return DemoRun.run(
        dir,
        console,
        () -> DemoNetwork.start(dir, project),
        net -> {
          List<List<String>> rows = new ArrayList<>();
          rows.add(List.of("registry", "-", net.registryUrl(), dir.resolve("registry").toString()));
          rows.add(List.of(DemoNetwork.GATEWAY, "BG", net.gateway().url(), "-"));
          for (DemoNetwork.Node n : net.nodes()) {
            rows.add(List.of(n.id(), n.role(), n.url(), n.dir().toString()));
          }
          console.table(List.of("participant", "type", "URL", "data and logs"), rows);
        },
        net -> new TradingDay(net, console, LocalDate.now(TradingDay.IST).plusDays(1)).run(),
        keepRunning ? net -> keepRunning(net, console) : null);
  }

  /** Prints how many checks passed; true when all did. */
  static boolean summary(Console console) {
    List<String> failed = console.failures();
    console.line("");
    console.line(
        failed.isEmpty()
            ? "All " + console.checks() + " checks passed."
            : failed.size()
                + " of "
                + console.checks()
                + " checks failed: "
                + String.join("; ", failed));
    return failed.isEmpty();
  }

  /**
   * Plays the demo's trading day (delivery tomorrow in IST) on a running network, as {@code ./demo}
   * does, for tests that look at what it leaves behind.
   *
   * @return the checks that failed; empty when the day went as the demo expects
   */
  public static List<String> playTradingDay(DemoNetwork net, java.io.PrintStream out)
      throws Exception {
    Console console = new Console(out);
    new TradingDay(net, console, LocalDate.now(TradingDay.IST).plusDays(1)).run();
    return console.failures();
  }

  private static void keepRunning(DemoNetwork net, Console console) throws InterruptedException {
    String bap = net.node(DemoNetwork.BUYER_PLATFORM).url();
    String bpp = net.node(DemoNetwork.SELLER_PLATFORM).url();
    console.line("");
    console.line("The nodes keep running (Ctrl-C stops them). Try:");
    console.line("  curl -s " + bpp + "/provider/catalog");
    console.line(
        "  curl -s -XPOST -H 'Content-Type: application/json' -d '{\"filter\": \"$[?(@.beckn:price.schema:price <= 6.5)]\"}' "
            + bap
            + "/client/discover");
    console.line("  curl -s " + bpp + "/provider/orders");
    console.line(
        "  curl -s '"
            + bpp
            + "/provider/settlement/statement?counterparty="
            + DemoNetwork.BUYER_PLATFORM
            + "'");
    console.line("  curl -s " + net.node(DemoNetwork.PVVNL_UTILITY).url() + "/utility/trades");
    console.line("  curl -s " + bpp + "/audit/sth");
    console.line(
        "  ./uei audit verify --node "
            + bpp
            + " --registry "
            + net.registryUrl()
            + " --subscriber-id "
            + DemoNetwork.SELLER_PLATFORM);
    console.line(
        "  OpenAPI of each node: <URL>/q/openapi, health: <URL>/q/health, metrics: <URL>/q/metrics");
    untilStopped(net, net.nodes(), console);
  }

  /** Prints every node's console and its logins, then runs until Ctrl-C closes {@code net}. */
  static void untilStopped(AutoCloseable net, List<DemoNetwork.Node> nodes, Console console)
      throws InterruptedException {
    console.line("");
    console.line("Operator console of each node (HTTP Basic):");
    for (DemoNetwork.Node n : nodes) {
      console.line("  " + n.url() + "/console   " + n.id());
    }
    for (ConsoleLogins.Login l : DemoNetwork.CONSOLE.logins()) {
      console.line("  " + l.role() + ": user " + l.user() + ", password " + l.password());
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    net.close();
                  } catch (Exception e) {
                    System.err.println("demo: stopping the network: " + e.getMessage());
                  }
                  stop.countDown();
                }));
    stop.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      fail(option + " needs a value");
    }
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("demo: " + message);
    System.exit(2);
  }
}
