package org.uei.p2p.network.faults;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The H2 default is single-instance: a second bpp-node process started on the data directory of a
 * running one is refused at start, saying that the database is in use, and the first one keeps
 * serving.
 */
class SecondProcessOnH2IT {

  @Test
  void aSecondProcessOnTheSameDataDirectoryIsRefusedAtStart() throws Exception {
    Path dir =
        Path.of("target", "h2-second-process-" + System.currentTimeMillis()).toAbsolutePath();
    Files.createDirectories(dir);
    Path data = dir.resolve("bpp-data");
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Path jar = Path.of(System.getProperty("uei.bpp.jar"));
    int first = LoopbackSubscribers.freePort();
    int second = LoopbackSubscribers.freePort();
    try (NodeProcess running =
            new NodeProcess(
                "bpp-node", jar, env(key, first, data), first, dir.resolve("first.log"));
        NodeProcess intruder =
            new NodeProcess(
                "second bpp-node",
                jar,
                env(key, second, data),
                second,
                dir.resolve("second.log"))) {
      running.start(Duration.ofSeconds(90));
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> intruder.start(Duration.ofSeconds(90)));
      assertTrue(refused.getMessage().contains("exited"), refused.getMessage());
      String log = Files.readString(intruder.log());
      assertTrue(
          log.contains("Database may be already in use")
              && log.contains(data.resolve("node.mv.db").toString()),
          "the refusal names the database in use: see " + intruder.log());
      Json.get(running.url() + "/q/health/ready").expect(200);
    }
  }

  /** A bpp-node that needs no counterparty, on {@code port}, keeping its data in {@code data}. */
  static Map<String, String> env(Ed25519KeyPair key, int port, Path data) {
    return Map.of(
        "UEI_SUBSCRIBER_ID",
        LocalNetwork.BPP_ID,
        "UEI_KEY_ID",
        "k1",
        "UEI_PRIVATE_KEY",
        key.seedBase64(),
        "UEI_DOMAIN",
        LocalNetwork.DOMAIN,
        "UEI_PUBLIC_URL",
        "http://127.0.0.1:" + port,
        // Never asked: nothing is sent or received in this test.
        "UEI_REGISTRY_URL",
        "http://127.0.0.1:9",
        "UEI_DATA_DIR",
        data.toString());
  }
}
