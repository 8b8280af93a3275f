package org.uei.p2p.market.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.policy.config.Charges;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.DegContract;

class ContractSettlementTest {
  private static final Instant T = Instant.parse("2026-02-10T04:30:00Z");
  private static final SettlementCalculator FEES =
      new SettlementCalculator(SettlementPolicy.pilot());

  private static ReconciledTrade trade(int line, String kwh, String price, String settled) {
    Trade t =
        new Trade(
            "c-1/" + line,
            "bap",
            "bpp",
            new MeterPoint("TEST_BUYER", "BRPL"),
            new MeterPoint("TEST_SELLER", "PVVNL"),
            DeliverySlot.hourStarting(T.plusSeconds(3600L * line)),
            new BigDecimal(kwh),
            UnitPrice.inr(price),
            TradeStatus.CONFIRMED,
            T);
    return new ReconciledTrade(t, new BigDecimal(settled), new BigDecimal(settled));
  }

  private static BigDecimal sum(List<TradeSettlement> s, Predicate<SettlementLine> which) {
    return s.stream()
        .flatMap(x -> x.lines().stream())
        .filter(which)
        .map(SettlementLine::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void tradesEnergyAddsUpToTheContractValueRoundedOnce() {
    // 2.5 kWh × ₹4.55 = 11.375 in each of two trades: rounded one by one 22.76, the contract 22.75.
    List<ReconciledTrade> trades =
        List.of(trade(1, "3", "4.55", "2.5"), trade(2, "3", "4.55", "2.5"));
    ContractSettlement.Result r = ContractSettlement.settle(trades, Charges.IES, FEES);
    assertEquals(new BigDecimal("22.75"), r.contract().tradeValue());
    assertEquals(
        new BigDecimal("-22.75"),
        r.contract().flowOf(DegContract.BUYER_PLATFORM).orElseThrow().value());
    List<BigDecimal> energy =
        r.trades().stream()
            .map(
                s ->
                    s.lines().stream()
                        .filter(l -> l.type() == SettlementLineType.ENERGY)
                        .findFirst()
                        .orElseThrow()
                        .amount())
            .toList();
    assertEquals(List.of(new BigDecimal("11.38"), new BigDecimal("11.37")), energy);
    // fees follow the platform's profile: ₹0.21/kWh each side on 2.5 kWh
    assertEquals(
        new BigDecimal("1.06"),
        sum(
            r.trades(),
            l -> l.type() == SettlementLineType.PLATFORM_FEE && l.payer() == Payee.BUYER));
  }

  @Test
  void networkChargesAndPenaltyAreTheFlowsToTheDiscoms() {
    Charges charges =
        new Charges(
            new BigDecimal("0.333"),
            new BigDecimal("0.125"),
            new BigDecimal("1.005"),
            new BigDecimal("0.42"));
    List<ReconciledTrade> trades =
        List.of(
            trade(1, "2", "5.10", "1.5"), trade(2, "2", "5.10", "1.5"), trade(3, "2", "5", "2"));
    ContractSettlement.Result r = ContractSettlement.settle(trades, charges, FEES);
    RevenueFlows.Settlement s = r.contract();
    assertEquals(
        s.flowOf(DegContract.BUYER_DISCOM).orElseThrow().value(),
        sum(r.trades(), l -> l.payee() == Payee.BUYER_DISCOM));
    assertEquals(
        s.flowOf(DegContract.SELLER_DISCOM).orElseThrow().value(),
        sum(r.trades(), l -> l.payee() == Payee.SELLER_DISCOM));
    assertEquals(
        s.flowOf(DegContract.BUYER_PLATFORM).orElseThrow().value().negate(),
        sum(
            r.trades(),
            l ->
                l.payer() == Payee.BUYER
                    && (l.type() == SettlementLineType.ENERGY
                        || l.type() == SettlementLineType.WHEELING)));
    // the penalty is the seller's, on the 1 kWh shortfall of the first two trades
    assertEquals(new BigDecimal("1.01"), s.penalty());
    assertEquals(
        s.penalty(),
        sum(
            r.trades(),
            l -> l.type() == SettlementLineType.DEVIATION && l.payer() == Payee.SELLER));
    assertEquals(
        0,
        r.trades().get(2).lines().stream()
            .filter(l -> l.type() == SettlementLineType.DEVIATION)
            .count());
  }

  @Test
  void aProfilesStatementTakesTheContractsEnergyCutAndNoneOfItsNetworkCharges() {
    // The buyer drew 2.5 of 3 kWh: under a profile with a tariff that is deviation the contract
    // policy does not charge.
    SettlementCalculator profile =
        new SettlementCalculator(
            SettlementPolicy.pilot().withTariffs(java.util.Map.of("BRPL", new BigDecimal("7"))));
    List<ReconciledTrade> trades =
        List.of(trade(1, "3", "4.55", "2.5"), trade(2, "3", "4.55", "2.5"));
    List<TradeSettlement> own = trades.stream().map(profile::settle).toList();
    assertTrue(sum(own, l -> l.type() == SettlementLineType.DEVIATION).signum() > 0);
    assertEquals(new BigDecimal("22.76"), sum(own, l -> l.type() == SettlementLineType.ENERGY));
    List<TradeSettlement> cut = ContractSettlement.withContractEnergy(own);
    assertEquals(
        sum(
            ContractSettlement.settle(trades, Charges.IES, FEES).trades(),
            l -> l.type() == SettlementLineType.ENERGY),
        sum(cut, l -> l.type() == SettlementLineType.ENERGY));
    assertEquals(
        sum(own, l -> l.type() == SettlementLineType.PLATFORM_FEE),
        sum(cut, l -> l.type() == SettlementLineType.PLATFORM_FEE));
    assertEquals(
        ContractSettlement.settle(trades, Charges.IES, FEES).trades().stream()
            .map(TradeSettlement::lines)
            .toList(),
        cut.stream().map(TradeSettlement::lines).toList(),
        "under no charges, the seller's lines");
  }

  @Test
  void aCutGivesLeftoverPaiseToTheLargestRemainders() {
    assertEquals(
        List.of(new BigDecimal("0.34"), new BigDecimal("0.33"), new BigDecimal("0.33")),
        ContractSettlement.cut(
            new BigDecimal("1.00"),
            List.of(new BigDecimal("0.3334"), new BigDecimal("0.3333"), new BigDecimal("0.3333"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> ContractSettlement.cut(new BigDecimal("2.00"), List.of(new BigDecimal("1"))));
  }
}
