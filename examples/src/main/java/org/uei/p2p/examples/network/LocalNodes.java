package org.uei.p2p.examples.network;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * What every node of a local network shares: a home directory under the network's, a readable
 * {@code node.properties} (its whole configuration, read through {@code QUARKUS_CONFIG_LOCATIONS})
 * and a process on its own loopback port; and starting several nodes at once.
 */
final class LocalNodes {
  private LocalNodes() {}

  /**
   * Writes the home of node {@code id} under {@code dir} and its configuration: the settings every
   * local node has (identity, key, registry, data directory, a quick outbox, a market clock the
   * demo moves, the console logins), then {@code settings}, which may override them.
   */
  static DemoNetwork.Node create(
      Path dir,
      String id,
      String type,
      Path jar,
      int port,
      Ed25519KeyPair key,
      String registryUrl,
      Map<String, String> settings,
      Map<String, String> env)
      throws IOException {
    Path home = dir.resolve(id);
    Files.createDirectories(home);
    Properties p = new Properties();
    p.setProperty("uei.subscriber-id", id);
    p.setProperty("uei.key-id", "k1");
    p.setProperty("uei.private-key", key.seedBase64());
    p.setProperty("uei.public-url", "http://127.0.0.1:" + port);
    p.setProperty("uei.registry.url", registryUrl);
    p.setProperty("uei.registry.type", "beckn");
    p.setProperty("uei.data-dir", home.resolve("data").toString());
    p.setProperty("uei.outbox.initial-backoff", "PT0.2S");
    p.setProperty("uei.outbox.max-backoff", "PT2S");
    // The demo plays a whole trading day in minutes by moving every node's market clock together.
    p.setProperty("uei.testing.market-clock-control", "true");
    DemoNetwork.CONSOLE.configure(p);
    settings.forEach(p::setProperty);
    Path config = home.resolve("node.properties");
    try (Writer w = Files.newBufferedWriter(config)) {
      p.store(w, id + " (" + type + ") in a local demo network");
    }
    Map<String, String> e = new HashMap<>(env);
    e.put("QUARKUS_CONFIG_LOCATIONS", config.toUri().toString());
    NodeProcess process = new NodeProcess(id, jar, e, port, home.resolve("node.log"));
    return new DemoNetwork.Node(id, type, home, process);
  }

  /**
   * Starts the nodes in parallel (each JVM mostly waits on its own start) and waits until all are
   * ready.
   *
   * @throws IllegalStateException naming the first node that did not start
   */
  static void startAll(List<DemoNetwork.Node> nodes, Duration timeout) throws InterruptedException {
    ExecutorService starter = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Future<NodeProcess>> started = new ArrayList<>();
      for (DemoNetwork.Node n : nodes) {
        started.add(starter.submit(() -> n.process().start(timeout)));
      }
      for (Future<NodeProcess> f : started) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      starter.shutdownNow();
    }
  }
}
