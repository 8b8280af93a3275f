package org.uei.p2p.market.settlement.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/** Each bundled profile settles one trade computed by hand; bad settings are named, all at once. */
class SettlementProfilesTest {
  private static final Instant SLOT = Instant.parse("2026-03-10T04:30:00Z");

  private static TradeSettlement settle(
      SettlementProfile p,
      String buyerDiscom,
      String sellerDiscom,
      String kwh,
      String price,
      String buyerKwh,
      String sellerKwh) {
    Trade t =
        new Trade(
            "T1",
            "bap",
            "bpp",
            new MeterPoint("B-1", buyerDiscom),
            new MeterPoint("S-1", sellerDiscom),
            DeliverySlot.hourStarting(SLOT),
            new BigDecimal(kwh),
            UnitPrice.inr(price),
            TradeStatus.CONFIRMED,
            SLOT);
    return new SettlementCalculator(p.policy())
        .settle(new ReconciledTrade(t, new BigDecimal(buyerKwh), new BigDecimal(sellerKwh)));
  }

  private static BigDecimal amount(TradeSettlement s, SettlementLineType type, Payee payer) {
    return s.amount(type, payer);
  }

  @Test
  void iesNetwork() {
    SettlementProfile p = PolicySettings.bundled("ies-network");
    assertEquals(new BigDecimal("0.42"), p.platformChargeCapPerKwh().orElseThrow());
    assertEquals("INR", p.currency());
    // PVVNL → TPDDL, 5 kWh at 6.00, seller injects 4: settled 4
    TradeSettlement s = settle(p, "TPDDL", "PVVNL", "5", "6.00", "5", "4");
    assertEquals(
        new BigDecimal("24.00"), amount(s, SettlementLineType.ENERGY, Payee.BUYER), "4 × 6.00");
    assertEquals(
        new BigDecimal("0.84"),
        amount(s, SettlementLineType.PLATFORM_FEE, Payee.BUYER),
        "4 × 0.21");
    assertEquals(
        new BigDecimal("0.84"),
        amount(s, SettlementLineType.PLATFORM_FEE, Payee.SELLER),
        "4 × 0.21");
    assertEquals(
        new BigDecimal("0.00"), amount(s, SettlementLineType.DEVIATION, Payee.SELLER), "penalty 0");
    assertEquals(new BigDecimal("24.84"), s.paidBy(Payee.BUYER), "wheeling 0/0: no network lines");
  }

  @Test
  void derc2024() {
    // the guidelines leave tariffs to the DISCOM: the node sets BRPL's
    SettlementProfile p =
        PolicySettings.builder()
            .profile("derc-2024", "profile")
            .value("tariff.BRPL", "7.00", "tariff.BRPL")
            .build();
    // TPDDL → BRPL, 3 kWh at 5.50, the buyer draws only 2.5
    TradeSettlement s = settle(p, "BRPL", "TPDDL", "3", "5.50", "2.5", "3");
    assertEquals(
        new BigDecimal("13.75"), amount(s, SettlementLineType.ENERGY, Payee.BUYER), "2.5 × 5.50");
    assertEquals(new BigDecimal("0.00"), amount(s, SettlementLineType.PLATFORM_FEE, Payee.BUYER));
    assertEquals(
        new BigDecimal("3.50"), amount(s, SettlementLineType.DEVIATION, Payee.BUYER), "0.5 × 7.00");
    assertEquals(new BigDecimal("17.25"), s.paidBy(Payee.BUYER));
  }

  @Test
  void dercPilot2026() {
    SettlementProfile p =
        PolicySettings.builder()
            .profile("derc-pilot-2026-02", "profile")
            .value("tariff.BRPL", "7.00", "tariff.BRPL")
            .value("wheeling.TPDDL.BRPL", "0.50", "try")
            .build();
    assertEquals("derc-pilot-2026-02 2026-02", p.label());
    TradeSettlement s = settle(p, "BRPL", "TPDDL", "3", "5.50", "2.5", "3");
    assertEquals(
        new BigDecimal("0.53"),
        amount(s, SettlementLineType.PLATFORM_FEE, Payee.BUYER),
        "2.5 × 0.21 = 0.525");
    assertEquals(new BigDecimal("0.53"), amount(s, SettlementLineType.PLATFORM_FEE, Payee.SELLER));
    assertEquals(
        new BigDecimal("1.25"),
        amount(s, SettlementLineType.WHEELING, Payee.BUYER),
        "overridden: 2.5 × 0.50");
    assertEquals(
        new BigDecimal("3.50"), amount(s, SettlementLineType.DEVIATION, Payee.BUYER), "0.5 × 7.00");
    assertEquals(new BigDecimal("19.03"), s.paidBy(Payee.BUYER), "13.75 + 0.53 + 1.25 + 3.50");
    TradeSettlement inDelhi =
        settle(
            PolicySettings.bundled("derc-pilot-2026-02"), "BRPL", "TPDDL", "3", "5.50", "3", "3");
    assertEquals(
        BigDecimal.ZERO,
        amount(inDelhi, SettlementLineType.WHEELING, Payee.BUYER),
        "no wheeling inside Delhi");

    Eligibility e = p.eligibility();
    assertEquals(
        List.of(), e.check(new BigDecimal("200"), new BigDecimal("1000")), "500 % of 200 kW");
    assertEquals(
        List.of("sanctioned load 250 kW is above the 200 kW limit"),
        e.check(new BigDecimal("250"), BigDecimal.ZERO));
    assertEquals(
        List.of("installed RE capacity 60 kW is above 500 % of the sanctioned load (50 kW)"),
        e.check(new BigDecimal("10"), new BigDecimal("60")));
  }

  @Test
  void upercPilot2026() {
    // a PVVNL tariff in force does not matter: the under-injection penalty is waived
    SettlementProfile p =
        PolicySettings.builder()
            .profile("uperc-pilot-2026-02", "profile")
            .value("tariff.PVVNL", "5.75", "tariff.PVVNL")
            .build();
    assertEquals("WAIVED", p.facts().get("cross-subsidy-surcharge"));
    TradeSettlement s = settle(p, "PVVNL", "PVVNL", "4", "6.50", "4", "3.2");
    assertEquals(
        new BigDecimal("20.80"), amount(s, SettlementLineType.ENERGY, Payee.BUYER), "3.2 × 6.50");
    assertEquals(
        new BigDecimal("0.00"),
        amount(s, SettlementLineType.DEVIATION, Payee.SELLER),
        "0.8 × 0, not × 5.75");
    assertEquals(new BigDecimal("0.00"), s.paidBy(Payee.SELLER));
  }

  @Test
  void upercPilot2026WaivesMvvnlDeviationsInLucknow() {
    SettlementProfile p =
        PolicySettings.builder()
            .profile("uperc-pilot-2026-02", "profile")
            .value("tariff.MVVNL", "6.10", "tariff.MVVNL")
            .build();
    // MVVNL → MVVNL, 4 kWh at 5.50: the seller injects 3.2 and the buyer draws 3
    TradeSettlement s = settle(p, "MVVNL", "MVVNL", "4", "5.50", "3", "3.2");
    assertEquals(
        new BigDecimal("16.50"), amount(s, SettlementLineType.ENERGY, Payee.BUYER), "3 × 5.50");
    assertEquals(new BigDecimal("0.00"), s.paidBy(Payee.SELLER), "0.8 kWh short, waived");
    assertEquals(new BigDecimal("16.50"), s.paidBy(Payee.BUYER), "1 kWh not drawn, waived");
  }

  @Test
  void kerc2024() {
    SettlementProfile p =
        PolicySettings.builder()
            .profile("kerc-2024", "profile")
            .value("tariff.BESCOM", "6.80", "tariff.BESCOM")
            .build();
    assertEquals("PREFERENTIAL,DYNAMIC", p.facts().get("trading.modes"));
    assertEquals("DISCOM_TARIFF", p.facts().get("unmatched-demand"));
    assertEquals("DISCOM", p.facts().get("unsold-surplus"));
    // 2 kWh at 5.00, the buyer draws 1.5: the unmatched 0.5 kWh come from BESCOM at its tariff
    TradeSettlement s = settle(p, "BESCOM", "BESCOM", "2", "5.00", "1.5", "2");
    assertEquals(
        new BigDecimal("7.50"), amount(s, SettlementLineType.ENERGY, Payee.BUYER), "1.5 × 5.00");
    assertEquals(
        new BigDecimal("3.40"), amount(s, SettlementLineType.DEVIATION, Payee.BUYER), "0.5 × 6.80");
    assertEquals(new BigDecimal("10.90"), s.paidBy(Payee.BUYER));
  }

  @Test
  void interStatePilot2026() {
    SettlementProfile p =
        PolicySettings.builder()
            .profile("interstate-pilot-2026-02", "profile")
            .value("inter-state.UP.DL", "0.10", "inter-state.UP.DL")
            .build();
    assertEquals(Duration.ofHours(72), p.policy().paymentDueAfter());
    // PVVNL (UP) → TPDDL (DL): 4 kWh at 6.50, Agra injects 3.2
    TradeSettlement s = settle(p, "TPDDL", "PVVNL", "4", "6.50", "4", "3.2");
    assertEquals(new BigDecimal("20.80"), amount(s, SettlementLineType.ENERGY, Payee.BUYER));
    assertEquals(
        new BigDecimal("0.67"),
        amount(s, SettlementLineType.PLATFORM_FEE, Payee.BUYER),
        "3.2 × 0.21 = 0.672");
    assertEquals(new BigDecimal("0.67"), amount(s, SettlementLineType.PLATFORM_FEE, Payee.SELLER));
    assertEquals(
        new BigDecimal("0.32"),
        amount(s, SettlementLineType.INTER_STATE, Payee.BUYER),
        "3.2 × 0.10");
    assertEquals(
        new BigDecimal("0.00"),
        amount(s, SettlementLineType.DEVIATION, Payee.SELLER),
        "UPERC waiver");
    assertEquals(new BigDecimal("21.79"), s.paidBy(Payee.BUYER));
    assertEquals(
        new BigDecimal("200"), p.eligibility().maxSanctionedLoadKw(), "Delhi's limits come along");
  }

  @Test
  void everyBadSettingIsNamedOnItsOwnLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("settlement.properties");
    Files.writeString(file, "tariff.TPDDL=-1\nwheelin.PVVNL.TPDDL=0.2\n");
    PolicySettingsException e =
        assertThrows(
            PolicySettingsException.class,
            () ->
                PolicySettings.builder()
                    .profile("ies-network", "uei.bpp.delivery.settlement-profile")
                    .file(file, "uei.bpp.delivery.settlement-file")
                    .value("fee.per-kwh", "0.5O", "uei.bpp.delivery.settlement.\"fee.per-kwh\"")
                    .value(
                        "curtailment", "SOMETIMES", "uei.bpp.delivery.settlement.\"curtailment\"")
                    .build());
    assertEquals(4, e.problems().size(), e.getMessage());
    assertEquals(
        "settlement.properties tariff.TPDDL: -1 must not be negative", e.problems().get(0));
    assertTrue(
        e.problems()
            .get(1)
            .startsWith(
                "settlement.properties wheelin.PVVNL.TPDDL: unknown setting "
                    + "'wheelin.PVVNL.TPDDL' (known: "),
        e.problems().get(1));
    assertTrue(
        e.problems()
            .contains(
                "uei.bpp.delivery.settlement.\"curtailment\": 'SOMETIMES' is not one of "
                    + "REDUCE_CONTRACT, DISCOM_DEVIATION"),
        e.getMessage());
    assertTrue(
        e.problems()
            .contains("uei.bpp.delivery.settlement.\"fee.per-kwh\": '0.5O' is not a number"),
        e.getMessage());

    PolicySettingsException cap =
        assertThrows(
            PolicySettingsException.class,
            () ->
                PolicySettings.builder()
                    .profile("ies-network", "p")
                    .value("fee.per-kwh", "0.50", "FEE")
                    .build());
    assertEquals(
        List.of(
            "FEE: platform fee 0.50 per kWh is above the cap of 0.42 (profile ies-network "
                + "fee.cap-per-kwh)"),
        cap.problems());
    PolicySettingsException unknown =
        assertThrows(
            PolicySettingsException.class,
            () ->
                PolicySettings.builder()
                    .profile("derc-2025", "uei.bpp.delivery.settlement-profile")
                    .build());
    assertTrue(
        unknown
            .getMessage()
            .startsWith(
                "uei.bpp.delivery.settlement-profile: unknown settlement profile "
                    + "'derc-2025' (known: derc-2024, "),
        unknown.getMessage());
  }

  @Test
  void everyBundledProfileLoads() {
    for (String name : PolicySettings.bundledProfiles()) {
      SettlementProfile p = PolicySettings.bundled(name);
      assertEquals(name, p.name());
      assertTrue(!p.source().isBlank(), name + " names its source");
    }
  }
}
