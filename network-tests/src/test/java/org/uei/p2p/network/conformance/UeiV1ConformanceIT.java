package org.uei.p2p.network.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.bap.BapConformance;
import org.uei.p2p.conformance.bap.BapNodeTrigger;
import org.uei.p2p.conformance.bap.UeiV1BapCases;
import org.uei.p2p.conformance.bap.UeiV1BapConformance;
import org.uei.p2p.conformance.bpp.BppConformance;
import org.uei.p2p.conformance.bpp.UeiV1BppCases;
import org.uei.p2p.conformance.bpp.UeiV1BppConformance;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.conformance.report.HtmlReport;
import org.uei.p2p.conformance.setup.WireProbe;
import org.uei.p2p.conformance.setup.WireProbe.Wire;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.network.Cli;
import org.uei.p2p.signing.BecknSigner;

/**
 * The conformance kit on UEI v1 (Beckn 1.1.0, {@code uei:p2p-trading}) against our own nodes: the
 * kit plays the buyer platform against bpp-node and a seller platform against bap-node, and both
 * pass every case; {@code uei conformance} without {@code --wire} tells the wire by itself. Two
 * negative controls show the kit sees real faults: a bpp-node with signature checks off fails
 * exactly the inbound signature cases, and a hop that cuts the price of on_select (re-signed with
 * the seller's own key) fails exactly the price case.
 */
class UeiV1ConformanceIT {

  private static final String DOMAIN = UeiV1Context.DOMAIN;
  private static final String BPP_ID = "bpp.ueiv1.conformance.local";
  private static ConformanceNetwork net;
  private static NodeProcess bpp;

  @BeforeAll
  static void start() throws Exception {
    net = ConformanceNetwork.start("conformance-ueiv1");
    bpp = net.startNode("bpp", BPP_ID, Map.of("UEI_WIRE", "uei-v1"), DOMAIN);
    ConformanceNetwork.publishOffer(bpp, "6.40", 20);
  }

  @AfterAll
  static void stop() {
    if (net != null) {
      net.close();
    }
  }

  /** Runs the kit as buyer platform against {@code target}, through {@code fault}'s hop if any. */
  private static ConformanceReport runAgainstBpp(
      NodeProcess target, String bppId, BppFault fault, String name) throws Exception {
    KitIdentity kit = KitIdentity.fresh("kit-for-" + name);
    int port = LoopbackSubscribers.freePort();
    BecknSigner own = BecknSigner.of(bppId, "k1", net.key(bppId));
    try (FaultProxy proxy =
        fault.inCallbacks()
            ? new FaultProxy("http://127.0.0.1:" + port, m -> fault.apply(m, own))
            : null) {
      String bapUri = proxy != null ? proxy.url() : "http://127.0.0.1:" + port;
      kit.registerLocally(net.registryUrl(), "BAP", bapUri, DOMAIN);
      BppConformance.Config config =
          new BppConformance.Config(
              target.url(),
              bppId,
              net.registryUrl(),
              kit,
              "127.0.0.1",
              port,
              proxy != null ? bapUri : null,
              DOMAIN,
              null,
              null,
              null,
              null,
              null,
              null);
      ConformanceReport report = new UeiV1BppConformance(config).run(line -> {});
      Files.writeString(
          net.dir().resolve(name + "-report.html"),
          HtmlReport.render(report),
          StandardCharsets.UTF_8);
      System.out.println(fault + "\n" + ConsoleReport.render(report));
      return report;
    }
  }

  @Test
  void ourBppNodePassesEveryCase() throws Exception {
    ConformanceReport report = runAgainstBpp(bpp, BPP_ID, BppFault.NONE, "honest-bpp");
    assertEquals(Set.of(), report.ids(Outcome.FAILED), ConsoleReport.render(report));
    assertEquals(Set.of(), report.ids(Outcome.NOT_RUN), ConsoleReport.render(report));
    assertEquals(UeiV1BppCases.ALL.size(), report.count(Outcome.PASSED));
    assertTrue(report.passed());
  }

  @Test
  void theCliTellsUeiV1ByItselfAndOurBppNodePasses() throws Exception {
    Cli cli =
        Cli.run(
            "conformance",
            "--role",
            "bpp",
            "--target",
            bpp.url(),
            "--target-id",
            BPP_ID,
            "--registry",
            net.registryUrl(),
            "--subscriber-id",
            "kit-cli.ueiv1.conformance.local",
            "--report-dir",
            net.dir().resolve("cli-report").toString());
    assertEquals(0, cli.exit(), cli.out() + cli.err());
    assertTrue(
        cli.out().contains("wire: uei-v1 (the target does not know discover and answered search"),
        cli.out());
    assertTrue(
        cli.out().contains(UeiV1BppCases.ALL.size() + " passed, 0 failed, 0 not run"), cli.out());
  }

  @Test
  void withoutSignatureChecksExactlyTheInboundSignatureCasesFail() throws Exception {
    String id = "bpp-insecure.ueiv1.conformance.local";
    Map<String, String> env = new LinkedHashMap<>(BppFault.INSECURE.env());
    env.put("UEI_WIRE", "uei-v1");
    NodeProcess insecure = net.startNode("bpp", id, env, DOMAIN);
    try {
      ConformanceNetwork.publishOffer(insecure, "6.40", 20);
      ConformanceReport report = runAgainstBpp(insecure, id, BppFault.INSECURE, "insecure-bpp");
      assertFailed(report, Set.of(UeiV1BppCases.MISSING_SIGNATURE, UeiV1BppCases.WRONG_KEY));
    } finally {
      insecure.stop();
    }
  }

  @Test
  void anOnSelectPricedBelowTheCatalogFailsThePriceCase() throws Exception {
    ConformanceReport report =
        runAgainstBpp(bpp, BPP_ID, BppFault.ON_SELECT_PRICE_CUT, "price-cut-bpp");
    assertFailed(report, Set.of(UeiV1BppCases.PRICE));
    String reason = result(report, UeiV1BppCases.PRICE).reason();
    assertTrue(
        reason.startsWith("on_select prices the item at " + BppFault.CUT_PRICE + " INR"), reason);
  }

  @Test
  void ourBapNodePassesEveryCase() throws Exception {
    KitIdentity kit = KitIdentity.fresh("kit-seller.ueiv1.conformance.local");
    int port = LoopbackSubscribers.freePort();
    String kitUrl = "http://127.0.0.1:" + port;
    kit.registerLocally(net.registryUrl(), "BPP", kitUrl, DOMAIN);
    // The kit is the BAP's gateway: its search goes there and nowhere else in the registry.
    NodeProcess bap =
        net.startNode(
            "bap",
            "bap.ueiv1.conformance.local",
            Map.of(
                "UEI_WIRE",
                "uei-v1",
                "JAVA_TOOL_OPTIONS",
                "-Duei.bap.uei-v1.gateway-url=" + kitUrl),
            DOMAIN);
    try {
      // A buyer platform on Beckn 1.1.0 knows on_search, not on_discover.
      assertEquals(Wire.UEI_V1, new WireProbe().detect(bap.url(), "on_discover").wire());
      ConformanceReport report =
          new UeiV1BapConformance(
                  new BapConformance.Config(
                      bap.url(),
                      net.registryUrl(),
                      kit,
                      "127.0.0.1",
                      port,
                      null,
                      null,
                      null,
                      BapNodeTrigger.unfiltered(bap.url())))
              .run(line -> {});
      Files.writeString(
          net.dir().resolve("bap-ueiv1-report.html"),
          HtmlReport.render(report),
          StandardCharsets.UTF_8);
      System.out.println(ConsoleReport.render(report));
      assertEquals(UeiV1BapCases.ALL.size(), report.results().size());
      assertEquals(Set.of(), report.ids(Outcome.FAILED), ConsoleReport.render(report));
      assertEquals(Set.of(), report.ids(Outcome.NOT_RUN), ConsoleReport.render(report));
    } finally {
      bap.stop();
    }
  }

  private static void assertFailed(ConformanceReport report, Set<ConformanceCase> failing) {
    assertEquals(
        new TreeSet<>(failing.stream().map(ConformanceCase::id).toList()),
        report.ids(Outcome.FAILED),
        ConsoleReport.render(report));
    assertFalse(report.passed());
  }

  private static CaseResult result(ConformanceReport report, ConformanceCase c) {
    return report.results().stream()
        .filter(r -> r.conformanceCase().equals(c))
        .findFirst()
        .orElseThrow();
  }
}
