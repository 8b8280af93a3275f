package org.uei.p2p.examples.network;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** A seller node given a bad settlement setting refuses to start and names the setting. */
class BadSettlementSettingIT {

  @Test
  void theNodeRefusesToStartNamingTheSetting(@TempDir Path dir) throws Exception {
    int port = LoopbackSubscribers.freePort();
    Properties p = new Properties();
    p.setProperty("uei.subscriber-id", "bpp.bad-settings.test");
    p.setProperty("uei.key-id", "k1");
    p.setProperty("uei.private-key", Ed25519KeyPair.generate().seedBase64());
    p.setProperty("uei.domain", DemoNetwork.DOMAIN);
    p.setProperty("uei.public-url", "http://127.0.0.1:" + port);
    p.setProperty("uei.registry.url", "http://127.0.0.1:9");
    p.setProperty("uei.data-dir", dir.resolve("data").toString());
    p.setProperty("uei.bpp.delivery.settlement-profile", "interstate-pilot-2026-02");
    p.setProperty("uei.bpp.delivery.settlement.\"fee.per-kwh\"", "0.5O");
    Path config = dir.resolve("node.properties");
    try (Writer w = Files.newBufferedWriter(config)) {
      p.store(w, "a seller node with a mistyped transaction charge");
    }
    Path jar =
        Path.of(System.getProperty("uei.home", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("bpp-node/target/quarkus-app/quarkus-run.jar");
    NodeProcess node =
        new NodeProcess(
            "bpp",
            jar,
            Map.of("QUARKUS_CONFIG_LOCATIONS", config.toUri().toString()),
            port,
            dir.resolve("node.log"));
    try {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> node.start(Duration.ofSeconds(120)));
      assertTrue(e.getMessage().contains("exited"), e.getMessage());
      String log = Files.readString(dir.resolve("node.log"));
      assertTrue(
          log.contains(
              "uei: settlement setting uei.bpp.delivery.settlement.\"fee.per-kwh\": '0.5O' is not "
                  + "a number"),
          log);
    } finally {
      node.stop();
    }
  }
}
