package org.uei.p2p.examples.network;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.ueiv1.UeiV1Context;

/**
 * The UP pilot's network on loopback, on UEI v1 (Beckn 1.1.0, domain {@code uei:p2p-trading}): the
 * registry, a Lucknow buyer platform (bap-node) and a Lucknow seller platform (bpp-node) for
 * consumers and prosumers of the same DISCOM, MVVNL, and a buyer app on the libraries alone. There
 * is no gateway: the buyer platform searches every seller platform the registry lists in the
 * domain. The seller platform judges each order with the checks it can make itself (the pilot's
 * DISCOM allow-list, its prosumers' installed capacity, the network's trading rules); its DISCOM's
 * utility limit check is not cascaded on this wire yet.
 */
final class UeiV1Network implements AutoCloseable {

  static final String BUYER_PLATFORM = "bap.lucknow-buyers.demo";
  static final String SELLER_PLATFORM = "bpp.lucknow-solar.demo";
  static final String BUYER_APP = "app.lucknow-direct.demo";
  static final String SETTLEMENT_PROFILE = "uperc-pilot-2026-02";
  private static final Duration START = Duration.ofSeconds(180);

  private final LoopbackNetwork base;
  private final UeiV1BuyerApp app;
  final NodeProcess bap;
  final NodeProcess bpp;

  private UeiV1Network(LoopbackNetwork base, Path projectRoot)
      throws IOException, InterruptedException {
    this.base = base;
    base.participant(BUYER_PLATFORM, "BAP");
    base.participant(SELLER_PLATFORM, "BPP");
    base.participant(BUYER_APP, "BAP");
    base.register(UeiV1Context.DOMAIN, Json.MAPPER.createArrayNode());

    Map<String, String> b = new LinkedHashMap<>();
    b.put("uei.bap.uei-v1.city-code", UeiV1Cast.CITY);
    settlement(b, "uei.bap.delivery.");
    bap = node(BUYER_PLATFORM, LoopbackNetwork.bapJar(projectRoot), b);

    Map<String, String> s = new LinkedHashMap<>();
    // UPERC's pilot: prosumers and consumers of the same DISCOM trade with each other.
    s.put("uei.bpp.rules.allowed-discoms", UeiV1Cast.DISCOM);
    s.put("uei.bpp.catalog-name", "Lucknow rooftop solar");
    s.put("uei.bpp.settlement.vpa", "lucknow-solar@upi");
    // The MDMS file of the day is taken as soon as it lies still.
    s.put("uei.bpp.delivery.mdms-poll-every", "1s");
    settlement(s, "uei.bpp.delivery.");
    bpp = node(SELLER_PLATFORM, LoopbackNetwork.bppJar(projectRoot), s);
    app =
        UeiV1BuyerApp.start(
            BUYER_APP, base.key(BUYER_APP), base.port(BUYER_APP), base.registryUrl());
  }

  /** Both platforms settle under UPERC's pilot order, which covers MVVNL's Lucknow pilot. */
  private static void settlement(Map<String, String> settings, String prefix) {
    settings.put(prefix + "settlement-profile", SETTLEMENT_PROFILE);
  }

  /** Starts the registry, the buyer app and both nodes (in parallel) in {@code dir}. */
  static UeiV1Network start(Path dir, Path projectRoot) throws IOException, InterruptedException {
    LoopbackNetwork base = LoopbackNetwork.start(dir);
    UeiV1Network net;
    try {
      net = new UeiV1Network(base, projectRoot);
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

  private NodeProcess node(String id, Path jar, Map<String, String> own) throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("uei.wire", "uei-v1");
    settings.put("uei.domain", UeiV1Context.DOMAIN);
    settings.put("uei.outbox.max-backoff", "PT1S");
    settings.put("uei.http.request-timeout", "PT30S");
    settings.putAll(own);
    return base.node(id, jar, settings, Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC"));
  }

  /** The buyer app that writes its own 1.1.0 requests. */
  UeiV1BuyerApp app() {
    return app;
  }

  /** The seller platform's node, where MVVNL's MDMS drops its files. */
  DemoNetwork.Node sellerNode() {
    return base.node(SELLER_PLATFORM);
  }

  /** The loopback URL of a participant. */
  String url(String id) {
    return base.url(id);
  }

  /** Moves every node's market clock to {@code marketNow}, so they judge windows alike. */
  void marketClock(Instant marketNow) throws IOException, InterruptedException {
    base.marketClock(marketNow);
  }

  /** The running nodes, buyer platform first. */
  List<DemoNetwork.Node> nodes() {
    return base.nodes();
  }

  String registryUrl() {
    return base.registryUrl();
  }

  Path dir() {
    return base.dir();
  }

  @Override
  public void close() {
    try {
      base.close();
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }
}
