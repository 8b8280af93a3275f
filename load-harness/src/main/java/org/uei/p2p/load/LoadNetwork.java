package org.uei.p2p.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.examples.network.Directories;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * What the load runs against, on loopback: the local registry in this JVM with the seller node's
 * key and the buyer platform's key, the packaged bpp-node and the bare endpoint as separate JVMs
 * (same launcher, same heap), and this JVM's callback receiver standing in for the buyer platform.
 * The bpp-node may run as several instances of one node: same key, subscriber id and database, each
 * with its own port and instance id.
 */
final class LoadNetwork implements AutoCloseable {

  static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  static final String BPP_ID = "bpp.load-harness.local";
  static final String BAP_ID = "bap.load-harness.local";
  static final String KEY_ID = "k1";
  private static final Duration START = Duration.ofSeconds(120);

  /**
   * The heap of a bpp-node that keeps its stores in memory: it holds every select, callback and
   * audit entry of the run (about 10 KB a select, a million selects in a long run), and in 256 MB
   * it would soon spend its time collecting garbage and measure the collector instead of the node.
   */
  static final String MEMORY_STORE_HEAP = "6g";

  final Ed25519KeyPair bapKey = Ed25519KeyPair.generate();
  final CallbackCounter callbacks;
  final LocalRegistry registry;

  /** The first instance of the bpp-node; its address is the node's registered one. */
  final NodeProcess bpp;

  /** Every instance of the bpp-node, {@link #bpp} first. */
  final List<NodeProcess> bpps;

  /** The bare endpoint, or null when it is left out. */
  final NodeProcess bare;

  // The bpp-node instances' data directories: deleted once they stop, since a load run leaves
  // gigabytes of H2 file behind (logs and recordings stay).
  private final List<Path> dataDirs;

  private LoadNetwork(
      CallbackCounter callbacks,
      LocalRegistry registry,
      List<NodeProcess> bpps,
      NodeProcess bare,
      List<Path> dataDirs) {
    this.callbacks = callbacks;
    this.registry = registry;
    this.bpps = List.copyOf(bpps);
    this.bpp = bpps.get(0);
    this.bare = bare;
    this.dataDirs = List.copyOf(dataDirs);
  }

  /**
   * Starts everything; logs and the node's data directories go to {@code dir}.
   *
   * @param bareJar the bare endpoint, or null to leave it out
   * @param bppEnv extra environment of the bpp-node (JVM options in JAVA_TOOL_OPTIONS, settings to
   *     try, its database)
   * @param instances how many instances of the bpp-node to start; more than one only on a database
   *     they can share (PostgreSQL), which the caller puts in {@code bppEnv}
   */
  static LoadNetwork start(
      Path dir, Path bppJar, Path bareJar, Map<String, String> bppEnv, int instances)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    CallbackCounter callbacks = CallbackCounter.start();
    LocalRegistry registry =
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start();
    Ed25519KeyPair bppKey = Ed25519KeyPair.generate();
    List<NodeProcess> bpps = new ArrayList<>();
    List<Path> dataDirs = new ArrayList<>();
    String publicUrl = null;
    for (int i = 1; i <= instances; i++) {
      int port = LoopbackSubscribers.freePort();
      // Every instance gives the first one's address as the node's: the one registered address a
      // load balancer would hold. The harness spreads its connections over the instances itself.
      publicUrl = publicUrl == null ? "http://127.0.0.1:" + port : publicUrl;
      String name = instances == 1 ? "bpp-node" : "bpp-node-" + i;
      Path data = dir.resolve(instances == 1 ? "bpp-data" : "bpp-" + i + "-data");
      dataDirs.add(data);
      Map<String, String> env =
          new HashMap<>(
              Map.of(
                  "UEI_SUBSCRIBER_ID",
                  BPP_ID,
                  "UEI_KEY_ID",
                  KEY_ID,
                  "UEI_PRIVATE_KEY",
                  bppKey.seedBase64(),
                  "UEI_DOMAIN",
                  DOMAIN,
                  "UEI_PUBLIC_URL",
                  publicUrl,
                  "UEI_REGISTRY_URL",
                  registry.baseUrl(),
                  "UEI_REGISTRY_TYPE",
                  "beckn",
                  "UEI_DATA_DIR",
                  data.toString()));
      if (instances > 1) {
        env.put("UEI_INSTANCE_ID", "bpp-" + i);
      }
      env.putAll(bppEnv);
      bpps.add(
          new NodeProcess(
              name,
              bppJar,
              env,
              port,
              dir.resolve(name + ".log"),
              "memory".equals(env.get("UEI_STORE")) ? MEMORY_STORE_HEAP : "256m"));
    }
    NodeProcess bare = null;
    if (bareJar != null) {
      int barePort = LoopbackSubscribers.freePort();
      bare =
          new NodeProcess(
              "bare-endpoint", bareJar, Map.of(), barePort, dir.resolve("bare-endpoint.log"));
    }
    LoadNetwork net = new LoadNetwork(callbacks, registry, bpps, bare, dataDirs);
    try {
      ArrayNode records = Json.MAPPER.createArrayNode();
      records.add(LoopbackSubscribers.record(BPP_ID, KEY_ID, "BPP", publicUrl, DOMAIN, bppKey));
      records.add(
          LoopbackSubscribers.record(BAP_ID, KEY_ID, "BAP", callbacks.url(), DOMAIN, net.bapKey));
      Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);
      // One at a time: the first instance creates the schema.
      for (NodeProcess p : bpps) {
        p.start(START);
      }
      if (bare != null) {
        bare.start(START);
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      net.close();
      throw e;
    }
    return net;
  }

  /**
   * Registers {@code count} prosumers with one offer each for the first tradable slot, through the
   * provider API, and reads them back from the seller's catalog as a buyer would see them.
   */
  List<EnergyOffer> publishOffers(int count, int kwhEach)
      throws IOException, InterruptedException, TradeCodecException {
    String slot = tradableSlot().toString();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format("load-prosumer-%03d", i);
      Json.post(
              bpp.url() + "/provider/prosumers",
              Map.of(
                  "id",
                  id,
                  "meterId",
                  "DL-" + id,
                  "discomId",
                  "TPDDL",
                  "stateCode",
                  "DL",
                  "installedCapacityKw",
                  kwhEach))
          .expect(201);
      ids.add(
          Json.post(
                  bpp.url() + "/provider/offers",
                  Map.of(
                      "prosumerId",
                      id,
                      "slotStart",
                      slot,
                      "pricePerKwh",
                      "6.10",
                      "maxKwh",
                      kwhEach))
              .expect(201)
              .get("id")
              .asText());
    }
    JsonNode catalog = Json.get(bpp.url() + "/provider/catalog").expect(200);
    List<EnergyOffer> offers =
        new Wave1Codec()
            .offers(BecknJson.mapper().treeToValue(catalog, CatalogMessage.class)).stream()
                .filter(o -> ids.contains(o.offerId()))
                .toList();
    if (offers.size() != count) {
      throw new IllegalStateException(
          "the catalog shows " + offers.size() + " of the " + count + " offers published");
    }
    return offers;
  }

  /**
   * The first 1-hour slot the IES rules let us trade now: 06–18 IST, at least 4 h ahead (as
   * TradeFlow picks it).
   */
  static Instant tradableSlot() {
    return org.uei.p2p.market.rules.TradingRules.ies().firstTradableSlot(Instant.now());
  }

  /**
   * Each offer's {@code maxKwh} and {@code availableKwh} as {@code instance} reads them back
   * through the provider API, keyed by offer id.
   */
  Map<String, BigDecimal[]> inventory(NodeProcess instance, List<EnergyOffer> offers)
      throws IOException, InterruptedException {
    Map<String, BigDecimal[]> out = new TreeMap<>();
    for (EnergyOffer o : offers) {
      JsonNode offer = Json.get(instance.url() + "/provider/offers/" + o.offerId()).expect(200);
      out.put(
          o.offerId(),
          new BigDecimal[] {
            new BigDecimal(offer.get("maxKwh").asText()),
            new BigDecimal(offer.get("availableKwh").asText())
          });
    }
    return out;
  }

  @Override
  public void close() {
    try {
      if (bare != null) {
        bare.stop();
      }
      for (NodeProcess p : bpps) {
        p.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registry.close();
      callbacks.close();
      for (Path d : dataDirs) {
        try {
          Directories.deleteTree(d);
        } catch (IOException e) {
          System.err.println("could not delete " + d + ": " + e.getMessage());
        }
      }
    }
  }
}
