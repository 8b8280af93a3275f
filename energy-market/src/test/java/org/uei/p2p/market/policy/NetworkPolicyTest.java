package org.uei.p2p.market.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The network policy on the project's own init, one broken rule at a time. */
class NetworkPolicyTest {

  private static final String ROLES = ContractPolicyTest.ROLES;
  private static final String PARTIES = ContractPolicyTest.PARTIES;
  private static final String TABLE = ContractPolicyTest.TABLE;
  private final PolicyEngine engine = ContractPolicyTest.iesEngine();

  private PolicyDecision check(Fixture f) {
    return engine.network(f.request());
  }

  private void breaksAt(Fixture f, String rule, String path) {
    PolicyDecision d = check(f);
    assertEquals(PolicyOutcome.BLOCKED, d.outcome());
    assertEquals(path, ContractPolicyTest.only(d, rule).path(), d::summary);
  }

  @Test
  void allowsTheInit() {
    assertEquals(PolicyOutcome.ALLOWED, check(Fixture.of("init.json")).outcome());
  }

  @Test
  void gatesEveryActionOnVersionAndNetwork() {
    Fixture discover =
        Fixture.of("init.json").set("/context/action", "discover").remove("/message/contract");
    assertEquals(PolicyOutcome.ALLOWED, check(discover).outcome());
    breaksAt(
        Fixture.of("init.json").set("/context/version", "1.1.0"),
        NetworkPolicy.VERSION,
        "context.version");
    assertEquals(
        "30000",
        check(Fixture.of("init.json").set("/context/version", "1.1.0")).nackCode().orElseThrow());
    breaksAt(
        discover.set("/context/networkId", "beckn.one:deg:p2p-trading"),
        NetworkPolicy.NETWORK,
        "context.networkId");
    breaksAt(Fixture.of("init.json").remove("/context"), NetworkPolicy.CONTEXT, "context");
  }

  @Test
  void requiresTheFourRolesAndNoOthers() {
    breaksAt(
        Fixture.of("init.json").remove(ROLES + "/0"),
        NetworkPolicy.ROLES,
        "message.contract.contractAttributes.roles");
    PolicyDecision renamed = check(Fixture.of("init.json").set(ROLES + "/0/role", "aggregator"));
    assertEquals(
        List.of(
            "message.contract.contractAttributes.roles[0].role",
            "message.contract.contractAttributes.roles"),
        renamed.violations().stream()
            .filter(v -> v.ruleId().equals(NetworkPolicy.ROLES))
            .map(PolicyViolation::path)
            .toList());
    assertTrue(renamed.violations().get(0).message().startsWith("unknown role \"aggregator\""));
  }

  @Test
  void requiresTwoDiscomsOnTheInterDiscomNetwork() {
    breaksAt(
        Fixture.of("init.json").set(ROLES + "/3/participantId", "PVVNL"),
        NetworkPolicy.INTER_DISCOM,
        "message.contract.contractAttributes.roles[3].participantId");
  }

  @Test
  void refusesSelfTrade() {
    breaksAt(
        Fixture.of("init.json")
            .set(PARTIES + "/0/participantAttributes/meterId", "TEST_PVVNL_M0007"),
        NetworkPolicy.SELF_TRADE,
        "message.contract.participants[0].participantAttributes.meterId");
  }

  @Test
  void keepsTestMetersAndRealMetersApart() {
    breaksAt(
        Fixture.of("init.json").set(PARTIES + "/0/participantAttributes/meterId", "TPDDL_M0042"),
        NetworkPolicy.TEST_METER,
        "message.contract.participants[0].participantAttributes.meterId");
    breaksAt(
        ContractPolicyTest.productionInit()
            .set(PARTIES + "/1/participantAttributes/meterId", "TEST_PVVNL_M0007"),
        NetworkPolicy.TEST_METER,
        "message.contract.participants[1].participantAttributes.meterId");
  }

  @Test
  void admitsOnlyApprovedDiscomsInProduction() {
    assertEquals(PolicyOutcome.ALLOWED, check(ContractPolicyTest.productionInit()).outcome());
    breaksAt(
        ContractPolicyTest.productionInit().set(ROLES + "/3/participantId", "TEST_DISCOM_BUYER"),
        NetworkPolicy.DISCOM_APPROVED,
        "message.contract.contractAttributes.roles[3].participantId");
  }

  @Test
  void pinsThePolicyEntryPoint() {
    breaksAt(
        Fixture.of("init.json")
            .set("/message/contract/contractAttributes/policy/queryPath", "data.evil.allow"),
        NetworkPolicy.POLICY_PIN,
        "message.contract.contractAttributes.policy.queryPath");
    String offerPin =
        "/message/catalogs/0/offers/0/offerAttributes/contractAttributes/policy/queryPath";
    breaksAt(
        Fixture.of("catalog_publish.json").set(offerPin, "data.evil.allow"),
        NetworkPolicy.POLICY_PIN,
        "message.catalogs[0].offers[0].offerAttributes.contractAttributes.policy.queryPath");
  }

  @Test
  void requiresTheContextIdsToBePartiesOfTheContract() {
    breaksAt(
        Fixture.of("init.json").set("/context/bppId", "bpp.elsewhere.example"),
        NetworkPolicy.PARTY_ALIGNMENT,
        "context.bppId");
  }

  @Test
  void checksTheTable() {
    breaksAt(
        Fixture.of("init.json").set(TABLE + "/payloadDescriptors/0/currency", "EUR"),
        NetworkPolicy.CURRENCY,
        "message.contract.commitments[0].commitmentAttributes.payloadDescriptors[0].currency");
    breaksAt(
        Fixture.of("init.json").set(TABLE + "/payloadDescriptors/1/units", "MWH"),
        NetworkPolicy.UNITS,
        "message.contract.commitments[0].commitmentAttributes.payloadDescriptors[1].units");
    breaksAt(
        Fixture.of("init.json").set(TABLE + "/intervals/0/payloads/1/type", "REQUESTED_QT"),
        NetworkPolicy.UNDECLARED_PAYLOAD,
        "message.contract.commitments[0].commitmentAttributes.intervals[0].payloads[1].type");
    breaksAt(
        Fixture.of("init.json")
            .set("/message/contract/commitments/0/resources/0/resourceAttributes/type", "GRID"),
        NetworkPolicy.SOURCE_TYPE,
        "message.contract.commitments[0].resources[0].resourceAttributes.type");
  }

  @Test
  void refusesAFinalAllocationAboveWhatADiscomAllocated() {
    String fin =
        "/message/contract/commitments/0/commitmentAttributes/intervals/0/payloads/6/values/0";
    PolicyDecision d =
        engine.network(
            Fixture.of("on_status.json")
                .set(
                    fin,
                    new com.fasterxml.jackson.databind.node.DecimalNode(
                        new java.math.BigDecimal("3.5")))
                .request());
    PolicyViolation v = ContractPolicyTest.only(d, NetworkPolicy.FINAL_ALLOC);
    assertTrue(v.message().contains("more than min"), v.message());
  }
}
