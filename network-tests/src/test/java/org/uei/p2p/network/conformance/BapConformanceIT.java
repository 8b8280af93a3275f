package org.uei.p2p.network.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.bap.BapCases;
import org.uei.p2p.conformance.bap.BapConformance;
import org.uei.p2p.conformance.bap.BapNodeTrigger;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.conformance.report.HtmlReport;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.network.LocalNetwork;

/**
 * The conformance kit, playing a seller platform, against our own bap-node driven through its
 * client API; and against a bap-node with signature checks switched off, which must fail exactly
 * the callback signature cases.
 */
class BapConformanceIT {

  private static ConformanceReport run(String name, Map<String, String> settings) throws Exception {
    try (ConformanceNetwork net = ConformanceNetwork.start(name)) {
      KitIdentity kit = KitIdentity.fresh("kit-seller.conformance.local");
      int port = LoopbackSubscribers.freePort();
      kit.registerLocally(
          net.registryUrl(), "BPP", "http://127.0.0.1:" + port, LocalNetwork.DOMAIN);
      NodeProcess bap = net.startNode("bap", "bap.conformance.local", settings);
      ConformanceReport report =
          new BapConformance(
                  new BapConformance.Config(
                      bap.url(),
                      net.registryUrl(),
                      kit,
                      "127.0.0.1",
                      port,
                      null,
                      null,
                      null,
                      new BapNodeTrigger(bap.url())))
              .run(line -> {});
      Files.writeString(
          net.dir().resolve("bap-report.html"), HtmlReport.render(report), StandardCharsets.UTF_8);
      System.out.println(ConsoleReport.render(report));
      return report;
    }
  }

  @Test
  void ourBapNodePassesEveryCase() throws Exception {
    ConformanceReport report = run("conformance-bap", Map.of());
    assertEquals(BapCases.ALL.size(), report.results().size());
    assertEquals(Set.of(), report.ids(Outcome.FAILED), ConsoleReport.render(report));
    assertEquals(Set.of(), report.ids(Outcome.NOT_RUN), ConsoleReport.render(report));
    assertTrue(report.passed());
  }

  @Test
  void withoutSignatureChecksExactlyTheCallbackSignatureCasesFail() throws Exception {
    ConformanceReport report =
        run(
            "conformance-bap-insecure",
            Map.of("UEI_TESTING_INSECURE_SKIP_SIGNATURE_VERIFICATION", "true"));
    assertEquals(
        new java.util.TreeSet<>(
            Set.of(
                BapCases.MISSING_SIGNATURE.id(),
                BapCases.TAMPERED.id(),
                BapCases.EXPIRED.id(),
                BapCases.UNKNOWN_KEY.id())),
        report.ids(Outcome.FAILED),
        ConsoleReport.render(report));
  }
}
