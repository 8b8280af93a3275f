package org.uei.p2p.examples.network;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./demo} on IES wave 2: starts {@link Wave2Network}, shows who takes part, plays {@link
 * Wave2Day} and prints the outcome of its checks.
 */
final class Wave2Demo {
  /** How often the seller platform compares its catalog with the one it last published. */
  static final String PUBLISH_EVERY = "1s";

  private static final Map<String, String> ROLES =
      Map.of(
          Wave2Network.BUYER_PLATFORM, "buyer platform (bap-node), TPDDL and BRPL consumers",
          Wave2Network.SELLER_PLATFORM, "seller platform (bpp-node), PVVNL prosumers",
          Wave2Network.TPDDL_UTILITY, "TPDDL's utility node (bpp-node, utility mode)",
          Wave2Network.PVVNL_UTILITY, "PVVNL's utility node (bpp-node, utility mode)",
          Wave2Network.TPDDL_LEDGER, "TPDDL's ledger provider (bpp-node, DEG Ledger API)",
          Wave2Network.PVVNL_LEDGER, "PVVNL's ledger provider (bpp-node, DEG Ledger API)");

  private Wave2Demo() {}

  static int run(Path dir, Path project, boolean keepRunning, Console console) throws Exception {
    console.line(
        "UEI P2P energy trading on IES wave 2 (Beckn 2.0 LTS): a Delhi (TPDDL) buyer platform and a"
            + " UP (PVVNL) seller platform,");
    console.line(
        "both DISCOMs' utility nodes and ledger providers, all signed Beckn over HTTP on this"
            + " machine.");
    console.line("Network " + Wave2Network.NETWORK + "; ./demo --wire wave1 plays DEG wave 1.");
    console.phase(
        "Starting the local network (registry, catalog discovery service and 6 nodes, fresh keys)"
            + " in "
            + dir);
    return DemoRun.run(
        dir,
        console,
        () -> Wave2Network.start(dir, Wave2Network.Setup.of(project, PUBLISH_EVERY)),
        net -> participants(net, dir, console),
        net -> new Wave2Day(net, console, LocalDate.now(TradingDay.IST).plusDays(1)).run(),
        keepRunning ? net -> keepRunning(net, console) : null);
  }

  private static void participants(Wave2Network net, Path dir, Console console) {
    List<String> cds =
        List.of(
            Wave2Network.CATALOG_SERVICE,
            "BG",
            "catalog discovery service (examples): sellers publish, buyers discover",
            net.catalogService().url());
    List<List<String>> brpl = new ArrayList<>();
    for (String id : List.of(Wave2Network.BRPL_UTILITY, Wave2Network.BRPL_LEDGER)) {
      brpl.add(List.of(id, "BPP", "BRPL, registered: runs nothing in this demo", "-"));
    }
    DemoRun.participants(console, dir, net.registryUrl(), List.of(cds), net.nodes(), ROLES, brpl);
  }

  private static void keepRunning(Wave2Network net, Console console) throws InterruptedException {
    String bap = net.bap.url();
    String bpp = net.bpp.url();
    console.line("");
    console.line("The nodes keep running (Ctrl-C stops them). Try:");
    console.line("  curl -s " + bpp + "/provider/catalog/publication");
    console.line(
        "  curl -s -XPOST -H 'Content-Type: application/json' -d '{\"filter\": \"$.catalogs[*]"
            + ".offers[*] ? (@.offerAttributes.\\\"@type\\\" == \\\"EnergyTradeOffer\\\")\"}' "
            + bap
            + "/client/discover");
    console.line("  curl -s " + bpp + "/provider/orders");
    console.line("  curl -s " + net.tpddl.url() + "/utility/trades");
    console.line("  curl -s " + bpp + "/audit/sth");
    console.line(
        "  ./uei audit verify --node "
            + bpp
            + " --registry "
            + net.registryUrl()
            + " --subscriber-id "
            + Wave2Network.SELLER_PLATFORM);
    console.line(
        "  OpenAPI of each node: <URL>/q/openapi, health: <URL>/q/health, metrics: <URL>/q/metrics");
    NetworkDemo.untilStopped(net, net.nodes(), console);
  }
}
