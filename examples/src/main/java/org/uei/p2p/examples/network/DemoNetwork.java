package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The inter-state pilot network on loopback: a local registry, a discovery gateway, a Delhi buyer
 * platform (bap-node, consumers of TPDDL), a UP seller platform (bpp-node, prosumers of PVVNL) and
 * the two DISCOMs' utility nodes (bpp-node in utility mode). Every node is its own JVM with a fresh
 * Ed25519 key published in the registry, its own H2 data directory and a readable {@code
 * node.properties} (its whole configuration) under {@code dir}.
 */
public final class DemoNetwork implements AutoCloseable {

  public static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  public static final String BUYER_PLATFORM = "bap.delhi-buyers.demo";
  public static final String SELLER_PLATFORM = "bpp.up-solar.demo";
  public static final String TPDDL_UTILITY = "utility.tpddl.demo";
  public static final String PVVNL_UTILITY = "utility.pvvnl.demo";
  public static final String GATEWAY = "gateway.demo";

  /** The regulatory settlement profile both platforms settle under. */
  public static final String SETTLEMENT_PROFILE = "interstate-pilot-2026-02";

  private static final Duration START = Duration.ofSeconds(180);

  /** One running node: its subscriber id, what it is, where it keeps its data, its process. */
  public record Node(String id, String role, Path dir, NodeProcess process) {
    public String url() {
      return process.url();
    }

    /** Where the node picks up MDMS batch files. */
    public Path mdmsDrop() {
      return dir.resolve("data").resolve("mdms-drop");
    }
  }

  /** Who may sign in to every node's console ({@code /console}) in this run. */
  public static final ConsoleLogins CONSOLE = new ConsoleLogins();

  private final Path dir;
  private final LocalRegistry registry;
  private final DiscoveryGateway gateway;
  private final Map<String, Node> nodes;

  private DemoNetwork(
      Path dir, LocalRegistry registry, DiscoveryGateway gateway, Map<String, Node> nodes) {
    this.dir = dir;
    this.registry = registry;
    this.gateway = gateway;
    this.nodes = nodes;
  }

  /**
   * Starts the registry and the four nodes (in parallel) from the packaged jars under {@code
   * projectRoot}; logs and data go to {@code dir}.
   */
  public static DemoNetwork start(Path dir, Path projectRoot)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    LocalRegistry registry =
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start();
    Path bppJar = projectRoot.resolve("bpp-node/target/quarkus-app/quarkus-run.jar");
    Path bapJar = projectRoot.resolve("bap-node/target/quarkus-app/quarkus-run.jar");
    Map<String, Node> nodes = new LinkedHashMap<>();
    ArrayNode records = Json.MAPPER.createArrayNode();
    DiscoveryGateway gateway = null;
    try {
      Ed25519KeyPair gatewayKey = Ed25519KeyPair.generate();
      gateway = DiscoveryGateway.start(GATEWAY, gatewayKey, registry.baseUrl(), DOMAIN);
      records.add(
          LoopbackSubscribers.record(GATEWAY, "k1", "BG", gateway.url(), DOMAIN, gatewayKey));
      // Both platforms settle under the inter-state pilot's profile (DERC and UPERC Feb-2026
      // orders).
      nodes.put(
          BUYER_PLATFORM,
          node(
              dir,
              registry,
              records,
              BUYER_PLATFORM,
              "BAP",
              bapJar,
              Map.of(
                  "uei.bap.discovery-url",
                  gateway.url(),
                  "uei.bap.delivery.settlement-profile",
                  SETTLEMENT_PROFILE)));
      nodes.put(
          SELLER_PLATFORM,
          node(
              dir,
              registry,
              records,
              SELLER_PLATFORM,
              "BPP",
              bppJar,
              Map.of(
                  "uei.bpp.utilities.\"TPDDL\"",
                  TPDDL_UTILITY,
                  "uei.bpp.utilities.\"PVVNL\"",
                  PVVNL_UTILITY,
                  "uei.bpp.delivery.settlement-profile",
                  SETTLEMENT_PROFILE,
                  "uei.bpp.credentials.require",
                  "true")));
      nodes.put(
          TPDDL_UTILITY,
          node(
              dir,
              registry,
              records,
              TPDDL_UTILITY,
              "BPP",
              bppJar,
              Map.of("uei.bpp.mode", "utility", "uei.bpp.utility.discom-id", "TPDDL")));
      nodes.put(
          PVVNL_UTILITY,
          node(
              dir,
              registry,
              records,
              PVVNL_UTILITY,
              "BPP",
              bppJar,
              Map.of("uei.bpp.mode", "utility", "uei.bpp.utility.discom-id", "PVVNL")));
      Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);
    } catch (IOException | RuntimeException e) {
      if (gateway != null) {
        gateway.close();
      }
      registry.close();
      throw e;
    }
    DemoNetwork net = new DemoNetwork(dir, registry, gateway, nodes);
    try {
      LocalNodes.startAll(List.copyOf(nodes.values()), START);
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  private static Node node(
      Path dir,
      LocalRegistry registry,
      ArrayNode records,
      String id,
      String type,
      Path jar,
      Map<String, String> extra)
      throws IOException {
    int port = LoopbackSubscribers.freePort();
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("uei.domain", DOMAIN);
    settings.putAll(extra);
    records.add(
        LoopbackSubscribers.record(id, "k1", type, "http://127.0.0.1:" + port, DOMAIN, key));
    return LocalNodes.create(dir, id, type, jar, port, key, registry.baseUrl(), settings, Map.of());
  }

  /** Moves the market clock of every node to {@code marketNow}, so they judge windows alike. */
  public void setMarketClock(Instant marketNow) throws IOException, InterruptedException {
    for (Node n : nodes.values()) {
      Json.put(n.url() + "/testing/market-clock", Map.of("now", marketNow.toString())).expect(200);
    }
  }

  public Node node(String id) {
    Node n = nodes.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no node " + id);
    }
    return n;
  }

  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  public DiscoveryGateway gateway() {
    return gateway;
  }

  public String registryUrl() {
    return registry.baseUrl();
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    try {
      for (Node n : nodes.values()) {
        n.process().stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      gateway.close();
      registry.close();
    }
  }
}
