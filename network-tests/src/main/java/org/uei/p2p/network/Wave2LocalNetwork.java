package org.uei.p2p.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.uei.p2p.examples.network.CatalogDiscoveryService;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * An IES wave-2 network on loopback, six node processes, the registry and the network's catalog
 * discovery service: a Delhi buyer platform (bap-node, TPDDL consumers), a UP seller platform
 * (bpp-node, PVVNL prosumers), the utility nodes of TPDDL and PVVNL (bpp-node in utility mode) and
 * each DISCOM's ledger provider (bpp-node serving the DEG Ledger API). BRPL is registered but runs
 * nothing: the network's contract policy does not let its consumers buy here.
 */
public final class Wave2LocalNetwork implements AutoCloseable {

  public static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";
  public static final String BAP_ID = "bap.delhi.wave2-it";
  public static final String BPP_ID = "bpp.up.wave2-it";
  public static final String TPDDL_ID = "utility.tpddl.wave2-it";
  public static final String PVVNL_ID = "utility.pvvnl.wave2-it";
  public static final String TPDDL_LEDGER_ID = "ledger.tpddl.wave2-it";
  public static final String PVVNL_LEDGER_ID = "ledger.pvvnl.wave2-it";
  public static final String BRPL_ID = "utility.brpl.wave2-it";
  public static final String BRPL_LEDGER_ID = "ledger.brpl.wave2-it";
  public static final String CDS_ID = "cds.wave2-it";
  private static final Duration START = Duration.ofSeconds(300);

  private final Path dir;
  private final LocalRegistry registry;
  private final CatalogDiscoveryService cds;
  private final Map<String, Ed25519KeyPair> keys = new HashMap<>();
  private final Map<String, Integer> ports = new HashMap<>();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  public final NodeProcess bap;
  public final NodeProcess bpp;
  public final NodeProcess tpddl;
  public final NodeProcess pvvnl;
  public final NodeProcess tpddlLedger;
  public final NodeProcess pvvnlLedger;

  private Wave2LocalNetwork(Path dir, boolean utilities) throws IOException, InterruptedException {
    this.dir = dir;
    Files.createDirectories(dir);
    registry =
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start();
    for (String id :
        List.of(
            BAP_ID,
            BPP_ID,
            TPDDL_ID,
            PVVNL_ID,
            TPDDL_LEDGER_ID,
            PVVNL_LEDGER_ID,
            BRPL_ID,
            BRPL_LEDGER_ID)) {
      keys.put(id, Ed25519KeyPair.generate());
      ports.put(id, LoopbackSubscribers.freePort());
    }
    Ed25519KeyPair cdsKey = Ed25519KeyPair.generate();
    cds = CatalogDiscoveryService.start(CDS_ID, cdsKey, registry.baseUrl(), NETWORK);
    ArrayNode records = Json.MAPPER.createArrayNode();
    records.add(LoopbackSubscribers.record(CDS_ID, "k1", "BG", cds.url(), NETWORK, cdsKey));
    keys.forEach(
        (id, key) ->
            records.add(
                LoopbackSubscribers.record(
                    id, "k1", id.startsWith("bap.") ? "BAP" : "BPP", url(id), NETWORK, key)));
    Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);
    Path policy = writePolicy(dir.resolve("ies-local-policy.json"));
    Path bapJar = Path.of(System.getProperty("uei.bap.jar"));
    Path bppJar = Path.of(System.getProperty("uei.bpp.jar"));

    Map<String, String> bapProps = new LinkedHashMap<>();
    discomOfBuyer(bapProps, "TPDDL", TPDDL_ID, TPDDL_LEDGER_ID);
    discomOfBuyer(bapProps, "BRPL", BRPL_ID, BRPL_LEDGER_ID);
    discomOfBuyer(bapProps, "PVVNL", PVVNL_ID, PVVNL_LEDGER_ID);
    bapProps.put("uei.bap.wave2.discovery-url", cds.url());
    bap = node("bap-node", BAP_ID, bapJar, Map.of(), bapProps);

    Map<String, String> bppProps = new LinkedHashMap<>();
    bppProps.put("uei.bpp.wave2.policy-file", policy.toString());
    discomOfSeller(bppProps, "TPDDL", TPDDL_ID, TPDDL_LEDGER_ID);
    discomOfSeller(bppProps, "PVVNL", PVVNL_ID, PVVNL_LEDGER_ID);
    discomOfSeller(bppProps, "BRPL", BRPL_ID, BRPL_LEDGER_ID);
    if (utilities) {
      bppProps.put("uei.bpp.utilities.TPDDL", TPDDL_ID);
      bppProps.put("uei.bpp.utilities.PVVNL", PVVNL_ID);
    }
    bpp =
        node(
            "bpp-node",
            BPP_ID,
            bppJar,
            Map.of(
                "UEI_BPP_WAVE2_CATALOG_SERVICE_URL",
                cds.url(),
                "UEI_BPP_WAVE2_CATALOG_SERVICE_ID",
                CDS_ID,
                "UEI_BPP_SETTLEMENT_VPA",
                "up-solar@upi",
                "UEI_BPP_RULES_ALLOWED_DISCOMS",
                "PVVNL,TPDDL,BRPL"),
            bppProps);
    tpddl = utilities ? utility("tpddl-utility", TPDDL_ID, "TPDDL", TPDDL_LEDGER_ID, bppJar) : null;
    pvvnl = utilities ? utility("pvvnl-utility", PVVNL_ID, "PVVNL", PVVNL_LEDGER_ID, bppJar) : null;
    tpddlLedger = ledger("tpddl-ledger", TPDDL_LEDGER_ID, "TPDDL", bppJar);
    pvvnlLedger = ledger("pvvnl-ledger", PVVNL_LEDGER_ID, "PVVNL", bppJar);
  }

  /**
   * Starts the registry and the six nodes (in parallel: each JVM mostly waits on its own start).
   */
  public static Wave2LocalNetwork start(Path dir) throws Exception {
    return start(dir, true);
  }

  /**
   * Like {@link #start(Path)}; without {@code utilities} the DISCOMs run no utility node (no limit
   * check, no meter actuals), which is all a latency measurement of the contract flow needs.
   */
  public static Wave2LocalNetwork start(Path dir, boolean utilities) throws Exception {
    Wave2LocalNetwork net = new Wave2LocalNetwork(dir, utilities);
    try {
      List<CompletableFuture<Void>> starts = new ArrayList<>();
      for (NodeProcess n : net.nodes) {
        starts.add(CompletableFuture.runAsync(() -> start(n)));
      }
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

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

  private NodeProcess utility(String name, String id, String discom, String ledgerId, Path jar) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("uei.bpp.utility.ledger-id", ledgerId);
    return node(
        name,
        id,
        jar,
        Map.of("UEI_BPP_MODE", "utility", "UEI_BPP_UTILITY_DISCOM_ID", discom),
        props);
  }

  private NodeProcess ledger(String name, String id, String discom, Path jar) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("uei.bpp.ledger.enabled", "true");
    props.put("uei.bpp.ledger.discom-id", discom);
    props.put("uei.bpp.ledger.discoms.TPDDL", TPDDL_ID);
    props.put("uei.bpp.ledger.discoms.PVVNL", PVVNL_ID);
    return node(name, id, jar, Map.of(), props);
  }

  private static void discomOfBuyer(
      Map<String, String> props, String code, String discomId, String ledgerId) {
    String at = "uei.bap.wave2.discoms." + code + ".";
    props.put(at + "discom-id", discomId);
    props.put(at + "ledger-id", ledgerId);
  }

  private void discomOfSeller(
      Map<String, String> props, String code, String discomId, String ledgerId) {
    String at = "uei.bpp.wave2.discoms." + code + ".";
    props.put(at + "subscriber-id", discomId);
    props.put(at + "uri", url(discomId));
    props.put(at + "ledger-id", ledgerId);
    props.put(at + "ledger-uri", url(ledgerId));
  }

  /**
   * One node process; {@code props} go in through {@code -D}, since map keys (DISCOM codes) do not
   * survive the environment-variable name mapping.
   */
  private NodeProcess node(
      String name, String id, Path jar, Map<String, String> env, Map<String, String> props) {
    Map<String, String> e = new HashMap<>();
    e.put("UEI_SUBSCRIBER_ID", id);
    e.put("UEI_KEY_ID", "k1");
    e.put("UEI_PRIVATE_KEY", keys.get(id).seedBase64());
    e.put("UEI_WIRE", "wave2");
    e.put("UEI_NETWORK_ID", NETWORK);
    e.put("UEI_DOMAIN", NETWORK);
    e.put("UEI_PUBLIC_URL", url(id));
    e.put("UEI_REGISTRY_URL", registry.baseUrl());
    e.put("UEI_REGISTRY_TYPE", "beckn");
    e.put("UEI_DATA_DIR", dir.resolve(name + "-data").toString());
    e.put("UEI_OUTBOX_INITIAL_BACKOFF", "PT0.2S");
    e.put("UEI_OUTBOX_MAX_BACKOFF", "PT1S");
    e.put("UEI_TESTING_MARKET_CLOCK_CONTROL", "true");
    // The IES test network: every meter is a TEST_ meter, as the trading rules must know too.
    e.put("UEI_BPP_RULES_TEST_NETWORK", "true");
    // Six node JVMs share the machine with the build: give a busy peer time to ACK.
    e.put("UEI_HTTP_REQUEST_TIMEOUT", "PT30S");
    e.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
    e.putAll(env);
    StringBuilder opts = new StringBuilder("-XX:+UseSerialGC");
    props.forEach((k, v) -> opts.append(" -D").append(k).append('=').append(v));
    e.put("JAVA_TOOL_OPTIONS", opts.toString());
    NodeProcess p = new NodeProcess(name, jar, e, ports.get(id), dir.resolve(name + ".log"));
    nodes.add(p);
    return p;
  }

  /**
   * The local network's policy: the IES test network's rules, with ledger URLs checked against the
   * DISCOMs' registry records, wheeling charged on both sides, and BRPL's consumers not allowed to
   * buy.
   */
  private static Path writePolicy(Path file) throws IOException {
    String json =
        """
        {
          "currencies": ["INR"],
          "policyQueryPath": "data.deg.contracts.p2p_trading",
          "tradingWindow": {"opensBefore": "PT24H", "gateClosureBefore": "PT4H"},
          "charges": {
            "wheelingBuyerPerKwh": 0.10,
            "wheelingSellerPerKwh": 0.05,
            "penaltyPerKwh": 0,
            "platformChargeCapPerKwh": 0.42
          },
          "environments": {
            "local": {
              "production": false,
              "networkIds": ["%s"],
              "approvedDiscoms": ["TPDDL", "PVVNL", "BRPL"],
              "applicableSellerDiscoms": ["TPDDL", "PVVNL"],
              "enforceAllowlist": true,
              "allowedBuyerDiscoms": ["TPDDL", "PVVNL"],
              "allowedDiscomPairs": [],
              "interDiscomOnly": true,
              "blockedPartners": [],
              "ledgerUrls": {"source": "registry", "allowed": []},
              "testMeterPrefix": "TEST_"
            }
          }
        }
        """
            .formatted(NETWORK);
    Files.writeString(file, json);
    return file;
  }

  public String url(String id) {
    return "http://127.0.0.1:" + ports.get(id);
  }

  /** Moves every node's market clock to {@code marketNow}, so they judge windows alike. */
  public void marketClock(Instant marketNow) throws IOException, InterruptedException {
    for (NodeProcess n : nodes) {
      Json.put(n.url() + "/testing/market-clock", Map.of("now", marketNow.toString())).expect(200);
    }
  }

  /**
   * {@code POST /ledger/get} at {@code ledger}, signed as {@code caller}: the records the ledger
   * shows that party.
   */
  public JsonNode ledgerGet(NodeProcess ledger, String caller, Map<String, Object> filter)
      throws IOException, InterruptedException {
    byte[] body = Json.MAPPER.writeValueAsBytes(filter);
    BecknSigner signer = BecknSigner.of(caller, "k1", keys.get(caller));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(ledger.url() + "/ledger/get"))
                .header("Content-Type", "application/json")
                .header("Authorization", signer.authorization(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

  public Path dir() {
    return dir;
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
      cds.close();
      registry.close();
    }
  }
}
