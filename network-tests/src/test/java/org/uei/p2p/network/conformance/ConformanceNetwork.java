package org.uei.p2p.network.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A registry in this JVM and the nodes the conformance kit is run against, each started from its
 * packaged jar with a fresh registered key and, for the negative controls, extra test-only
 * settings. Nodes stop with the network.
 */
final class ConformanceNetwork implements AutoCloseable {

  private final Path dir;
  private final LocalRegistry registry;
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Map<String, Ed25519KeyPair> keys = new HashMap<>();

  private ConformanceNetwork(Path dir, LocalRegistry registry) {
    this.dir = dir;
    this.registry = registry;
  }

  static ConformanceNetwork start(String name) throws IOException {
    Path dir = Path.of("target", name + "-" + System.currentTimeMillis()).toAbsolutePath();
    Files.createDirectories(dir);
    return new ConformanceNetwork(
        dir,
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start());
  }

  String registryUrl() {
    return registry.baseUrl();
  }

  Path dir() {
    return dir;
  }

  /**
   * Starts a node ({@code bpp} or {@code bap}) as {@code id} with {@code settings} added to its
   * environment.
   */
  NodeProcess startNode(String role, String id, Map<String, String> settings)
      throws IOException, InterruptedException {
    return startNode(role, id, settings, LocalNetwork.DOMAIN);
  }

  /** Like {@link #startNode(String, String, Map)}, registered under {@code domain}. */
  NodeProcess startNode(String role, String id, Map<String, String> settings, String domain)
      throws IOException, InterruptedException {
    int port = LoopbackSubscribers.freePort();
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    keys.put(id, key);
    String url = "http://127.0.0.1:" + port;
    try {
      KitIdentity.register(
          registry.baseUrl(), id, "k1", role.toUpperCase(), url, domain, key.publicKeyBase64());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "UEI_SUBSCRIBER_ID",
                id,
                "UEI_KEY_ID",
                "k1",
                "UEI_PRIVATE_KEY",
                key.seedBase64(),
                "UEI_DOMAIN",
                domain,
                "UEI_PUBLIC_URL",
                url,
                "UEI_REGISTRY_URL",
                registry.baseUrl(),
                "UEI_DATA_DIR",
                dir.resolve(id + "-data").toString(),
                "UEI_OUTBOX_INITIAL_BACKOFF",
                "PT0.2S",
                "UEI_OUTBOX_MAX_BACKOFF",
                "PT1S"));
    env.putAll(settings);
    NodeProcess node =
        new NodeProcess(
            id,
            Path.of(System.getProperty("uei." + role + ".jar")),
            env,
            port,
            dir.resolve(id + ".log"));
    nodes.add(node);
    return node.start(Duration.ofSeconds(90));
  }

  /** The signing key of node {@code id}, for a fault that re-signs what the node sent. */
  Ed25519KeyPair key(String id) {
    return keys.get(id);
  }

  /**
   * Publishes {@code kwh} at {@code price} on a bpp-node for a new prosumer; returns the offer id.
   */
  static String publishOffer(NodeProcess bpp, String price, int kwh)
      throws IOException, InterruptedException {
    return publishOffer(bpp, price, kwh, "DL-");
  }

  /**
   * Like {@link #publishOffer(NodeProcess, String, int)}, the prosumer's meter id starting with
   * {@code meterPrefix} (a test network's meters all start with {@code TEST_}).
   */
  static String publishOffer(NodeProcess bpp, String price, int kwh, String meterPrefix)
      throws IOException, InterruptedException {
    String id = "prosumer-" + UUID.randomUUID().toString().substring(0, 8);
    Json.post(
            bpp.url() + "/provider/prosumers",
            Map.of(
                "id",
                id,
                "meterId",
                meterPrefix + id,
                "discomId",
                "TPDDL",
                "stateCode",
                "DL",
                "installedCapacityKw",
                50))
        .expect(201);
    return Json.post(
            bpp.url() + "/provider/offers",
            Map.of(
                "prosumerId",
                id,
                "slotStart",
                TradeFlow.tradableSlot().toString(),
                "pricePerKwh",
                price,
                "maxKwh",
                kwh))
        .expect(201)
        .get("id")
        .asText();
  }

  @Override
  public void close() {
    try {
      for (NodeProcess n : nodes) {
        n.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registry.close();
    }
  }
}
