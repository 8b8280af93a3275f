package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The IES wave-2 inter-state network on loopback: the registry, the network's catalog discovery
 * service and six node processes: a Delhi buyer platform (bap-node, TPDDL consumers), a UP seller
 * platform (bpp-node, PVVNL prosumers), the utility nodes of TPDDL and PVVNL (bpp-node in utility
 * mode) and each DISCOM's ledger provider (bpp-node serving the DEG Ledger API). BRPL is registered
 * but runs nothing: the network's contract policy does not let its consumers buy here. Each node
 * has a fresh key in the registry, its own data directory and a readable {@code node.properties}.
 */
public final class Wave2Network implements AutoCloseable {

  public static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";
  public static final String BUYER_PLATFORM = "bap.delhi-buyers.demo";
  public static final String SELLER_PLATFORM = "bpp.up-solar.demo";
  public static final String TPDDL_UTILITY = "utility.tpddl.demo";
  public static final String PVVNL_UTILITY = "utility.pvvnl.demo";
  public static final String TPDDL_LEDGER = "ledger.tpddl.demo";
  public static final String PVVNL_LEDGER = "ledger.pvvnl.demo";
  public static final String BRPL_UTILITY = "utility.brpl.demo";
  public static final String BRPL_LEDGER = "ledger.brpl.demo";
  public static final String CATALOG_SERVICE = "cds.demo";
  private static final Duration START = Duration.ofSeconds(300);

  /** The jars the nodes run and how the network behaves. */
  public record Setup(Path bapJar, Path bppJar, boolean utilities, String publishEvery) {
    /**
     * The nodes packaged under {@code projectRoot}, with utility nodes, publishing the catalog at
     * most every {@code publishEvery} (a bpp-node duration such as {@code 1s}).
     */
    public static Setup of(Path projectRoot, String publishEvery) {
      return new Setup(
          LoopbackNetwork.bapJar(projectRoot),
          LoopbackNetwork.bppJar(projectRoot),
          true,
          publishEvery);
    }
  }

  private final LoopbackNetwork base;
  private final CatalogDiscoveryService cds;
  public final NodeProcess bap;
  public final NodeProcess bpp;
  public final NodeProcess tpddl;
  public final NodeProcess pvvnl;
  public final NodeProcess tpddlLedger;
  public final NodeProcess pvvnlLedger;

  private Wave2Network(LoopbackNetwork base, Setup setup) throws IOException, InterruptedException {
    this.base = base;
    for (String id :
        List.of(
            BUYER_PLATFORM,
            SELLER_PLATFORM,
            TPDDL_UTILITY,
            PVVNL_UTILITY,
            TPDDL_LEDGER,
            PVVNL_LEDGER,
            BRPL_UTILITY,
            BRPL_LEDGER)) {
      base.participant(id, id.startsWith("bap.") ? "BAP" : "BPP");
    }
    Ed25519KeyPair cdsKey = Ed25519KeyPair.generate();
    cds = CatalogDiscoveryService.start(CATALOG_SERVICE, cdsKey, base.registryUrl(), NETWORK);
    try {
      ArrayNode service = Json.MAPPER.createArrayNode();
      service.add(
          LoopbackSubscribers.record(CATALOG_SERVICE, "k1", "BG", cds.url(), NETWORK, cdsKey));
      base.register(NETWORK, service);
      Path policy = Wave2Policy.write(base.dir().resolve("ies-local-policy.json"), NETWORK);

      Map<String, String> b = new LinkedHashMap<>();
      discomOfBuyer(b, "TPDDL", TPDDL_UTILITY, TPDDL_LEDGER);
      discomOfBuyer(b, "BRPL", BRPL_UTILITY, BRPL_LEDGER);
      discomOfBuyer(b, "PVVNL", PVVNL_UTILITY, PVVNL_LEDGER);
      b.put("uei.bap.wave2.discovery-url", cds.url());
      bap = node(BUYER_PLATFORM, "BAP", setup.bapJar(), b);

      Map<String, String> s = new LinkedHashMap<>();
      s.put("uei.bpp.wave2.policy-file", policy.toString());
      discomOfSeller(s, "TPDDL", TPDDL_UTILITY, TPDDL_LEDGER);
      discomOfSeller(s, "PVVNL", PVVNL_UTILITY, PVVNL_LEDGER);
      discomOfSeller(s, "BRPL", BRPL_UTILITY, BRPL_LEDGER);
      if (setup.utilities()) {
        s.put("uei.bpp.utilities.\"TPDDL\"", TPDDL_UTILITY);
        s.put("uei.bpp.utilities.\"PVVNL\"", PVVNL_UTILITY);
      }
      s.put("uei.bpp.wave2.catalog-service-url", cds.url());
      s.put("uei.bpp.wave2.catalog-service-id", CATALOG_SERVICE);
      s.put("uei.bpp.wave2.publish-every", setup.publishEvery());
      s.put("uei.bpp.settlement.vpa", "up-solar@upi");
      s.put("uei.bpp.rules.allowed-discoms", "PVVNL,TPDDL,BRPL");
      bpp = node(SELLER_PLATFORM, "BPP", setup.bppJar(), s);
      tpddl = setup.utilities() ? utility(TPDDL_UTILITY, "TPDDL", TPDDL_LEDGER, setup) : null;
      pvvnl = setup.utilities() ? utility(PVVNL_UTILITY, "PVVNL", PVVNL_LEDGER, setup) : null;
      tpddlLedger = ledger(TPDDL_LEDGER, "TPDDL", setup);
      pvvnlLedger = ledger(PVVNL_LEDGER, "PVVNL", setup);
    } catch (IOException | InterruptedException | RuntimeException e) {
      cds.close();
      throw e;
    }
  }

  /** Starts the registry, the catalog service and the nodes (in parallel) in {@code dir}. */
  public static Wave2Network start(Path dir, Setup setup) throws IOException, InterruptedException {
    LoopbackNetwork base = LoopbackNetwork.start(dir);
    Wave2Network net;
    try {
      net = new Wave2Network(base, setup);
    } catch (IOException | InterruptedException | RuntimeException e) {
      base.close();
      throw e;
    }
    try {
      base.startAll(START);
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  /** Starts a node of this network again (after {@link NodeProcess#stop()}) and waits for it. */
  public static void start(NodeProcess n) {
    try {
      n.start(START);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private NodeProcess utility(String id, String discom, String ledgerId, Setup setup)
      throws IOException {
    Map<String, String> u = new LinkedHashMap<>();
    u.put("uei.bpp.mode", "utility");
    u.put("uei.bpp.utility.discom-id", discom);
    u.put("uei.bpp.utility.ledger-id", ledgerId);
    return node(id, "BPP", setup.bppJar(), u);
  }

  private NodeProcess ledger(String id, String discom, Setup setup) throws IOException {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("uei.bpp.ledger.enabled", "true");
    l.put("uei.bpp.ledger.discom-id", discom);
    // Actuals are asked for by the operator call once the meter data is in, not by the daily job
    // whenever the moved market clock passes its hour.
    l.put("uei.bpp.ledger.actuals.enabled", "false");
    l.put("uei.bpp.ledger.discoms.\"TPDDL\"", TPDDL_UTILITY);
    l.put("uei.bpp.ledger.discoms.\"PVVNL\"", PVVNL_UTILITY);
    return node(id, "BPP", setup.bppJar(), l);
  }

  private static void discomOfBuyer(
      Map<String, String> settings, String code, String discomId, String ledgerId) {
    String at = "uei.bap.wave2.discoms.\"" + code + "\".";
    settings.put(at + "discom-id", discomId);
    settings.put(at + "ledger-id", ledgerId);
  }

  private void discomOfSeller(
      Map<String, String> settings, String code, String discomId, String ledgerId) {
    String at = "uei.bpp.wave2.discoms.\"" + code + "\".";
    settings.put(at + "subscriber-id", discomId);
    settings.put(at + "uri", url(discomId));
    settings.put(at + "ledger-id", ledgerId);
    settings.put(at + "ledger-uri", url(ledgerId));
  }

  private NodeProcess node(String id, String type, Path jar, Map<String, String> own)
      throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("uei.wire", "wave2");
    settings.put("uei.network-id", NETWORK);
    settings.put("uei.domain", NETWORK);
    settings.put("uei.outbox.max-backoff", "PT1S");
    if (type.equals("BPP")) {
      // The IES test network: every meter is a TEST_ meter, as the trading rules must know too.
      settings.put("uei.bpp.rules.test-network", "true");
    }
    // Six node JVMs share the machine with the build: give a busy peer time to ACK.
    settings.put("uei.http.request-timeout", "PT30S");
    settings.put("quarkus.datasource.jdbc.acquisition-timeout", "60S");
    settings.putAll(own);
    return base.node(id, jar, settings, Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC"));
  }

  /** The loopback URL of a registered participant (a node, or BRPL's, which runs nothing). */
  public String url(String id) {
    return base.url(id);
  }

  /** Moves every node's market clock to {@code marketNow}, so they judge windows alike. */
  public void marketClock(Instant marketNow) throws IOException, InterruptedException {
    base.marketClock(marketNow);
  }

  /**
   * {@code POST /ledger/get} at {@code ledger}, signed as {@code caller}: the records the ledger
   * shows that party.
   */
  public JsonNode ledgerGet(NodeProcess ledger, String caller, Map<String, Object> filter)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        base.signedPost(
            caller, ledger.url() + "/ledger/get", Json.MAPPER.writeValueAsBytes(filter));
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "ledger/get as " + caller + " answered " + r.statusCode() + ": " + r.body());
    }
    return Json.MAPPER.readTree(r.body());
  }

  /**
   * The network's catalog discovery service, where the seller publishes and the buyer discovers.
   */
  public CatalogDiscoveryService catalogService() {
    return cds;
  }

  /** The running nodes, buyer platform first. */
  public List<DemoNetwork.Node> nodes() {
    return base.nodes();
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
      cds.close();
    }
  }
}
