package org.uei.p2p.network.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.bap.BapConformance;
import org.uei.p2p.conformance.bap.BapNodeTrigger;
import org.uei.p2p.conformance.bap.Wave2BapCases;
import org.uei.p2p.conformance.bap.Wave2BapConformance;
import org.uei.p2p.conformance.bpp.Wave2BppCases;
import org.uei.p2p.conformance.bpp.Wave2BppConformance;
import org.uei.p2p.conformance.ledger.Wave2LedgerCases;
import org.uei.p2p.conformance.ledger.Wave2LedgerConformance;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.conformance.report.HtmlReport;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;

/**
 * The conformance kit on IES wave 2 against our own nodes: the kit plays the buyer platform and
 * both DISCOMs' ledger providers against bpp-node, and a wave-2 seller platform against bap-node.
 * Our nodes pass every case that applies; a bpp-node with signature checks switched off fails
 * exactly the inbound signature cases.
 */
class Wave2ConformanceIT {

  private static final String NETWORK = Wave2BppConformance.TEST_NETWORK;
  private static ConformanceNetwork net;

  @BeforeAll
  static void start() throws Exception {
    net = ConformanceNetwork.start("conformance-wave2");
  }

  @AfterAll
  static void stop() {
    if (net != null) {
      net.close();
    }
  }

  /** Runs the kit as buyer platform and ledgers against a wave-2 bpp-node with {@code extra}. */
  private static ConformanceReport runAgainstBpp(String bppId, Map<String, String> extra)
      throws Exception {
    KitIdentity kit = KitIdentity.fresh("kit-for-" + bppId);
    int sellerLedger = LoopbackSubscribers.freePort();
    int buyerLedger = LoopbackSubscribers.freePort();
    Path policy = net.dir().resolve(bppId + "-policy.json");
    Files.writeString(policy, policy(), StandardCharsets.UTF_8);
    Map<String, String> props = new LinkedHashMap<>();
    props.put("uei.bpp.wave2.policy-file", policy.toString());
    ledger(props, "TPDDL", "tpddl.discom.conformance", kit, sellerLedger);
    ledger(props, "PVVNL", "pvvnl.discom.conformance", kit, buyerLedger);
    StringBuilder opts = new StringBuilder();
    props.forEach((k, v) -> opts.append(" -D").append(k).append('=').append(v));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("UEI_WIRE", "wave2");
    env.put("UEI_NETWORK_ID", NETWORK);
    env.put("UEI_BPP_SETTLEMENT_VPA", "conformance-seller@upi");
    // The IES test network: every meter is a TEST_ meter, as the trading rules must know too.
    env.put("UEI_BPP_RULES_TEST_NETWORK", "true");
    // Map keys (DISCOM codes) do not survive the environment-variable name mapping.
    env.put("JAVA_TOOL_OPTIONS", opts.toString().trim());
    env.putAll(extra);
    NodeProcess bpp = net.startNode("bpp", bppId, env, NETWORK);
    ConformanceNetwork.publishOffer(bpp, "6.25", 20, "TEST_");
    int port = LoopbackSubscribers.freePort();
    kit.registerLocally(net.registryUrl(), "BAP", "http://127.0.0.1:" + port, NETWORK);
    ConformanceReport report =
        new Wave2BppConformance(
                new Wave2BppConformance.Config(
                    bpp.url(),
                    bppId,
                    net.registryUrl(),
                    kit,
                    "127.0.0.1",
                    port,
                    null,
                    NETWORK,
                    null,
                    null,
                    "PVVNL",
                    sellerLedger,
                    buyerLedger,
                    null))
            .run(line -> {});
    Files.writeString(
        net.dir().resolve(bppId + "-report.html"),
        HtmlReport.render(report),
        StandardCharsets.UTF_8);
    System.out.println(ConsoleReport.render(report));
    bpp.stop();
    return report;
  }

  private static void ledger(
      Map<String, String> props, String code, String discomId, KitIdentity kit, int port) {
    String at = "uei.bpp.wave2.discoms." + code + ".";
    props.put(at + "subscriber-id", discomId);
    props.put(at + "uri", "http://127.0.0.1:" + port);
    props.put(at + "ledger-id", kit.subscriberId());
    props.put(at + "ledger-uri", "http://127.0.0.1:" + port);
  }

  /** The IES test network's rules, with ledger URLs checked against the seller's DISCOM records. */
  private static String policy() {
    return """
        {
          "currencies": ["INR"],
          "policyQueryPath": "data.deg.contracts.p2p_trading",
          "tradingWindow": {"opensBefore": "PT24H", "gateClosureBefore": "PT4H"},
          "charges": {"wheelingBuyerPerKwh": 0, "wheelingSellerPerKwh": 0, "penaltyPerKwh": 0,
                      "platformChargeCapPerKwh": 0.42},
          "environments": {
            "test": {
              "production": false,
              "networkIds": ["%s"],
              "approvedDiscoms": ["TPDDL", "PVVNL"],
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
  }

  @Test
  void ourBppNodePassesEveryCaseThatApplies() throws Exception {
    ConformanceReport report = runAgainstBpp("bpp.wave2.conformance.local", Map.of());
    assertEquals(Set.of(), report.ids(Outcome.FAILED), ConsoleReport.render(report));
    assertEquals(
        Set.of(),
        report.ids(Outcome.NOT_RUN).stream()
            .filter(id -> !id.equals(Wave2BppCases.REVENUE_FLOW.id()))
            .collect(java.util.stream.Collectors.toSet()),
        "only the revenue-flow case waits for a settlement: " + ConsoleReport.render(report));
    assertTrue(report.passed());
  }

  @Test
  void withoutSignatureChecksExactlyTheInboundSignatureCasesFail() throws Exception {
    ConformanceReport report =
        runAgainstBpp(
            "bpp-insecure.wave2.conformance.local",
            Map.of("UEI_TESTING_INSECURE_SKIP_SIGNATURE_VERIFICATION", "true"));
    assertEquals(
        new TreeSet<>(Set.of(Wave2BppCases.MISSING_SIGNATURE.id(), Wave2BppCases.WRONG_KEY.id())),
        report.ids(Outcome.FAILED),
        ConsoleReport.render(report));
  }

  @Test
  void ourBapNodePassesEveryCase() throws Exception {
    KitIdentity kit = KitIdentity.fresh("kit-seller.wave2.conformance.local");
    int port = LoopbackSubscribers.freePort();
    String kitUrl = "http://127.0.0.1:" + port;
    kit.registerLocally(net.registryUrl(), "BPP", kitUrl, NETWORK);
    Map<String, String> props = new LinkedHashMap<>();
    props.put("uei.bap.wave2.discoms.TPDDL.discom-id", "tpddl.discom");
    props.put("uei.bap.wave2.discoms.TPDDL.discom-uri", kitUrl);
    props.put("uei.bap.wave2.discoms.TPDDL.ledger-id", kit.subscriberId());
    props.put("uei.bap.wave2.discoms.TPDDL.ledger-uri", kitUrl);
    props.put("uei.bap.wave2.discoms.PVVNL.discom-id", "pvvnl.discom.conformance");
    props.put("uei.bap.wave2.discoms.PVVNL.discom-uri", kitUrl);
    props.put("uei.bap.wave2.discoms.PVVNL.ledger-id", kit.subscriberId());
    props.put("uei.bap.wave2.discoms.PVVNL.ledger-uri", kitUrl);
    props.put("uei.bap.wave2.discovery-url", kitUrl);
    StringBuilder opts = new StringBuilder();
    props.forEach((k, v) -> opts.append(" -D").append(k).append('=').append(v));
    NodeProcess bap =
        net.startNode(
            "bap",
            "bap.wave2.conformance.local",
            Map.of(
                "UEI_WIRE",
                "wave2",
                "UEI_NETWORK_ID",
                NETWORK,
                "JAVA_TOOL_OPTIONS",
                opts.toString().trim()),
            NETWORK);
    ConformanceReport report =
        new Wave2BapConformance(
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
        net.dir().resolve("bap-wave2-report.html"),
        HtmlReport.render(report),
        StandardCharsets.UTF_8);
    System.out.println(ConsoleReport.render(report));
    bap.stop();
    assertEquals(Wave2BapCases.ALL.size(), report.results().size());
    assertEquals(Set.of(), report.ids(Outcome.FAILED), ConsoleReport.render(report));
    assertEquals(Set.of(), report.ids(Outcome.NOT_RUN), ConsoleReport.render(report));
  }

  @Test
  void ourLedgerProviderPassesEveryCase() throws Exception {
    Wave2LedgerConformance.Identities ids =
        Wave2LedgerConformance.Identities.fresh(
            "kit-platform.ledger.conformance.local", "tpddl.discom.ledger.conformance.local");
    ids.registerLocally(net.registryUrl(), "http://127.0.0.1:9/conformance-kit", NETWORK);
    NodeProcess ledger =
        net.startNode(
            "bpp",
            "ledger.tpddl.conformance.local",
            Map.of(
                "UEI_WIRE",
                "wave2",
                "UEI_NETWORK_ID",
                NETWORK,
                "UEI_BPP_LEDGER_ENABLED",
                "true",
                "UEI_BPP_LEDGER_DISCOM_ID",
                "TPDDL",
                "UEI_BPP_LEDGER_ACTUALS_ENABLED",
                "false",
                // Map keys (DISCOM codes) do not survive the environment-variable name mapping.
                "JAVA_TOOL_OPTIONS",
                "-Duei.bpp.ledger.discoms.TPDDL=" + ids.discom().subscriberId()),
            NETWORK);
    ConformanceReport report =
        new Wave2LedgerConformance(
                new Wave2LedgerConformance.Config(
                    ledger.url(), net.registryUrl(), ids, "TPDDL", null, null))
            .run(line -> {});
    Files.writeString(
        net.dir().resolve("ledger-report.html"), HtmlReport.render(report), StandardCharsets.UTF_8);
    System.out.println(ConsoleReport.render(report));
    ledger.stop();
    assertEquals(
        Wave2LedgerCases.ALL.size(), report.count(Outcome.PASSED), ConsoleReport.render(report));
    assertTrue(report.passed());
  }
}
