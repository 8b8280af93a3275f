package org.uei.p2p.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * key and the buyer platform's key, the packaged bpp-node and the bare endpoint as two separate
 * JVMs (same launcher, same heap), and this JVM's callback receiver standing in for the buyer
 * platform.
 */
final class LoadNetwork implements AutoCloseable {

  static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  static final String BPP_ID = "bpp.load-harness.local";
  static final String BAP_ID = "bap.load-harness.local";
  static final String KEY_ID = "k1";
  private static final Duration START = Duration.ofSeconds(120);

  final Ed25519KeyPair bapKey = Ed25519KeyPair.generate();
  final CallbackCounter callbacks;
  final LocalRegistry registry;
  final NodeProcess bpp;
  final NodeProcess bare;
  private final Path bppJar;
  private final Path bareJar;

  private LoadNetwork(
      CallbackCounter callbacks,
      LocalRegistry registry,
      NodeProcess bpp,
      NodeProcess bare,
      Path bppJar,
      Path bareJar) {
    this.callbacks = callbacks;
    this.registry = registry;
    this.bpp = bpp;
    this.bare = bare;
    this.bppJar = bppJar;
    this.bareJar = bareJar;
  }

  /**
   * Starts everything; logs and the node's data directory go to {@code dir}.
   *
   * @param bppEnv extra environment of the bpp-node (JVM options in JAVA_TOOL_OPTIONS, settings to
   *     try)
   */
  static LoadNetwork start(Path dir, Path bppJar, Path bareJar, Map<String, String> bppEnv)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    CallbackCounter callbacks = CallbackCounter.start();
    LocalRegistry registry =
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start();
    int bppPort = LoopbackSubscribers.freePort();
    Ed25519KeyPair bppKey = Ed25519KeyPair.generate();
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
                "http://127.0.0.1:" + bppPort,
                "UEI_REGISTRY_URL",
                registry.baseUrl(),
                "UEI_REGISTRY_TYPE",
                "beckn",
                "UEI_DATA_DIR",
                dir.resolve("bpp-data").toString()));
    env.putAll(bppEnv);
    NodeProcess bpp =
        new NodeProcess("bpp-node", bppJar, env, bppPort, dir.resolve("bpp-node.log"));
    int barePort = LoopbackSubscribers.freePort();
    NodeProcess bare =
        new NodeProcess(
            "bare-endpoint", bareJar, Map.of(), barePort, dir.resolve("bare-endpoint.log"));
    LoadNetwork net = new LoadNetwork(callbacks, registry, bpp, bare, bppJar, bareJar);
    try {
      ArrayNode records = Json.MAPPER.createArrayNode();
      records.add(LoopbackSubscribers.record(BPP_ID, KEY_ID, "BPP", bpp.url(), DOMAIN, bppKey));
      records.add(
          LoopbackSubscribers.record(BAP_ID, KEY_ID, "BAP", callbacks.url(), DOMAIN, net.bapKey));
      Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);
      bpp.start(START);
      bare.start(START);
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

  /** The child JVM running {@code jar}, to read its CPU time. */
  Optional<ProcessHandle> processOf(NodeProcess node) {
    String jar = (node == bpp ? bppJar : bareJar).toString();
    return ProcessHandle.current()
        .children()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(jar)).orElse(false))
        .findFirst();
  }

  @Override
  public void close() {
    try {
      bare.stop();
      bpp.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registry.close();
      callbacks.close();
    }
  }
}
