package org.uei.p2p.market.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.book.InMemoryTradeBook;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.policy.DiscomRegistry.DiscomRecord;
import org.uei.p2p.model.trade.TradeSide;

/**
 * The contract policy on the project's own wave-2 init: TPDDL (Delhi) buys from a PVVNL (UP)
 * prosumer on the IES test network, both DISCOMs recording on the canonical IES ledger.
 */
class ContractPolicyTest {

  static final String IES_LEDGER = "https://ies-p2p-energy-ledger.beckn.io";
  static final String PROD = "indiaenergystack.in/ies-p2p-trading-network";

  /** Roles in the fixture: 0 sellerPlatform, 1 buyerPlatform, 2 sellerDiscom, 3 buyerDiscom. */
  static final String ROLES = "/message/contract/contractAttributes/roles";

  /** Participants: 0 buyer platform, 1 seller platform, 2 TPDDL, 3 PVVNL. */
  static final String PARTIES = "/message/contract/participants";

  static final String TABLE = "/message/contract/commitments/0/commitmentAttributes";

  private final PolicyEngine engine = ContractPolicyTest.iesEngine();

  static Fixture init() {
    return Fixture.of("init.json");
  }

  /**
   * The init moved to the production network with real meters (production refuses TEST_ meters).
   */
  static Fixture productionInit() {
    return init()
        .set("/context/networkId", PROD)
        .set(PARTIES + "/0/participantAttributes/meterId", "TPDDL_M0042")
        .set(PARTIES + "/1/participantAttributes/meterId", "PVVNL_M0007")
        .set("/message/contract/commitments/0/resources/0/resourceAttributes/id", "PVVNL_M0007");
  }

  /**
   * The IES defaults, with both fixture DISCOMs registered on the IES ledger (production checks the
   * registry).
   */
  static PolicyEngine iesEngine() {
    return productionEngine(IES_LEDGER);
  }

  static PolicyEngine productionEngine(String tpddlLedger) {
    return PolicyEngine.builder()
        .registry(
            DiscomRegistry.of(
                Map.of(
                    "TPDDL", new DiscomRecord("TPDDL", null, tpddlLedger),
                    "PVVNL",
                        new DiscomRecord("PVVNL", "ies-p2p-energy-ledger.beckn.io", IES_LEDGER))))
        .build();
  }

  static PolicyViolation only(PolicyDecision d, String ruleId) {
    List<PolicyViolation> hits =
        d.violations().stream().filter(v -> v.ruleId().equals(ruleId)).toList();
    assertEquals(1, hits.size(), () -> ruleId + " once in " + d.violations());
    return hits.get(0);
  }

  @Test
  void allowsATradeBetweenApprovedDiscomsOnTheTestNetwork() {
    PolicyDecision d = engine.contract(init().request());
    assertEquals(PolicyOutcome.ALLOWED, d.outcome(), d::summary);
    assertFalse(d.rejects());
    assertEquals(
        List.of(),
        engine.evaluate(init().request()).stream().flatMap(x -> x.violations().stream()).toList());
  }

  @Test
  void blocksABuyerDiscomThatMayNotBuyFromThisDiscom() {
    PolicyDecision d =
        engine.contract(
            init()
                .set(ROLES + "/3/participantId", "NDMC")
                .set(PARTIES + "/2/id", "NDMC")
                .request());
    assertEquals(PolicyOutcome.BLOCKED, d.outcome());
    PolicyViolation v = only(d, ContractPolicy.BUYER_DISCOM);
    assertEquals("message.contract.contractAttributes.roles[3].participantId", v.path());
    assertEquals("50000", v.code());
    assertTrue(
        v.message().contains("\"NDMC\"") && v.message().contains("test network"), v.message());
  }

  @Test
  void isNotApplicableToAnotherDiscomsProsumersAndSaysSo() {
    PolicyDecision d =
        engine.contract(
            init()
                .set(ROLES + "/2/participantId", "KSEB")
                .set(PARTIES + "/3/id", "KSEB")
                .request());
    assertEquals(PolicyOutcome.NOT_APPLICABLE, d.outcome());
    assertTrue(d.rejects(), "the wrong policy linked is refused, as the published policy does");
    assertEquals(
        "message.contract.contractAttributes.roles[2].participantId",
        only(d, ContractPolicy.APPLICABILITY).path());
  }

  @Test
  void isNotApplicableToActionsWithoutContractOrCatalog() {
    PolicyDecision d =
        engine.contract(
            init().set("/context/action", "discover").remove("/message/contract").request());
    assertEquals(PolicyOutcome.NOT_APPLICABLE, d.outcome());
    assertFalse(d.rejects());
  }

  @Test
  void blocksAPriceInAnotherCurrency() {
    PolicyDecision d =
        engine.contract(init().set(TABLE + "/payloadDescriptors/0/currency", "EUR").request());
    PolicyViolation v = only(d, ContractPolicy.CURRENCY);
    assertEquals(
        "message.contract.commitments[0].commitmentAttributes.payloadDescriptors[0].currency",
        v.path());
    assertTrue(v.message().contains("EUR") && v.message().contains("INR"), v.message());
  }

  @Test
  void blocksAnUnknownNetworkAndAMissingOne() {
    PolicyDecision d =
        engine.contract(init().set("/context/networkId", "rogue.example/p2p").request());
    assertEquals(PolicyOutcome.BLOCKED, d.outcome());
    assertEquals("context.networkId", only(d, ContractPolicy.NETWORK).path());
    PolicyDecision missing = engine.contract(init().remove("/context/networkId").request());
    assertEquals("30000", only(missing, ContractPolicy.NETWORK).code());
  }

  @Test
  void blocksALedgerTheTestNetworkDoesNotPermit() {
    PolicyDecision d =
        engine.contract(
            init()
                .set(
                    PARTIES + "/2/participantAttributes/ledgerUri",
                    "http://rogue-ledger.example.com")
                .request());
    PolicyViolation v = only(d, ContractPolicy.LEDGER_URL);
    assertEquals("message.contract.participants[2].participantAttributes.ledgerUri", v.path());
    assertTrue(
        v.message().startsWith("buyerDiscom ledgerUri \"http://rogue-ledger.example.com\""),
        v.message());
  }

  @Test
  void acceptsTheSameLedgerWrittenWithATrailingSlashOrUpperCaseHost() {
    PolicyDecision d =
        engine.contract(
            init()
                .set(
                    PARTIES + "/2/participantAttributes/ledgerUri",
                    "https://IES-P2P-Energy-Ledger.beckn.io/")
                .request());
    assertEquals(PolicyOutcome.ALLOWED, d.outcome(), d::summary);
  }

  @Test
  void inProductionTheLedgerMustBeTheOneTheDiscomRegistered() {
    assertEquals(
        PolicyOutcome.ALLOWED,
        productionEngine(IES_LEDGER).contract(productionInit().request()).outcome());
    PolicyDecision d =
        productionEngine("https://ledger.tpddl.example").contract(productionInit().request());
    PolicyViolation v = only(d, ContractPolicy.LEDGER_URL);
    assertTrue(v.message().contains("not the ledger DISCOM TPDDL registered"), v.message());
    PolicyEngine noTpddl =
        PolicyEngine.builder()
            .registry(
                DiscomRegistry.of(Map.of("PVVNL", new DiscomRecord("PVVNL", null, IES_LEDGER))))
            .build();
    assertEquals(
        "message.contract.participants[2].participantAttributes.ledgerUri",
        only(noTpddl.contract(productionInit().request()), ContractPolicy.LEDGER_UNREGISTERED)
            .path());
  }

  @Test
  void blocksADiscomLedgerWithoutUrl() {
    PolicyDecision d =
        engine.contract(init().remove(PARTIES + "/3/participantAttributes/ledgerUri").request());
    assertEquals(
        "message.contract.participants[3].participantAttributes.ledgerUri",
        only(d, ContractPolicy.LEDGER_MISSING).path());
  }

  @Test
  void blocksATestPartnerInProduction() {
    PolicyDecision d =
        productionEngine(IES_LEDGER)
            .contract(
                productionInit()
                    .set(ROLES + "/3/participantId", "TEST_DISCOM_BUYER")
                    .set(PARTIES + "/2/id", "TEST_DISCOM_BUYER")
                    .request());
    assertEquals(PolicyOutcome.BLOCKED, d.outcome());
    PolicyViolation v = only(d, ContractPolicy.BLOCKED_PARTNER);
    assertTrue(v.message().contains("production"), v.message());
    only(d, ContractPolicy.BUYER_DISCOM);
  }

  @Test
  void blocksAMissingRoleAndARoleWithoutParticipant() {
    PolicyDecision noRole = engine.contract(init().remove(ROLES + "/1").request());
    assertEquals(
        "message.contract.contractAttributes.roles", only(noRole, ContractPolicy.ROLES).path());
    PolicyDecision noParty = engine.contract(init().remove(PARTIES + "/3").request());
    PolicyViolation v = only(noParty, ContractPolicy.PARTICIPANT);
    assertEquals("message.contract.contractAttributes.roles[2].participantId", v.path());
    assertTrue(v.message().contains("PVVNL"), v.message());
  }

  @Test
  void blocksASelfTradeThroughTheTradingRules() {
    PolicyDecision d =
        engine.contract(
            init().set(PARTIES + "/0/participantAttributes/meterId", "TEST_PVVNL_M0007").request());
    PolicyViolation v = only(d, "TRADE-SELF-TRADE");
    assertEquals("message.contract.participants[0].participantAttributes.meterId", v.path());
  }

  @Test
  void blocksTheSlotWhoseGateHasClosedAndOnlyThatOne() {
    // Slots start 04:30Z and 05:30Z; gate closure T−4 h is 00:30Z and 01:30Z.
    PolicyDecision d = engine.contract(init().at(Instant.parse("2026-11-26T01:00:00Z")));
    PolicyViolation v = only(d, "TRADE-GATE-CLOSED");
    assertEquals("message.contract.commitments[0].commitmentAttributes.intervals[0]", v.path());
    assertEquals("50000", v.code());
    assertTrue(
        engine
            .contract(init().at(Instant.parse("2026-11-24T09:00:00Z")))
            .breaks("TRADE-TRADING-NOT-OPEN"));
  }

  @Test
  void checksTheSellersCapWhenTheNodeKnowsItsMeters() {
    InMemoryMeterDirectory meters =
        new InMemoryMeterDirectory(
            List.of(
                new MeterInfo(
                    "TEST_PVVNL_M0007",
                    "PVVNL",
                    "PVVNL-CA-0007",
                    "UP",
                    new BigDecimal("3.6"),
                    BigDecimal.ONE)));
    PolicyEngine capped =
        PolicyEngine.builder()
            .registry(id -> java.util.Optional.empty())
            .caps(meters, new InMemoryTradeBook(), Set.of(TradeSide.SELLER))
            .build();
    PolicyViolation v = only(capped.contract(init().request()), "TRADE-SELLER-CAP");
    assertEquals("message.contract.commitments[0].commitmentAttributes.intervals[0]", v.path());
  }

  @Test
  void blocksADiscomPairOutsideTheConfiguredCorridors() throws Exception {
    PolicyEngine pilot =
        PolicyEngine.builder()
            .config(PolicyConfigLoaderTest.resource("pilot-policy.json"))
            .registry(
                DiscomRegistry.of(
                    Map.of(
                        "TPDDL",
                        new DiscomRecord("TPDDL", null, IES_LEDGER),
                        "KSEB",
                        new DiscomRecord("KSEB", null, IES_LEDGER),
                        "PVVNL",
                        new DiscomRecord("PVVNL", null, IES_LEDGER))))
            .build();
    assertEquals(PolicyOutcome.ALLOWED, pilot.contract(init().request()).outcome());
    PolicyDecision d =
        pilot.contract(
            init()
                .set(ROLES + "/3/participantId", "KSEB")
                .set(PARTIES + "/2/id", "KSEB")
                .request());
    assertEquals(
        "message.contract.contractAttributes.roles[3].participantId",
        only(d, ContractPolicy.DISCOM_PAIR).path());
  }

  @Test
  void refusesAnInitThatCannotBeReadAsTradesButLetsAPartialSelectThrough() {
    String qty = TABLE + "/intervals/0/payloads/1";
    PolicyDecision init = engine.contract(init().remove(qty).request());
    assertEquals("30000", only(init, "TRADE-UNREADABLE").code());
    assertEquals("30000", init.nackCode().orElseThrow());
    assertEquals(
        PolicyOutcome.ALLOWED,
        engine.contract(init().set("/context/action", "select").remove(qty).request()).outcome());
  }
}
