package org.uei.p2p.market.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.policy.config.Charges;

/**
 * The contract policy on a catalog publish and on the settled on_status, and the revenue flows it
 * prescribes.
 */
class SettlementAndCatalogTest {

  private static final Instant LATER = Instant.parse("2026-11-27T06:00:00Z");
  private static final String FLOWS =
      "/message/contract/consideration/0/considerationAttributes/revenueFlows";
  private final PolicyEngine engine = ContractPolicyTest.iesEngine();

  @Test
  void allowsTheSettledStatusWhoseFlowsAreThePolicysOwn() {
    PolicyDecision d = engine.contract(Fixture.of("on_status.json").at(LATER));
    assertEquals(PolicyOutcome.ALLOWED, d.outcome(), d::summary);
    assertEquals(
        PolicyOutcome.ALLOWED, engine.network(Fixture.of("on_status.json").at(LATER)).outcome());
  }

  @Test
  void computesTheRevenueFlowsFromFinalAllocationAndPrice() {
    var s =
        RevenueFlows.compute(
                Fixture.of("on_status.json").envelope().message().contract(), Charges.IES)
            .orElseThrow();
    // 3.2 kWh × 6.20 + 3.5 kWh × 6.5 = 42.59; 0.8 kWh short in the first slot.
    assertEquals(new BigDecimal("42.59"), s.tradeValue());
    assertEquals(new BigDecimal("0.8"), s.shortfallKwh().stripTrailingZeros());
    assertEquals(new BigDecimal("-42.59"), s.flowOf("buyerPlatform").orElseThrow().value());
    assertEquals(new BigDecimal("42.59"), s.flowOf("sellerPlatform").orElseThrow().value());
    Charges charged =
        new Charges(
            new BigDecimal("0.10"),
            new BigDecimal("0.20"),
            new BigDecimal("1.00"),
            new BigDecimal("0.42"));
    var c =
        RevenueFlows.compute(Fixture.of("on_status.json").envelope().message().contract(), charged)
            .orElseThrow();
    // 6.7 kWh settled: buyer wheeling 0.67, seller wheeling 1.34, penalty 0.80.
    assertEquals(new BigDecimal("-43.26"), c.flowOf("buyerPlatform").orElseThrow().value());
    assertEquals(new BigDecimal("40.45"), c.flowOf("sellerPlatform").orElseThrow().value());
    assertEquals(new BigDecimal("2.14"), c.flowOf("sellerDiscom").orElseThrow().value());
    assertEquals(
        0,
        c.flows().stream()
            .map(RevenueFlows.Flow::value)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .signum());
  }

  @Test
  void blocksFlowsThatDoNotSumToZeroOrDifferFromThePolicys() {
    PolicyDecision d =
        engine.contract(
            Fixture.of("on_status.json")
                .set(FLOWS + "/1/value", new DecimalNode(new BigDecimal("45.00")))
                .at(LATER));
    assertEquals(PolicyOutcome.BLOCKED, d.outcome());
    assertTrue(
        d.violations().stream().anyMatch(v -> v.path().endsWith("revenueFlows[1].value")),
        d::summary);
    assertTrue(
        d.violations().stream().anyMatch(v -> v.message().contains("sum to 2.41")), d::summary);
  }

  @Test
  void blocksASettledSlotWithoutPrice() {
    String interval = "/message/contract/commitments/0/commitmentAttributes/intervals/1/payloads/0";
    PolicyDecision d = engine.contract(Fixture.of("on_status.json").remove(interval).at(LATER));
    assertTrue(d.breaks(ContractPolicy.SETTLEMENT), d::summary);
  }

  @Test
  void allowsTheCatalogAndRefusesOneOfAnotherDiscom() {
    assertEquals(
        PolicyOutcome.ALLOWED,
        engine.contract(Fixture.of("catalog_publish.json").request()).outcome());
    assertEquals(
        PolicyOutcome.ALLOWED,
        engine.network(Fixture.of("catalog_publish.json").request()).outcome());
    String sellerRole =
        "/message/catalogs/0/offers/0/offerAttributes/contractAttributes/roles/1/participantId";
    PolicyDecision d =
        engine.contract(Fixture.of("catalog_publish.json").set(sellerRole, "KSEB").request());
    assertEquals(PolicyOutcome.BLOCKED, d.outcome());
    assertEquals(ContractPolicy.APPLICABILITY, d.violations().get(0).ruleId());
    assertEquals(
        "message.catalogs[0].offers[0].offerAttributes.contractAttributes.roles[1].participantId",
        d.violations().get(0).path());
  }

  @Test
  void refusesACatalogPricedInAnotherCurrency() {
    String cur =
        "/message/catalogs/0/offers/0/offerAttributes/commitmentAttributes/payloadDescriptors/0/currency";
    PolicyDecision d =
        engine.contract(Fixture.of("catalog_publish.json").set(cur, "USD").request());
    assertTrue(d.breaks(ContractPolicy.CURRENCY), d::summary);
  }
}
