package org.uei.p2p.examples.network;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.ueiv1.UeiV1Context;

/**
 * {@code ./demo --wire uei-v1}: starts {@link UeiV1Network}, shows who takes part, plays {@link
 * UeiV1Day} and prints the outcome of its checks.
 */
final class UeiV1Demo {
  private static final Map<String, String> ROLES =
      Map.of(
          UeiV1Network.BUYER_PLATFORM, "buyer platform (bap-node), MVVNL consumers in Lucknow",
          UeiV1Network.SELLER_PLATFORM, "seller platform (bpp-node), MVVNL rooftop prosumers");

  private UeiV1Demo() {}

  static int run(Path dir, Path project, boolean keepRunning, Console console) throws Exception {
    console.line(
        "UEI P2P energy trading on UEI v1 (Beckn 1.1.0), the UP pilot: prosumers and consumers of"
            + " MVVNL (Lucknow)");
    console.line(
        "trading through a buyer and a seller platform, all signed Beckn over HTTP on this"
            + " machine.");
    console.line(
        "Domain " + UeiV1Context.DOMAIN + "; ./demo plays IES wave 2, --wire wave1 DEG wave 1.");
    console.phase(
        "Starting the local network (registry, 2 nodes and a buyer app, fresh keys) in " + dir);
    return DemoRun.run(
        dir,
        console,
        () -> UeiV1Network.start(dir, project),
        net -> participants(net, dir, console),
        net -> new UeiV1Day(net, console, LocalDate.now(TradingDay.IST).plusDays(1)).run(),
        keepRunning ? net -> keepRunning(net, console) : null);
  }

  private static void participants(UeiV1Network net, Path dir, Console console) {
    List<String> app =
        List.of(
            UeiV1Network.BUYER_APP,
            "BAP",
            "a buyer app on the libraries alone (examples), in this process",
            net.url(UeiV1Network.BUYER_APP));
    DemoRun.participants(
        console, dir, net.registryUrl(), List.of(), net.nodes(), ROLES, List.of(app));
  }

  private static void keepRunning(UeiV1Network net, Console console) throws InterruptedException {
    String bap = net.bap.url();
    String bpp = net.bpp.url();
    console.line("");
    console.line("The nodes keep running (Ctrl-C stops them). Try:");
    console.line("  curl -s " + bpp + "/provider/catalog");
    console.line(
        "  curl -s -XPOST -H 'Content-Type: application/json' -d '{}' " + bap + "/client/discover");
    console.line("  curl -s " + bpp + "/provider/orders");
    console.line("  curl -s " + bpp + "/audit/sth");
    console.line(
        "  ./uei audit verify --node "
            + bpp
            + " --registry "
            + net.registryUrl()
            + " --subscriber-id "
            + UeiV1Network.SELLER_PLATFORM);
    console.line(
        "  OpenAPI of each node: <URL>/q/openapi, health: <URL>/q/health, metrics: <URL>/q/metrics");
    NetworkDemo.untilStopped(net, net.nodes(), console);
  }
}
