package org.uei.p2p.network.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * {@code uei.store=memory}, the limit the load harness measures the durable node against: the
 * packaged node starts with its database in the process's memory, says so loudly, and writes no
 * database file, so that two such processes can even share a data directory; a store setting it
 * does not know stops the start with one line.
 */
class MemoryStoreIT {

  private final Path dir =
      Path.of("target", "memory-store-" + System.currentTimeMillis()).toAbsolutePath();
  private final Path jar = Path.of(System.getProperty("uei.bpp.jar"));
  private final Ed25519KeyPair key = Ed25519KeyPair.generate();

  @Test
  void theNodeKeepsItsDatabaseInMemoryAndSaysSo() throws Exception {
    Path data = dir.resolve("bpp-data");
    Files.createDirectories(data);
    int first = LoopbackSubscribers.freePort();
    int second = LoopbackSubscribers.freePort();
    try (NodeProcess a = node("bpp-node", first, data, "memory");
        NodeProcess b = node("second bpp-node", second, data, "memory")) {
      a.start(Duration.ofSeconds(90));
      // On the file store this second process is refused (SecondProcessOnH2IT).
      b.start(Duration.ofSeconds(90));
      Json.get(a.url() + "/q/health/ready").expect(200);
      Json.get(b.url() + "/q/health/ready").expect(200);
      assertFalse(Files.exists(data.resolve("node.mv.db")), "no database file in " + data);
      String log = Files.readString(a.log());
      assertTrue(
          log.contains("uei.store=memory: the node's database is in memory"),
          "the start warns: see " + a.log());
    }
  }

  @Test
  void anUnknownStoreStopsTheStartInOneLine() throws Exception {
    int port = LoopbackSubscribers.freePort();
    try (NodeProcess node = node("bpp-node", port, dir.resolve("disk-data"), "disk")) {
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> node.start(Duration.ofSeconds(90)));
      assertTrue(refused.getMessage().contains("exited"), refused.getMessage());
      assertTrue(
          Files.readString(node.log())
              .contains("uei: uei.store must be 'file' (the default) or 'memory', not 'disk'"),
          "the refusal names the setting: see " + node.log());
    }
  }

  private NodeProcess node(String name, int port, Path data, String store) throws Exception {
    Files.createDirectories(dir);
    Map<String, String> env = new HashMap<>(SecondProcessOnH2IT.env(key, port, data));
    env.put("UEI_STORE", store);
    return new NodeProcess(name, jar, env, port, dir.resolve(name.replace(' ', '-') + ".log"));
  }
}
