package org.uei.p2p.conformance.bpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.bpp.Wave2SellerDouble.Fault;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.registry.local.LocalRegistry;

/**
 * The wave-2 kit against a seller double: the honest one passes every case, and each injected fault
 * fails the run with the case that names it.
 */
class Wave2NegativeControlsTest {

  private static final Duration TTL = Duration.ofSeconds(3);
  private static LocalRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.builder().host("127.0.0.1").port(0).start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private static ConformanceReport report(Fault fault) throws Exception {
    try (Wave2SellerDouble seller = new Wave2SellerDouble(registry.baseUrl(), fault)) {
      KitIdentity kit = KitIdentity.fresh("kit-w2-" + fault.name().toLowerCase() + ".local");
      Wave2BppConformance.Config config =
          new Wave2BppConformance.Config(
              seller.url(),
              seller.id(),
              registry.baseUrl(),
              kit,
              null,
              0,
              null,
              null,
              TTL,
              null,
              null,
              0,
              0,
              Duration.ofMillis(800),
              null);
      ConformanceReport report =
          new Wave2BppConformance(config)
              .whenListening(
                  url -> kit.registerLocally(registry.baseUrl(), "BAP", url, "ies-wave2"))
              .run(line -> {});
      System.out.println(fault + "\n" + ConsoleReport.render(report));
      return report;
    }
  }

  private static Map<ConformanceCase, CaseResult> byCase(ConformanceReport report) {
    return report.results().stream().collect(Collectors.toMap(CaseResult::conformanceCase, r -> r));
  }

  /** The fault fails the run, with exactly {@code failing} failed, and the reason says why. */
  private static void assertCaught(Fault fault, ConformanceCase failing, String reasonPattern)
      throws Exception {
    ConformanceReport report = report(fault);
    assertFalse(report.passed(), fault + " must fail the run");
    assertEquals(Set.of(failing.id()), report.ids(Outcome.FAILED), fault.name());
    String reason = byCase(report).get(failing).reason();
    assertTrue(Pattern.compile(reasonPattern).matcher(reason).matches(), reason);
  }

  @Test
  void theHonestSellerPassesEveryCase() throws Exception {
    ConformanceReport report = report(Fault.NONE);
    assertTrue(report.passed(), ConsoleReport.render(report));
    // Without a ledger identity of its own the kit leaves the allocation cascade out.
    assertEquals(
        Wave2BppCases.ALL.size() - Wave2BppCases.SETTLEMENT.size(),
        report.count(Outcome.PASSED),
        ConsoleReport.render(report));
    assertEquals(
        Wave2BppCases.SETTLEMENT.stream().map(ConformanceCase::id).collect(Collectors.toSet()),
        report.ids(Outcome.NOT_RUN));
    assertTrue(
        byCase(report)
            .get(Wave2BppCases.LEDGER_BLOCKS)
            .reason()
            .matches("on_confirm came \\d+ ms after the ledger's answer"));
  }

  @Test
  void aSellerNotYetSettledPassesWithTheRevenueFlowCaseNotRun() throws Exception {
    ConformanceReport report = report(Fault.UNSETTLED);
    assertTrue(report.passed(), ConsoleReport.render(report));
    assertTrue(
        report.ids(Outcome.NOT_RUN).contains(Wave2BppCases.REVENUE_FLOW.id()),
        ConsoleReport.render(report));
  }

  @Test
  void callbacksSignedWithAnUnregisteredKeyFailTheSignatureCaseAndCountForNothing()
      throws Exception {
    ConformanceReport report = report(Fault.WRONG_KEY);
    assertFalse(report.passed());
    Map<ConformanceCase, CaseResult> results = byCase(report);
    CaseResult r = results.get(Wave2BppCases.CALLBACK_SIGNED);
    assertEquals(Outcome.FAILED, r.outcome(), r.reason());
    assertTrue(r.reason().startsWith("on_discover "), r.reason());
    CaseResult offers = results.get(Wave2BppCases.OFFERS);
    assertTrue(
        offers.reason().matches("on_discover for discover \\S+ failed signature verification .+"),
        offers.reason());
  }

  @Test
  void anUnsignedOnConfirmFailsTheSignatureAndConfirmCases() throws Exception {
    ConformanceReport report = report(Fault.UNSIGNED_CALLBACK);
    assertFalse(report.passed());
    Map<ConformanceCase, CaseResult> results = byCase(report);
    CaseResult r = results.get(Wave2BppCases.CALLBACK_SIGNED);
    assertEquals(Outcome.FAILED, r.outcome(), r.reason());
    assertTrue(r.reason().startsWith("on_confirm "), r.reason());
    assertEquals(Outcome.FAILED, results.get(Wave2BppCases.CONFIRM).outcome());
  }

  @Test
  void anOnInitWithAnotherMessageIdFailsTheEchoCase() throws Exception {
    assertCaught(
        Fault.MISSING_ECHO,
        Wave2BppCases.ECHO_MESSAGE_ID,
        "on_init carries messageId '\\S+', not the request's '\\S+'");
  }

  @Test
  void acceptingAContractThePolicyForbidsFailsThePolicyCase() throws Exception {
    assertCaught(
        Fault.ACCEPTS_POLICY_VIOLATION,
        Wave2BppCases.POLICY_REFUSAL,
        "accepted: an init whose buyer DISCOM CONFORMANCE_OUTSIDE_DISCOM no policy allows was"
            + " ACKed and answered with on_init");
  }

  @Test
  void revenueFlowsThatDoNotSumToZeroFailTheRevenueFlowCase() throws Exception {
    assertCaught(
        Fault.UNBALANCED_REVENUE_FLOW,
        Wave2BppCases.REVENUE_FLOW,
        "on_status's revenue flows sum to 1\\.00, not zero \\(tolerance 0\\.005\\)");
  }

  @Test
  void anOnConfirmThatDoesNotWaitForTheLedgerFailsTheBlockingCase() throws Exception {
    assertCaught(
        Fault.EARLY_ON_CONFIRM,
        Wave2BppCases.LEDGER_BLOCKS,
        "on_confirm arrived at \\S+,? (before the ledger write at|while the ledger still held its"
            + " answer) .+");
  }

  @Test
  void forwardingToTheBuyersLedgerFailsTheLedgerCase() throws Exception {
    assertCaught(
        Fault.WRONG_LEDGER,
        Wave2BppCases.LEDGER_FORWARD,
        "the seller wrote to the buyer DISCOM's ledger \\(PVVNL, \\S+\\) instead of the seller"
            + " DISCOM's \\(TPDDL, \\S+\\)");
  }
}
