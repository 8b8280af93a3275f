package org.uei.p2p.bpp.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.settlement.profile.PolicySettingsException;
import org.uei.p2p.market.settlement.profile.SettlementProfile;

/** The node's settlement settings, named as an operator writes them. */
class SettlementSettingsTest {

  private static DeliveryConfig config(
      String profile, Optional<String> fee, Map<String, String> values) {
    return new DeliveryConfig() {
      @Override
      public String zone() {
        return "Asia/Kolkata";
      }

      @Override
      public String settlementCron() {
        return "0 30 2 * * ?";
      }

      @Override
      public String mdmsPollEvery() {
        return "30s";
      }

      @Override
      public Optional<String> mdmsDropDir() {
        return Optional.empty();
      }

      @Override
      public AllocationMethod allocationMethod() {
        return AllocationMethod.PRO_RATA;
      }

      @Override
      public Optional<String> platformFeePerKwh() {
        return fee;
      }

      @Override
      public Optional<String> defaultTariffPerKwh() {
        return Optional.empty();
      }

      @Override
      public String settlementProfile() {
        return profile;
      }

      @Override
      public Optional<String> settlementFile() {
        return Optional.empty();
      }

      @Override
      public Map<String, String> settlement() {
        return values;
      }
    };
  }

  @Test
  void aProfileWithSingleValuesOverridden() {
    SettlementProfile p =
        SettlementSettings.build(
            config(
                "interstate-pilot-2026-02",
                Optional.empty(),
                Map.of("tariff.TPDDL", "7.20", "inter-state.UP.DL", "0.10")));
    assertEquals(new BigDecimal("7.20"), p.policy().tariff("TPDDL"));
    assertEquals(new BigDecimal("0.10"), p.policy().interStatePerKwh().get("UP->DL"));
    assertEquals(new BigDecimal("0.42"), p.policy().platformFeePerKwh());
  }

  @Test
  void everyBadValueIsOneLineNamingTheSetting() {
    PolicySettingsException e =
        assertThrows(
            PolicySettingsException.class,
            () ->
                SettlementSettings.build(
                    config("ies-network", Optional.of("0.60"), Map.of("tariff.TPDDL", "seven"))));
    assertEquals(
        List.of(
            "uei.bpp.delivery.settlement.\"tariff.TPDDL\": 'seven' is not a number",
            "uei.bpp.delivery.platform-fee-per-kwh: platform fee 0.60 per kWh is above the cap of 0.42 "
                + "(profile ies-network fee.cap-per-kwh)"),
        e.problems());
    PolicySettingsException unknown =
        assertThrows(
            PolicySettingsException.class,
            () -> SettlementSettings.build(config("uperc-2026", Optional.empty(), Map.of())));
    assertEquals(1, unknown.problems().size());
    assertEquals(
        true,
        unknown
            .problems()
            .get(0)
            .startsWith(
                "uei.bpp.delivery.settlement-profile: unknown settlement profile 'uperc-2026'"));
  }
}
