package org.uei.p2p.network.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.bpp.BppCases;
import org.uei.p2p.conformance.bpp.BppConformance;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.conformance.report.HtmlReport;
import org.uei.p2p.conformance.report.JUnitXmlReport;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;

/**
 * The conformance kit, playing a buyer platform, against our own bpp-node: the normal node passes
 * every mandatory case; a node with signature checks switched off fails exactly the inbound
 * signature cases; a node that corrupts callback message_ids fails exactly the echo case.
 */
class BppConformanceIT {

  private static final Set<String> SIGNATURE_CASES =
      Set.of(
          BppCases.MISSING_SIGNATURE.id(),
          BppCases.TAMPERED.id(),
          BppCases.EXPIRED.id(),
          BppCases.UNKNOWN_KEY.id(),
          BppCases.WRONG_SIGNER.id());

  private static ConformanceNetwork net;

  @BeforeAll
  static void start() throws Exception {
    net = ConformanceNetwork.start("conformance-bpp");
  }

  @AfterAll
  static void stop() throws Exception {
    if (net != null) {
      net.close();
    }
  }

  private static ConformanceReport run(
      String bppId, Map<String, String> settings, boolean unsolicited) throws Exception {
    NodeProcess bpp = net.startNode("bpp", bppId, settings);
    ConformanceNetwork.publishOffer(bpp, "6.25", 20);
    KitIdentity kit = KitIdentity.fresh("kit-for-" + bppId);
    int port = LoopbackSubscribers.freePort();
    kit.registerLocally(
        net.registryUrl(),
        "BAP",
        "http://127.0.0.1:" + port,
        org.uei.p2p.network.LocalNetwork.DOMAIN);
    BppConformance.Config defaults =
        BppConformance.Config.of(bpp.url(), bppId, net.registryUrl(), kit);
    BppConformance.Config config =
        new BppConformance.Config(
            defaults.targetUrl(),
            bppId,
            defaults.registryUrl(),
            kit,
            "127.0.0.1",
            port,
            null,
            null,
            null,
            null,
            null,
            null,
            unsolicited ? orderId -> notify(bpp, orderId) : null,
            unsolicited ? java.time.Duration.ofSeconds(20) : null);
    ConformanceReport report = new BppConformance(config).run(line -> {});
    Files.writeString(
        net.dir().resolve(bppId + "-report.html"),
        HtmlReport.render(report),
        StandardCharsets.UTF_8);
    Files.writeString(
        net.dir().resolve(bppId + "-junit.xml"),
        JUnitXmlReport.render(report),
        StandardCharsets.UTF_8);
    System.out.println(ConsoleReport.render(report));
    bpp.stop();
    return report;
  }

  private static void notify(NodeProcess bpp, String orderId) {
    try {
      Json.post(
              bpp.url() + "/provider/orders/" + orderId + "/notify", Map.of("action", "on_status"))
          .expect(200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void ourBppNodePassesEveryCase() throws Exception {
    ConformanceReport report = run("bpp.conformance.local", Map.of(), true);
    assertEquals(Set.of(), report.ids(Outcome.FAILED), ConsoleReport.render(report));
    assertEquals(Set.of(), report.ids(Outcome.NOT_RUN), ConsoleReport.render(report));
    assertTrue(report.passed());
  }

  @Test
  void withoutSignatureChecksExactlyTheSignatureCasesFail() throws Exception {
    ConformanceReport report =
        run(
            "bpp-insecure.conformance.local",
            Map.of("UEI_TESTING_INSECURE_SKIP_SIGNATURE_VERIFICATION", "true"),
            false);
    assertEquals(
        new TreeSet<>(SIGNATURE_CASES), report.ids(Outcome.FAILED), ConsoleReport.render(report));
    assertTrue(!report.passed());
  }

  @Test
  void withCorruptedCallbackMessageIdsExactlyTheEchoCaseFails() throws Exception {
    ConformanceReport report =
        run(
            "bpp-corrupt.conformance.local",
            Map.of("UEI_TESTING_CORRUPT_CALLBACK_MESSAGE_ID", "true"),
            false);
    assertEquals(
        Set.of(BppCases.ECHO_MESSAGE_ID.id()),
        report.ids(Outcome.FAILED),
        ConsoleReport.render(report));
  }
}
