package org.uei.p2p.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.uei.p2p.examples.network.Await;
import org.uei.p2p.examples.network.CatalogDiscoveryService;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.examples.network.Wave2Network;

/**
 * The IES wave-2 network of the demo ({@link Wave2Network}: registry, catalog discovery service,
 * buyer and seller platforms, both DISCOMs' utility nodes and ledger providers) for the
 * process-level tests and the wave-2 latency harness, running the node jars the build names in
 * {@code uei.bap.jar} and {@code uei.bpp.jar}. The catalog is published at bpp-node's default
 * period.
 */
public final class Wave2LocalNetwork implements AutoCloseable {

  public static final String NETWORK = Wave2Network.NETWORK;
  public static final String BAP_ID = Wave2Network.BUYER_PLATFORM;
  public static final String BPP_ID = Wave2Network.SELLER_PLATFORM;
  public static final String TPDDL_ID = Wave2Network.TPDDL_UTILITY;
  public static final String PVVNL_ID = Wave2Network.PVVNL_UTILITY;
  public static final String TPDDL_LEDGER_ID = Wave2Network.TPDDL_LEDGER;
  public static final String PVVNL_LEDGER_ID = Wave2Network.PVVNL_LEDGER;
  public static final String BRPL_ID = Wave2Network.BRPL_UTILITY;
  public static final String BRPL_LEDGER_ID = Wave2Network.BRPL_LEDGER;
  public static final String CDS_ID = Wave2Network.CATALOG_SERVICE;

  private final Wave2Network net;
  public final NodeProcess bap;
  public final NodeProcess bpp;
  public final NodeProcess tpddl;
  public final NodeProcess pvvnl;
  public final NodeProcess tpddlLedger;
  public final NodeProcess pvvnlLedger;

  private Wave2LocalNetwork(Wave2Network net) {
    this.net = net;
    bap = net.bap;
    bpp = net.bpp;
    tpddl = net.tpddl;
    pvvnl = net.pvvnl;
    tpddlLedger = net.tpddlLedger;
    pvvnlLedger = net.pvvnlLedger;
  }

  /** Starts the registry and the six nodes (in parallel). */
  public static Wave2LocalNetwork start(Path dir) throws Exception {
    return start(dir, true);
  }

  /**
   * Like {@link #start(Path)}; without {@code utilities} the DISCOMs run no utility node (no limit
   * check, no meter actuals), which is all a latency measurement of the contract flow needs.
   */
  public static Wave2LocalNetwork start(Path dir, boolean utilities) throws Exception {
    Wave2Network.Setup setup =
        new Wave2Network.Setup(
            Path.of(System.getProperty("uei.bap.jar")),
            Path.of(System.getProperty("uei.bpp.jar")),
            utilities,
            "5s");
    return new Wave2LocalNetwork(Wave2Network.start(dir, setup));
  }

  /** Starts a stopped node of the network again and waits until it is ready. */
  public static void start(NodeProcess n) {
    Wave2Network.start(n);
  }

  /**
   * A discover through the buyer platform that finds {@code offer}, asked again every 20 ms until
   * the seller's catalog at the discovery service shows it (the seller publishes it every few
   * seconds); its transaction id, or null when {@code within} passed without it.
   */
  public String discover(String offer, Duration within) throws Exception {
    return Await.until(
        () -> {
          JsonNode d =
              Json.post(
                      bap.url() + "/client/discover",
                      Map.of("filter", "$.catalogs[*].offers[*] ? (@.id == '" + offer + "')"))
                  .expect(200);
          return d.path("offers").toString().contains(offer)
              ? d.get("transactionId").asText()
              : null;
        },
        within,
        Duration.ofMillis(20));
  }

  public String url(String id) {
    return net.url(id);
  }

  /** Moves every node's market clock to {@code marketNow}, so they judge windows alike. */
  public void marketClock(Instant marketNow) throws IOException, InterruptedException {
    net.marketClock(marketNow);
  }

  /**
   * {@code POST /ledger/get} at {@code ledger}, signed as {@code caller}: the records the ledger
   * shows that party.
   */
  public JsonNode ledgerGet(NodeProcess ledger, String caller, Map<String, Object> filter)
      throws IOException, InterruptedException {
    return net.ledgerGet(ledger, caller, filter);
  }

  /**
   * The network's catalog discovery service, where the seller publishes and the buyer discovers.
   */
  public CatalogDiscoveryService catalogService() {
    return net.catalogService();
  }

  public Path dir() {
    return net.dir();
  }

  @Override
  public void close() {
    net.close();
  }
}
