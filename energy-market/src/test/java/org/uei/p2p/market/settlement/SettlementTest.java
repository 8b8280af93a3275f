package org.uei.p2p.market.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

class SettlementTest {
  private static final Instant T = Instant.parse("2026-02-10T04:30:00Z");
  private static final SettlementPolicy POLICY =
      SettlementPolicy.pilot()
          .withTariffs(Map.of("BRPL", new BigDecimal("7.00"), "PVVNL", new BigDecimal("5.75")));

  static Trade trade(String id, String bap, String bpp, String kwh, String price) {
    return new Trade(
        id,
        bap,
        bpp,
        new MeterPoint("CA-1", "BRPL"),
        new MeterPoint("DER-9", "PVVNL"),
        DeliverySlot.hourStarting(T),
        new BigDecimal(kwh),
        UnitPrice.inr(price),
        TradeStatus.CONFIRMED,
        T);
  }

  static ReconciledTrade rec(Trade t, String buyer, String seller) {
    return new ReconciledTrade(t, new BigDecimal(buyer), new BigDecimal(seller));
  }

  private static SettlementLine only(TradeSettlement s, SettlementLineType type, Payee payer) {
    List<SettlementLine> found =
        s.lines().stream().filter(l -> l.type() == type && l.payer() == payer).toList();
    assertEquals(1, found.size(), type + " by " + payer + " in " + s.lines());
    return found.get(0);
  }

  @Test
  void energyAndFeesAreComputedOnSettledKwhToThePaisaHalfUp() {
    TradeSettlement s =
        new SettlementCalculator(POLICY)
            .settle(rec(trade("t", "bap", "bpp", "5", "6.50"), "4.50", "3.89"));
    SettlementLine energy = only(s, SettlementLineType.ENERGY, Payee.BUYER);
    assertEquals(Payee.SELLER, energy.payee());
    assertEquals(new BigDecimal("3.89"), energy.quantityKwh());
    assertEquals(new BigDecimal("25.29"), energy.amount(), "3.89 x 6.50 = 25.285, half up");
    SettlementLine buyerFee = only(s, SettlementLineType.PLATFORM_FEE, Payee.BUYER);
    SettlementLine sellerFee = only(s, SettlementLineType.PLATFORM_FEE, Payee.SELLER);
    assertEquals(0, new BigDecimal("0.21").compareTo(buyerFee.ratePerKwh()));
    assertEquals(0, new BigDecimal("0.21").compareTo(sellerFee.ratePerKwh()));
    assertEquals(new BigDecimal("0.82"), buyerFee.amount(), "3.89 x 0.21 = 0.8169");
    assertEquals(Payee.BUYER_PLATFORM, buyerFee.payee());
    assertEquals(Payee.SELLER_PLATFORM, sellerFee.payee());
  }

  @Test
  void sellerShortfallIsBorneByTheSellerAtItsDiscomTariff() {
    TradeSettlement s =
        new SettlementCalculator(POLICY)
            .settle(rec(trade("t", "bap", "bpp", "5", "6.50"), "4.50", "3.89"));
    SettlementLine dev = only(s, SettlementLineType.DEVIATION, Payee.SELLER);
    assertEquals(Payee.SELLER_DISCOM, dev.payee());
    assertEquals(new BigDecimal("1.11"), dev.quantityKwh());
    assertEquals(new BigDecimal("6.38"), dev.amount(), "1.11 x 5.75 = 6.3825");
    assertEquals(BigDecimal.ZERO, s.amount(SettlementLineType.DEVIATION, Payee.BUYER));
  }

  @Test
  void buyerShortfallIsBorneByTheBuyer() {
    TradeSettlement s =
        new SettlementCalculator(POLICY)
            .settle(rec(trade("t", "bap", "bpp", "5", "6.50"), "2.25", "5.00"));
    SettlementLine dev = only(s, SettlementLineType.DEVIATION, Payee.BUYER);
    assertEquals(Payee.BUYER_DISCOM, dev.payee());
    assertEquals(new BigDecimal("19.25"), dev.amount(), "2.75 x 7.00");
    assertEquals(
        new BigDecimal("14.63"),
        only(s, SettlementLineType.ENERGY, Payee.BUYER).amount(),
        "2.25 x 6.50 = 14.625");
  }

  @Test
  void equalShortfallIsSharedAndFullDeliveryHasNoDeviation() {
    TradeSettlement both =
        new SettlementCalculator(POLICY).settle(rec(trade("t", "bap", "bpp", "5", "6"), "4", "4"));
    assertEquals(
        new BigDecimal("3.50"), only(both, SettlementLineType.DEVIATION, Payee.BUYER).amount());
    assertEquals(
        new BigDecimal("2.88"),
        only(both, SettlementLineType.DEVIATION, Payee.SELLER).amount(),
        "0.5 x 5.75 = 2.875");
    TradeSettlement full =
        new SettlementCalculator(POLICY)
            .settle(rec(trade("t", "bap", "bpp", "5", "6"), "5.00", "5.00"));
    assertTrue(full.lines().stream().noneMatch(l -> l.type() == SettlementLineType.DEVIATION));
    assertEquals(3, full.lines().size());
  }

  @Test
  void wheelingAndInterStateChargesApplyPerConfiguredPair() {
    SettlementPolicy charged =
        POLICY.withNetworkCharges(
            Map.of("PVVNL->BRPL", new BigDecimal("0.30")),
            Map.of("UP->DL", new BigDecimal("0.15")));
    TradeSettlement s =
        new SettlementCalculator(charged)
            .settle(rec(trade("t", "bap", "bpp", "5", "6.50"), "4.50", "3.89"));
    SettlementLine wheeling = only(s, SettlementLineType.WHEELING, Payee.BUYER);
    assertEquals(Payee.BUYER_DISCOM, wheeling.payee());
    assertEquals(new BigDecimal("1.17"), wheeling.amount(), "3.89 x 0.30 = 1.167");
    assertEquals(
        new BigDecimal("0.58"),
        only(s, SettlementLineType.INTER_STATE, Payee.BUYER).amount(),
        "3.89 x 0.15 = 0.5835");
    assertEquals(new BigDecimal("27.86"), s.paidBy(Payee.BUYER), "25.29 + 0.82 + 1.17 + 0.58");
    // default pilot policy: no network charges at all
    TradeSettlement plain =
        new SettlementCalculator(POLICY)
            .settle(rec(trade("t", "bap", "bpp", "5", "6.50"), "4.50", "3.89"));
    assertTrue(
        plain.lines().stream()
            .noneMatch(
                l ->
                    l.type() == SettlementLineType.WHEELING
                        || l.type() == SettlementLineType.INTER_STATE));
  }

  @Test
  void platformsPayOnlyTheNetDueSeventyTwoHoursAfterFinalAllocation() {
    SettlementCalculator calc = new SettlementCalculator(POLICY);
    List<TradeSettlement> all =
        List.of(
            calc.settle(rec(trade("t1", "alpha", "beta", "5", "6.50"), "4.50", "3.89")),
            calc.settle(rec(trade("t2", "alpha", "beta", "2", "6.50"), "2", "2")),
            calc.settle(rec(trade("t3", "beta", "alpha", "2", "5.00"), "2", "2")),
            calc.settle(rec(trade("t4", "alpha", "gamma", "1", "5.00"), "1", "1")));
    Instant finalAt = T.plus(Duration.ofDays(1));
    List<PlatformNetAmount> nets =
        new PlatformNetting(POLICY).net(all, T, T.plus(Duration.ofDays(30)), finalAt);
    assertEquals(2, nets.size());
    PlatformNetAmount ab = nets.get(0);
    assertEquals("alpha", ab.payerPlatformId());
    assertEquals("beta", ab.payeePlatformId());
    assertEquals(new BigDecimal("28.29"), ab.amount(), "25.29 + 13.00 - 10.00");
    assertEquals(new BigDecimal("38.29"), ab.grossToPayee());
    assertEquals(3, ab.trades());
    assertEquals(finalAt.plus(Duration.ofHours(72)), ab.dueBy());
    assertEquals(new BigDecimal("5.00"), nets.get(1).amount());
    assertEquals(
        List.of(),
        new PlatformNetting(POLICY).net(all, T.plusSeconds(3600), T.plusSeconds(7200), finalAt));
  }

  @Test
  void statementIsWrittenAsJsonAndCsv() throws IOException {
    SettlementCalculator calc = new SettlementCalculator(POLICY);
    List<TradeSettlement> all =
        List.of(
            calc.settle(rec(trade("t1", "alpha", "beta", "5", "6.50"), "4.50", "3.89")),
            calc.settle(rec(trade("t,2", "gamma", "delta", "2", "6.50"), "2", "2")));
    SettlementStatement st =
        SettlementStatement.of(
            "beta",
            all,
            T,
            T.plus(Duration.ofDays(1)),
            T.plus(Duration.ofDays(1)),
            new PlatformNetting(POLICY),
            T.plus(Duration.ofDays(2)));
    assertEquals(1, st.trades().size());
    JsonNode json = new ObjectMapper().readTree(StatementWriter.toJson(st));
    assertEquals("beta", json.get("platformId").asText());
    JsonNode line0 = json.get("trades").get(0).get("lines").get(0);
    assertEquals("ENERGY", line0.get("type").asText());
    assertEquals("25.29", line0.get("amount").decimalValue().toPlainString());
    assertEquals(
        "3.89", json.get("trades").get(0).get("settledKwh").decimalValue().toPlainString());
    assertEquals("alpha", json.get("netPositions").get(0).get("payerPlatformId").asText());
    assertEquals("2026-02-14T04:30:00Z", json.get("netPositions").get(0).get("dueBy").asText());

    StringBuilder csv = new StringBuilder();
    StatementWriter.toCsv(st, csv);
    String[] rows = csv.toString().split("\n");
    assertEquals(StatementWriter.CSV_HEADER, rows[0]);
    assertEquals(5, rows.length, "header + energy + 2 fees + deviation");
    assertEquals(
        "t1,2026-02-10T04:30:00Z,2026-02-10T05:30:00Z,alpha,beta,0.00,ENERGY,BUYER,SELLER,3.89,6.50,25.29,INR",
        rows[1]);
    assertTrue(
        rows[2].contains(",PLATFORM_FEE,BUYER,BUYER_PLATFORM,3.89,0.21,0.82,"),
        "rate as configured: " + rows[2]);
    StringBuilder other = new StringBuilder();
    StatementWriter.toCsv(
        SettlementStatement.of(
            "gamma", all, T, T.plus(Duration.ofDays(1)), T, new PlatformNetting(POLICY), T),
        other);
    assertTrue(other.toString().contains("\n\"t,2\","), other.toString());
  }
}
