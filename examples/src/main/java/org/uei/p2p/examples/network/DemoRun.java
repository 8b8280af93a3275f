package org.uei.p2p.examples.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How {@code ./demo} runs a day on any wire: start the wire's network (exit 2 when it cannot
 * start), show who takes part, play the day (a day that stops early is a failed check), print the
 * checks' outcome (exit 0 or 1), keep the nodes up when asked, and always stop them.
 */
final class DemoRun {
  private DemoRun() {}

  /** Starts a wire's network. */
  interface Start<N> {
    N start() throws Exception;
  }

  /** Something done with the running network: show it, play its day, keep it running. */
  interface Step<N> {
    void on(N net) throws Exception;
  }

  /**
   * Runs the demo; returns its exit code.
   *
   * @param keep what to do after the day when the nodes should keep running; null: stop them
   */
  static <N extends AutoCloseable> int run(
      Path dir, Console console, Start<N> start, Step<N> show, Step<N> day, Step<N> keep)
      throws Exception {
    N net;
    try {
      net = start.start();
    } catch (RuntimeException e) {
      System.err.println("demo: the network did not start: " + e.getMessage());
      return 2;
    }
    try {
      show.on(net);
      try {
        day.on(net);
      } catch (Exception e) {
        console.check(
            false, "the trading day stopped: " + e.getMessage() + " (node logs under " + dir + ")");
      }
      boolean passed = NetworkDemo.summary(console);
      if (keep != null) {
        keep.on(net);
      }
      return passed ? 0 : 1;
    } finally {
      net.close();
    }
  }

  /**
   * The participants table: the registry, {@code services} (rows of id, type, what it is, URL),
   * every node with what {@code roles} says it is, then {@code registeredOnly} (rows as services).
   */
  static void participants(
      Console console,
      Path dir,
      String registryUrl,
      List<List<String>> services,
      List<DemoNetwork.Node> nodes,
      Map<String, String> roles,
      List<List<String>> registeredOnly) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "registry",
            "-",
            "the local registry every key is looked up in",
            registryUrl,
            dir.resolve("registry").toString()));
    services.forEach(s -> rows.add(withDir(s)));
    for (DemoNetwork.Node n : nodes) {
      rows.add(List.of(n.id(), n.role(), roles.get(n.id()), n.url(), n.dir().toString()));
    }
    registeredOnly.forEach(s -> rows.add(withDir(s)));
    console.table(List.of("participant", "type", "what it is", "URL", "data and logs"), rows);
  }

  private static List<String> withDir(List<String> row) {
    List<String> r = new ArrayList<>(row);
    r.add("-");
    return r;
  }
}
