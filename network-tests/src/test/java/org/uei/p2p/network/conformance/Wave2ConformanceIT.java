package org.uei.p2p.network.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
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
import org.uei.p2p.signing.BecknSigner;

/**
 * The conformance kit on IES wave 2 against our own nodes: the kit plays the buyer platform and
 * both DISCOMs' ledger providers against bpp-node (through the allocation cascade to the
 * settlement), a wave-2 seller platform against bap-node, and both platforms and a DISCOM against
 * bpp-node as a ledger provider. Our nodes pass every case that applies; a bpp-node with signature
 * checks switched off fails exactly the inbound signature cases.
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

  /**
   * Runs the kit as buyer platform and ledgers against a wave-2 bpp-node with {@code fault} in its
   * configuration or in front of its callbacks.
   */
  private static ConformanceReport runAgainstBpp(String bppId, BppFault fault) throws Exception {
    KitIdentity kit = KitIdentity.fresh("kit-for-" + bppId);
    // The DISCOMs' ledgers the kit plays sign as themselves, not as the buyer platform.
    KitIdentity ledgers = KitIdentity.fresh("ledgers-for-" + bppId);
    int sellerLedger = LoopbackSubscribers.freePort();
    int buyerLedger = LoopbackSubscribers.freePort();
    Path policy = net.dir().resolve(bppId + "-policy.json");
    boolean lax = fault == BppFault.ACCEPTS_POLICY_VIOLATION;
    Files.writeString(policy, policy(lax), StandardCharsets.UTF_8);
    Map<String, String> props = new LinkedHashMap<>();
    props.put("uei.bpp.wave2.policy-file", policy.toString());
    boolean misrouted = fault == BppFault.WRONG_LEDGER;
    // Misrouted, the seller DISCOM's ledger is configured at the buyer DISCOM's URL.
    ledger(
        props,
        "TPDDL",
        "tpddl.discom.conformance",
        ledgers,
        misrouted ? buyerLedger : sellerLedger);
    ledger(props, "PVVNL", "pvvnl.discom.conformance", ledgers, buyerLedger);
    if (lax) {
      // The kit's probe names the buyer ledger for the DISCOM no network allows.
      ledger(props, BppFault.OUTSIDE_DISCOM, BppFault.OUTSIDE_DISCOM, ledgers, buyerLedger);
    }
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
    env.putAll(fault.env());
    String kitLedger = "http://127.0.0.1:" + sellerLedger;
    String wrongLedger = "http://127.0.0.1:" + buyerLedger;
    // A misrouted seller's contracts name its configured ledger: in front of it, at its public
    // URL, it rewrites the kit's init to name it too.
    FaultProxy front =
        misrouted
            ? new FaultProxy(
                null, m -> BppFault.ledgerMoved(m, kitLedger, wrongLedger, kit.signer()))
            : null;
    if (front != null) {
      env.put("UEI_PUBLIC_URL", front.url());
    }
    NodeProcess bpp = net.startNode("bpp", bppId, env, NETWORK);
    if (front != null) {
      front.target(bpp.url());
    }
    ConformanceNetwork.publishOffer(bpp, "6.25", 20, "TEST_");
    int port = LoopbackSubscribers.freePort();
    BecknSigner own = BecknSigner.of(bppId, "k1", net.key(bppId));
    try (FaultProxy proxy =
        fault.inCallbacks()
            ? new FaultProxy("http://127.0.0.1:" + port, m -> fault.apply(m, own))
            : null) {
      String bapUri = proxy != null ? proxy.url() : "http://127.0.0.1:" + port;
      kit.registerLocally(net.registryUrl(), "BAP", bapUri, NETWORK);
      ConformanceReport report =
          new Wave2BppConformance(
                  new Wave2BppConformance.Config(
                      front != null ? front.url() : bpp.url(),
                      bppId,
                      net.registryUrl(),
                      kit,
                      "127.0.0.1",
                      port,
                      proxy != null ? bapUri : null,
                      NETWORK,
                      null,
                      null,
                      "PVVNL",
                      sellerLedger,
                      buyerLedger,
                      null,
                      ledgers))
              .whenLedgersListening(
                  url -> ledgers.registerLocally(net.registryUrl(), "BPP", url, NETWORK))
              .run(line -> {});
      Files.writeString(
          net.dir().resolve(bppId + "-report.html"),
          HtmlReport.render(report),
          StandardCharsets.UTF_8);
      System.out.println(fault + "\n" + ConsoleReport.render(report));
      return report;
    } finally {
      bpp.stop();
      if (front != null) {
        front.close();
      }
    }
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
  private static String policy(boolean allowOutside) {
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
              "approvedDiscoms": ["TPDDL", "PVVNL"%2$s],
              "applicableSellerDiscoms": ["TPDDL", "PVVNL"],
              "enforceAllowlist": true,
              "allowedBuyerDiscoms": ["TPDDL", "PVVNL"%2$s],
              "allowedDiscomPairs": [],
              "interDiscomOnly": true,
              "blockedPartners": [],
              "ledgerUrls": {"source": "registry", "allowed": []},
              "testMeterPrefix": "TEST_"
            }
          }
        }
        """
        .formatted(NETWORK, allowOutside ? ", \"" + BppFault.OUTSIDE_DISCOM + "\"" : "");
  }

  @Test
  void ourBppNodePassesEveryCaseThroughTheSettlement() throws Exception {
    ConformanceReport report = runAgainstBpp("bpp.wave2.conformance.local", BppFault.NONE);
    assertEquals(Set.of(), report.ids(Outcome.FAILED), ConsoleReport.render(report));
    // The allocation cascade settles the contract: the revenue-flow case runs too.
    assertEquals(Set.of(), report.ids(Outcome.NOT_RUN), ConsoleReport.render(report));
    assertEquals(Wave2BppCases.ALL.size(), report.count(Outcome.PASSED));
    assertTrue(report.passed());
  }

  @Test
  void withoutSignatureChecksExactlyTheInboundSignatureCasesFail() throws Exception {
    assertFailed(
        BppFault.INSECURE, Set.of(Wave2BppCases.MISSING_SIGNATURE, Wave2BppCases.WRONG_KEY));
  }

  @Test
  void aPolicyThatAllowsWhatTheNetworkForbidsFailsThePolicyCase() throws Exception {
    ConformanceReport report =
        assertFailed(BppFault.ACCEPTS_POLICY_VIOLATION, Set.of(Wave2BppCases.POLICY_REFUSAL));
    assertEquals(
        "accepted: an init whose buyer DISCOM "
            + BppFault.OUTSIDE_DISCOM
            + " no policy allows was ACKed and answered with on_init",
        result(report, Wave2BppCases.POLICY_REFUSAL).reason());
  }

  @Test
  void callbacksSignedWithAnotherKeyFailTheCallbackSignatureCase() throws Exception {
    ConformanceReport report =
        runAgainstBpp("bpp-wrong-key.wave2.conformance.local", BppFault.WRONG_KEY);
    CaseResult r = result(report, Wave2BppCases.CALLBACK_SIGNED);
    assertEquals(Outcome.FAILED, r.outcome(), ConsoleReport.render(report));
    assertTrue(r.reason().startsWith("on_discover "), r.reason());
    assertFalse(report.passed());
  }

  @Test
  void anOnInitWithAnotherMessageIdFailsTheEchoCase() throws Exception {
    CaseResult r =
        result(
            assertFailed(BppFault.MISSING_ECHO, Set.of(Wave2BppCases.ECHO_MESSAGE_ID)),
            Wave2BppCases.ECHO_MESSAGE_ID);
    assertTrue(
        r.reason().matches("on_init carries messageId '\\S+', not the request's '\\S+'"),
        r.reason());
  }

  @Test
  void anUnsignedOnConfirmFailsTheSignatureAndConfirmCases() throws Exception {
    ConformanceReport report =
        runAgainstBpp("bpp-unsigned.wave2.conformance.local", BppFault.UNSIGNED_CALLBACK);
    CaseResult r = result(report, Wave2BppCases.CALLBACK_SIGNED);
    assertEquals(Outcome.FAILED, r.outcome(), ConsoleReport.render(report));
    assertTrue(r.reason().startsWith("on_confirm "), r.reason());
    assertEquals(Outcome.FAILED, result(report, Wave2BppCases.CONFIRM).outcome());
  }

  @Test
  void revenueFlowsThatDoNotSumToZeroFailTheSettlementAndRevenueFlowCases() throws Exception {
    ConformanceReport report =
        assertFailed(
            BppFault.UNBALANCED_REVENUE_FLOW,
            Set.of(Wave2BppCases.FINAL_ALLOC, Wave2BppCases.REVENUE_FLOW));
    CaseResult r = result(report, Wave2BppCases.REVENUE_FLOW);
    assertTrue(r.reason().startsWith("on_status's revenue flows sum to 1"), r.reason());
  }

  @Test
  void aSellerWritingToAnotherDiscomsLedgerFailsTheLedgerCase() throws Exception {
    ConformanceReport report =
        assertFailed(BppFault.WRONG_LEDGER, Set.of(Wave2BppCases.LEDGER_FORWARD));
    assertTrue(
        result(report, Wave2BppCases.LEDGER_FORWARD)
            .reason()
            .matches(
                "the seller wrote to the buyer DISCOM's ledger \\(PVVNL, \\S+\\) instead of the"
                    + " seller DISCOM's \\(TPDDL, \\S+\\)"),
        ConsoleReport.render(report));
  }

  /** Runs against a bpp-node with {@code fault} and expects exactly {@code failing} failed. */
  private static ConformanceReport assertFailed(BppFault fault, Set<ConformanceCase> failing)
      throws Exception {
    ConformanceReport report =
        runAgainstBpp(
            "bpp-" + fault.name().toLowerCase().replace('_', '-') + ".wave2.conformance.local",
            fault);
    assertEquals(
        new TreeSet<>(failing.stream().map(ConformanceCase::id).toList()),
        report.ids(Outcome.FAILED),
        ConsoleReport.render(report));
    assertFalse(report.passed());
    return report;
  }

  private static CaseResult result(ConformanceReport report, ConformanceCase c) {
    return report.results().stream()
        .filter(r -> r.conformanceCase().equals(c))
        .findFirst()
        .orElseThrow();
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
