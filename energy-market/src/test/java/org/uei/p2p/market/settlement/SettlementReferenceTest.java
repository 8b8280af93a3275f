package org.uei.p2p.market.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * {@link SettlementCalculator} against the rules written out line by line with the {@link
 * ReconciledTrade} helpers, on random trades with every line type present.
 */
class SettlementReferenceTest {
  private static final Instant T = Instant.parse("2026-02-10T04:30:00Z");
  private static final String[] KWH = {"0", "0.00", "0.5", "1.25", "2.50", "2.5", "3.125", "4"};
  private static final String[] DISCOMS = {"BRPL", "PVVNL", "TPDDL", "NOPE"};

  @Test
  void linesAreTheRulesWrittenOut() {
    SettlementPolicy policy =
        SettlementPolicy.pilot()
            .withTariffs(Map.of("BRPL", new BigDecimal("7.00"), "PVVNL", new BigDecimal("5.75")))
            .withNetworkCharges(
                Map.of(
                    SettlementPolicy.pairKey("PVVNL", "BRPL"),
                    new BigDecimal("0.35"),
                    SettlementPolicy.pairKey("BRPL", "TPDDL"),
                    new BigDecimal("0.105")),
                Map.of(SettlementPolicy.pairKey("UP", "DL"), new BigDecimal("0.125")));
    assertLinesAreTheRulesWrittenOut(policy, 17);
  }

  /**
   * The pilot: both sides pay the same fee rate (one amount serves both fee lines) and unsettled
   * energy is at a zero tariff (zero paise, whatever the quantity), without network charges.
   */
  @Test
  void pilotLinesAreTheRulesWrittenOut() {
    assertLinesAreTheRulesWrittenOut(SettlementPolicy.pilot(), 23);
  }

  /**
   * Fee rates that differ between the sides, a zero tariff written with three decimals next to a
   * non-zero one, and a zero fee share.
   */
  @Test
  void unequalFeesAndZeroRatesOfAnyScaleAreTheRulesWrittenOut() {
    Map<String, String> states = Map.of("BRPL", "DL", "TPDDL", "DL", "PVVNL", "UP");
    Map<String, BigDecimal> tariffs =
        Map.of("BRPL", new BigDecimal("0.000"), "PVVNL", new BigDecimal("6.125"));
    for (String share : new String[] {"0.3", "0", "1"}) {
      assertLinesAreTheRulesWrittenOut(
          new SettlementPolicy(
              new BigDecimal("0.45"),
              new BigDecimal(share),
              Map.of(),
              Map.of(),
              states,
              TradeSide.BUYER,
              tariffs,
              BigDecimal.ZERO,
              Duration.ofHours(72)),
          31);
    }
  }

  private static void assertLinesAreTheRulesWrittenOut(SettlementPolicy policy, long seed) {
    SettlementCalculator calculator = new SettlementCalculator(policy);
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal q = new BigDecimal(KWH[2 + random.nextInt(KWH.length - 2)]);
      Trade t =
          new Trade(
              "T-" + i,
              "bap",
              "bpp",
              new MeterPoint("B", DISCOMS[random.nextInt(4)]),
              new MeterPoint("S", DISCOMS[random.nextInt(4)]),
              DeliverySlot.hourStarting(T),
              q,
              UnitPrice.inr(random.nextBoolean() ? "6.25" : "5.333"),
              TradeStatus.CONFIRMED,
              T);
      ReconciledTrade r =
          new ReconciledTrade(
              t, min(q, KWH[random.nextInt(KWH.length)]), min(q, KWH[random.nextInt(KWH.length)]));
      assertEquals(reference(policy, r), calculator.settle(r), r.toString());
    }
  }

  private static BigDecimal min(BigDecimal q, String kwh) {
    return q.min(new BigDecimal(kwh));
  }

  private static TradeSettlement reference(SettlementPolicy policy, ReconciledTrade r) {
    Trade t = r.trade();
    BigDecimal settled = r.settledKwh();
    List<SettlementLine> lines = new ArrayList<>();
    lines.add(
        line(t, SettlementLineType.ENERGY, Payee.BUYER, Payee.SELLER, settled, t.price().perKwh()));
    lines.add(
        line(
            t,
            SettlementLineType.PLATFORM_FEE,
            Payee.BUYER,
            Payee.BUYER_PLATFORM,
            settled,
            policy.feeRate(TradeSide.BUYER)));
    lines.add(
        line(
            t,
            SettlementLineType.PLATFORM_FEE,
            Payee.SELLER,
            Payee.SELLER_PLATFORM,
            settled,
            policy.feeRate(TradeSide.SELLER)));
    String sellerDiscom = t.seller().discomId();
    String buyerDiscom = t.buyer().discomId();
    BigDecimal wheeling =
        policy.wheelingPerKwh().get(SettlementPolicy.pairKey(sellerDiscom, buyerDiscom));
    if (wheeling != null && wheeling.signum() > 0) {
      lines.add(
          line(t, SettlementLineType.WHEELING, Payee.BUYER, Payee.BUYER_DISCOM, settled, wheeling));
    }
    String sellerState = policy.discomStates().get(sellerDiscom);
    String buyerState = policy.discomStates().get(buyerDiscom);
    if (sellerState != null && buyerState != null && !sellerState.equals(buyerState)) {
      BigDecimal interState =
          policy.interStatePerKwh().get(SettlementPolicy.pairKey(sellerState, buyerState));
      if (interState != null && interState.signum() > 0) {
        lines.add(
            line(
                t,
                SettlementLineType.INTER_STATE,
                Payee.BUYER,
                Payee.BUYER_DISCOM,
                settled,
                interState));
      }
    }
    if (r.unsettledKwh().signum() > 0) {
      Optional<TradeSide> cause = r.shortfallSide();
      if (cause.isPresent()) {
        lines.add(deviation(policy, t, cause.get(), r.unsettledKwh()));
      } else {
        BigDecimal half = r.unsettledKwh().multiply(new BigDecimal("0.5"));
        lines.add(deviation(policy, t, TradeSide.BUYER, half));
        lines.add(deviation(policy, t, TradeSide.SELLER, half));
      }
    }
    return new TradeSettlement(r, lines);
  }

  private static SettlementLine deviation(
      SettlementPolicy policy, Trade t, TradeSide side, BigDecimal kwh) {
    return line(
        t,
        SettlementLineType.DEVIATION,
        side == TradeSide.BUYER ? Payee.BUYER : Payee.SELLER,
        side == TradeSide.BUYER ? Payee.BUYER_DISCOM : Payee.SELLER_DISCOM,
        kwh,
        policy.tariff(t.party(side).discomId()));
  }

  private static SettlementLine line(
      Trade t, SettlementLineType type, Payee payer, Payee payee, BigDecimal kwh, BigDecimal rate) {
    return new SettlementLine(
        t.tradeId(),
        type,
        payer,
        payee,
        kwh,
        rate,
        MoneyRounding.toPaisa(kwh.multiply(rate)),
        t.price().currency());
  }
}
