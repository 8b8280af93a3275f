package org.uei.p2p.conformance.bpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.uei.p2p.conformance.bap.SellerDouble;
import org.uei.p2p.conformance.bap.SellerDouble.Fault;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.registry.local.LocalRegistry;

/**
 * The kit against sellers built to slip through: a late on_select, one in another transaction, a
 * wrongly signed one, and a seller that refuses every select. Each is caught with the precise
 * verdict; the honest seller shows the same cases pass (its energy-rule cases fail only because it
 * checks no rule, which the compliant controls make visible).
 */
class NegativeControlsTest {

  private static final Duration TTL = Duration.ofSeconds(3);
  private static final List<ConformanceCase> RULES =
      List.of(
          BppCases.SELF_TRADE,
          BppCases.MIN_QUANTITY,
          BppCases.SLOT_ALIGNMENT,
          BppCases.GATE_CLOSURE);
  private static LocalRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.builder().host("127.0.0.1").port(0).start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private static Map<ConformanceCase, CaseResult> run(Fault fault) throws Exception {
    int kitPort;
    try (ServerSocket s = new ServerSocket(0)) {
      kitPort = s.getLocalPort();
    }
    try (SellerDouble seller = new SellerDouble(registry.baseUrl(), fault, TTL.plusMillis(1500))) {
      KitIdentity kit =
          KitIdentity.fresh("kit-" + fault.name().toLowerCase() + ".conformance.local");
      String callbackUrl = seller.callbackUrl("http://127.0.0.1:" + kitPort);
      BppConformance.Config config =
          new BppConformance.Config(
              seller.url(),
              seller.id(),
              registry.baseUrl(),
              kit,
              "127.0.0.1",
              kitPort,
              callbackUrl,
              null,
              TTL,
              null,
              null,
              null,
              null,
              null);
      ConformanceReport report =
          new BppConformance(config)
              .whenListening(
                  url -> kit.registerLocally(registry.baseUrl(), "BAP", url, config.domain()))
              .run(line -> {});
      System.out.println(fault + "\n" + ConsoleReport.render(report));
      return report.results().stream()
          .collect(Collectors.toMap(CaseResult::conformanceCase, r -> r));
    }
  }

  private static void assertVerdict(
      Map<ConformanceCase, CaseResult> results,
      ConformanceCase c,
      Outcome outcome,
      String reasonPattern) {
    CaseResult r = results.get(c);
    assertEquals(outcome, r.outcome(), c.id() + ": " + r.reason());
    assertTrue(
        Pattern.compile(reasonPattern).matcher(r.reason()).matches(), c.id() + ": " + r.reason());
  }

  @Test
  void theHonestSellerPassesTheJourneyAndItsCompliantControlsAreQuoted() throws Exception {
    Map<ConformanceCase, CaseResult> results = run(Fault.NONE);
    for (ConformanceCase c :
        List.of(
            BppCases.QUOTE,
            BppCases.INIT,
            BppCases.CONFIRM,
            BppCases.STATUS,
            BppCases.CALLBACK_SIGNED,
            BppCases.ECHO_CONTEXT,
            BppCases.ECHO_MESSAGE_ID,
            BppCases.WITHIN_TTL)) {
      assertEquals(
          Outcome.PASSED, results.get(c).outcome(), c.id() + ": " + results.get(c).reason());
    }
    for (ConformanceCase c : RULES) {
      assertVerdict(
          results, c, Outcome.FAILED, "accepted: on_select quotes the order without an error");
      assertEquals(
          4, results.get(c).evidence().size(), "control and probe, each with its on_select");
    }
  }

  @Test
  void aLateOnSelectIsReportedAsLateWithItsDelay() throws Exception {
    Map<ConformanceCase, CaseResult> results = run(Fault.LATE_ON_SELECT);
    assertVerdict(
        results,
        BppCases.QUOTE,
        Outcome.FAILED,
        "on_select arrived \\d+\\.\\d s after the request's timestamp \\+ ttl \\(\\S+\\), at \\S+");
    assertVerdict(
        results,
        BppCases.WITHIN_TTL,
        Outcome.FAILED,
        "on_select arrived \\d+\\.\\d s late: at \\S+, after the request's timestamp \\+ ttl \\S+");
    assertVerdict(results, BppCases.INIT, Outcome.NOT_RUN, "needs BPP-JRN-002, which did not pass");
  }

  @Test
  void anOnSelectInAnotherTransactionIsAContextError() throws Exception {
    Map<ConformanceCase, CaseResult> results = run(Fault.FOREIGN_TRANSACTION);
    assertVerdict(
        results,
        BppCases.QUOTE,
        Outcome.FAILED,
        "on_select answering message_id \\S+ carries"
            + " transaction_id 'foreign-transaction-0001', not the request's '\\S+'");
    assertVerdict(
        results,
        BppCases.ECHO_CONTEXT,
        Outcome.FAILED,
        "on_select does not echo transaction_id 'foreign-transaction-0001' \\(sent '\\S+'\\)");
  }

  @Test
  void aWronglySignedOnSelectCountsTowardNoCase() throws Exception {
    Map<ConformanceCase, CaseResult> results = run(Fault.WRONGLY_SIGNED_ON_SELECT);
    assertVerdict(
        results,
        BppCases.QUOTE,
        Outcome.FAILED,
        "on_select for select \\S+ failed signature verification"
            + " \\(.+\\); the kit answered 401 and does not count it");
    assertVerdict(results, BppCases.CALLBACK_SIGNED, Outcome.FAILED, "on_select \\S+: .+");
    for (ConformanceCase c : RULES) {
      assertVerdict(
          results,
          c,
          Outcome.FAILED,
          "the compliant control select \\(.+\\) was not quoted: ACKed, and"
              + " on_select for select \\S+ failed signature verification .+");
    }
  }

  @Test
  void aSellerThatRefusesEverySelectPassesNoRuleCase() throws Exception {
    Map<ConformanceCase, CaseResult> results = run(Fault.REFUSE_EVERY_SELECT);
    for (ConformanceCase c : RULES) {
      assertVerdict(
          results,
          c,
          Outcome.FAILED,
          "the compliant control select \\(select of 1 kWh for the offer's"
              + " slot .+\\) was not quoted: refused at once: HTTP 200 NACK 50000 \\(no energy for sale today\\); a"
              + " refusal of the violating select would show nothing about this rule");
      assertFalse(results.get(c).reason().contains("null"), results.get(c).reason());
    }
    assertVerdict(
        results,
        BppCases.QUOTE,
        Outcome.FAILED,
        "select was not acknowledged: HTTP 200 NACK 50000");
  }
}
