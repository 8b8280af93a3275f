package org.uei.p2p.conformance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.ledger.LedgerDouble.Fault;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.registry.local.LocalRegistry;

/**
 * The ledger kit against a ledger double: the honest one passes every case, and each injected fault
 * fails the run with the case that names it.
 */
class Wave2LedgerControlsTest {

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
    String name = fault.name().toLowerCase().replace('_', '-');
    Wave2LedgerConformance.Identities ids =
        Wave2LedgerConformance.Identities.fresh(
            "kit-ledger-" + name + ".local", "discom-" + name + ".local");
    try (LedgerDouble ledger =
        new LedgerDouble(registry.baseUrl(), "TPDDL", ids.discom().subscriberId(), fault)) {
      ConformanceReport report =
          new Wave2LedgerConformance(
                  new Wave2LedgerConformance.Config(
                      ledger.url(), registry.baseUrl(), ids, "TPDDL", null, null))
              .registration(
                  i -> i.registerLocally(registry.baseUrl(), "http://127.0.0.1:9/kit", "ies-wave2"))
              .run(line -> {});
      System.out.println(fault + "\n" + ConsoleReport.render(report));
      return report;
    }
  }

  private static CaseResult assertCaught(Fault fault, ConformanceCase failing) throws Exception {
    ConformanceReport report = report(fault);
    assertFalse(report.passed(), fault + " must fail the run");
    assertEquals(Set.of(failing.id()), report.ids(Outcome.FAILED), ConsoleReport.render(report));
    return report.results().stream()
        .filter(r -> r.conformanceCase().equals(failing))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theHonestLedgerPassesEveryCase() throws Exception {
    ConformanceReport report = report(Fault.NONE);
    assertTrue(report.passed(), ConsoleReport.render(report));
    assertEquals(Wave2LedgerCases.ALL.size(), report.count(Outcome.PASSED));
  }

  @Test
  void aLedgerThatChecksNoSignatureFailsBothSignatureCases() throws Exception {
    ConformanceReport report = report(Fault.ACCEPTS_UNSIGNED);
    assertEquals(
        Set.of(Wave2LedgerCases.UNSIGNED.id(), Wave2LedgerCases.WRONG_KEY.id()),
        report.ids(Outcome.FAILED),
        ConsoleReport.render(report));
    for (CaseResult r : report.results()) {
      if (r.outcome() == Outcome.FAILED) {
        assertEquals("expected HTTP 401, got HTTP 200", r.reason());
      }
    }
  }

  @Test
  void aLedgerTakingPutsFromTheDiscomFailsThePutByOthersCase() throws Exception {
    CaseResult r = assertCaught(Fault.DISCOM_PUTS, Wave2LedgerCases.PUT_BY_OTHERS);
    assertTrue(r.reason().startsWith("a put by the DISCOM "), r.reason());
  }

  @Test
  void aLedgerRecordingEachPutAgainFailsTheIdempotenceCase() throws Exception {
    CaseResult r = assertCaught(Fault.DUPLICATES_PUTS, Wave2LedgerCases.PUT_IDEMPOTENT);
    assertTrue(r.reason().startsWith("the repeated put names record "), r.reason());
  }

  @Test
  void aLedgerTakingActualsFromPlatformsFailsTheRecordCase() throws Exception {
    ConformanceReport report = report(Fault.PLATFORM_RECORDS);
    assertEquals(
        Set.of(Wave2LedgerCases.RECORD.id(), Wave2LedgerCases.ALLOCATE.id()),
        report.ids(Outcome.FAILED),
        ConsoleReport.render(report));
  }

  @Test
  void aLedgerShowingRecordsToStrangersFailsTheFilterCase() throws Exception {
    CaseResult r = assertCaught(Fault.STRANGER_READS, Wave2LedgerCases.GET_FILTERED);
    assertEquals("a platform party to nothing reads 1 record(s)", r.reason());
  }

  @Test
  void anErrorThatNamesNoFieldFailsTheBadInputCase() throws Exception {
    CaseResult r = assertCaught(Fault.ERROR_WITHOUT_FIELD, Wave2LedgerCases.BAD_INPUT);
    assertEquals("the error's details.field is '', not tradeDetails[0].tradeQty", r.reason());
  }
}
