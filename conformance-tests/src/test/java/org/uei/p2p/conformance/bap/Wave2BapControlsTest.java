package org.uei.p2p.conformance.bap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.bap.Wave2BuyerDouble.Fault;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.registry.local.LocalRegistry;

/**
 * The wave-2 kit playing the seller against a buyer double: the honest buyer passes every case and
 * each fault fails the run with its case named.
 */
class Wave2BapControlsTest {

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
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String kitUrl = "http://127.0.0.1:" + port;
    KitIdentity kit = KitIdentity.fresh("kit-w2-seller-" + fault.name().toLowerCase() + ".local");
    try (Wave2BuyerDouble buyer = new Wave2BuyerDouble(registry.baseUrl(), kitUrl, fault)) {
      BapConformance.Config config =
          new BapConformance.Config(
              buyer.url(),
              registry.baseUrl(),
              kit,
              "127.0.0.1",
              port,
              null,
              Duration.ofSeconds(3),
              null,
              buyer);
      ConformanceReport report =
          new Wave2BapConformance(config)
              .whenListening(
                  url -> kit.registerLocally(registry.baseUrl(), "BPP", url, "ies-wave2"))
              .run(line -> {});
      System.out.println(fault + "\n" + ConsoleReport.render(report));
      return report;
    }
  }

  private static void assertCaught(Fault fault, ConformanceCase c, String reasonPattern)
      throws Exception {
    ConformanceReport report = report(fault);
    assertFalse(report.passed(), fault + " must fail the run");
    assertTrue(report.ids(Outcome.FAILED).contains(c.id()), report.ids(Outcome.FAILED).toString());
    CaseResult r =
        report.results().stream().filter(x -> x.conformanceCase().equals(c)).findFirst().get();
    assertTrue(r.reason().matches(reasonPattern), r.reason());
  }

  @Test
  void theHonestBuyerPassesEveryCase() throws Exception {
    ConformanceReport report = report(Fault.NONE);
    assertTrue(report.passed(), ConsoleReport.render(report));
    assertEquals(
        Wave2BapCases.ALL.size(), report.count(Outcome.PASSED), ConsoleReport.render(report));
  }

  @Test
  void anUnsignedConfirmFailsTheSignatureCase() throws Exception {
    assertCaught(Fault.UNSIGNED_CONFIRM, Wave2BapCases.SIGNED, "confirm \\S+: .+");
  }

  @Test
  void aContractWithoutTheDiscomLedgersFailsTheLedgerCase() throws Exception {
    assertCaught(
        Fault.NO_LEDGERS,
        Wave2BapCases.LEDGERS,
        "the init's contract names no DiscomLedgerProvider with a ledgerUri for buyerDiscom");
  }

  @Test
  void aConfirmWithoutTheSettlementTermsFailsTheSettlementCase() throws Exception {
    assertCaught(
        Fault.DROPS_SETTLEMENT,
        Wave2BapCases.SETTLEMENT,
        "confirm carries no settlement term, not on_init's VPA conformance-seller@upi");
  }

  @Test
  void aBuyerAcceptingAnUnsignedCallbackFailsOnlyThatCase() throws Exception {
    ConformanceReport report = report(Fault.ACCEPTS_UNSIGNED_CALLBACK);
    assertEquals(Set.of(Wave2BapCases.UNSIGNED_CALLBACK.id()), report.ids(Outcome.FAILED));
  }

  @Test
  void aBuyerTakingUnbalancedRevenueFlowsFailsThatCase() throws Exception {
    assertCaught(
        Fault.ACCEPTS_UNBALANCED_FLOWS,
        Wave2BapCases.UNBALANCED,
        "revenue flows summing to 1\\.00 got HTTP 200 ACK, not HTTP 400 with a NACK");
  }

  @Test
  void aBuyerKeepingTheSellerAllocationsToItselfFailsThePassOnCase() throws Exception {
    assertCaught(
        Fault.KEEPS_ALLOCATIONS,
        Wave2BapCases.PASSED_ON,
        "ACKed, but no on_status with the SELLER_DISCOM_ALLOC reached the buyer DISCOM's ledger at"
            + " \\S+ within PT6S");
  }
}
