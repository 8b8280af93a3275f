package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final LoopbackNetwork base;
  private final DiscoveryGateway gateway;

  private DemoNetwork(LoopbackNetwork base, DiscoveryGateway gateway) {
    this.base = base;
    this.gateway = gateway;
  }

  /**
   * Starts the registry and the four nodes (in parallel) from the packaged jars under {@code
   * projectRoot}; logs and data go to {@code dir}.
   */
  public static DemoNetwork start(Path dir, Path projectRoot)
      throws IOException, InterruptedException {
    LoopbackNetwork base = LoopbackNetwork.start(dir);
    Path bppJar = LoopbackNetwork.bppJar(projectRoot);
    Path bapJar = LoopbackNetwork.bapJar(projectRoot);
    DiscoveryGateway gateway = null;
    try {
      base.participant(BUYER_PLATFORM, "BAP");
      for (String id : List.of(SELLER_PLATFORM, TPDDL_UTILITY, PVVNL_UTILITY)) {
        base.participant(id, "BPP");
      }
      Ed25519KeyPair gatewayKey = Ed25519KeyPair.generate();
      gateway = DiscoveryGateway.start(GATEWAY, gatewayKey, base.registryUrl(), DOMAIN);
      ArrayNode others = Json.MAPPER.createArrayNode();
      others.add(
          LoopbackSubscribers.record(GATEWAY, "k1", "BG", gateway.url(), DOMAIN, gatewayKey));
      base.register(DOMAIN, others);
      // Both platforms settle under the inter-state pilot's profile (DERC and UPERC Feb-2026
      // orders).
      node(
          base,
          BUYER_PLATFORM,
          bapJar,
          Map.of(
              "uei.bap.discovery-url",
              gateway.url(),
              "uei.bap.delivery.settlement-profile",
              SETTLEMENT_PROFILE));
      node(
          base,
          SELLER_PLATFORM,
          bppJar,
          Map.of(
              "uei.bpp.utilities.\"TPDDL\"",
              TPDDL_UTILITY,
              "uei.bpp.utilities.\"PVVNL\"",
              PVVNL_UTILITY,
              "uei.bpp.delivery.settlement-profile",
              SETTLEMENT_PROFILE,
              "uei.bpp.credentials.require",
              "true"));
      node(
          base,
          TPDDL_UTILITY,
          bppJar,
          Map.of("uei.bpp.mode", "utility", "uei.bpp.utility.discom-id", "TPDDL"));
      node(
          base,
          PVVNL_UTILITY,
          bppJar,
          Map.of("uei.bpp.mode", "utility", "uei.bpp.utility.discom-id", "PVVNL"));
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (gateway != null) {
        gateway.close();
      }
      base.close();
      throw e;
    }
    DemoNetwork net = new DemoNetwork(base, gateway);
    try {
      base.startAll(START);
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  private static void node(LoopbackNetwork base, String id, Path jar, Map<String, String> extra)
      throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("uei.domain", DOMAIN);
    settings.putAll(extra);
    base.node(id, jar, settings, Map.of());
  }

  /** Moves the market clock of every node to {@code marketNow}, so they judge windows alike. */
  public void setMarketClock(Instant marketNow) throws IOException, InterruptedException {
    base.marketClock(marketNow);
  }

  public Node node(String id) {
    return base.node(id);
  }

  public List<Node> nodes() {
    return base.nodes();
  }

  public DiscoveryGateway gateway() {
    return gateway;
  }

  public String registryUrl() {
    return base.registryUrl();
  }

  public Path dir() {
    return base.dir();
  }

  @Override
  public void close() {
    try {
      base.close();
    } finally {
      gateway.close();
    }
  }
}
