package org.uei.p2p.bpp.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.market.dre.DreReport;
import org.uei.p2p.market.settlement.Figures;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.profile.SettlementProfile;

/** JSON forms of the DRE report and of the settlement profile in force; kWh with two decimals. */
final class DreJson {
  private DreJson() {}

  static BigDecimal kwh(BigDecimal v) {
    return v.setScale(Figures.KWH_SCALE, RoundingMode.HALF_UP);
  }

  static ObjectNode of(DreReport.Report r) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("month", r.month().toString()).put("totalKwh", kwh(r.totalKwh()));
    var figures = root.putArray("figures");
    for (DreReport.Figure f : r.figures()) {
      ObjectNode n =
          figures
              .addObject()
              .put("discomId", f.discomId())
              .put("stateCode", f.stateCode())
              .put("settledKwh", kwh(f.settledKwh()));
      f.rooftopMeters().forEach(n.putArray("rooftopMeters")::add);
      f.buyerMeters().forEach(n.putArray("buyerMeters")::add);
      var trades = n.putArray("trades");
      for (DreReport.Entry e : f.entries()) {
        trades
            .addObject()
            .put("tradeId", e.tradeId())
            .put("slotStart", e.slotStart().toString())
            .put("sellerMeterId", e.sellerMeterId())
            .put("sellerDiscomId", e.sellerDiscomId())
            .put("sellerState", e.sellerState())
            .put("buyerMeterId", e.buyerMeterId())
            .put("settledKwh", kwh(e.settledKwh()));
      }
    }
    return root;
  }

  static ObjectNode profile(SettlementProfile p) {
    SettlementPolicy pol = p.policy();
    ObjectNode n =
        JsonNodeFactory.instance
            .objectNode()
            .put("profile", p.name())
            .put("version", p.version())
            .put("title", p.title())
            .put("source", p.source())
            .put("currency", p.currency())
            .put("feePerKwh", pol.platformFeePerKwh())
            .put("buyerFeeShare", pol.buyerFeeShare())
            .put("networkChargesBorneBy", pol.networkChargesBorneBy().name())
            .put("defaultTariffPerKwh", pol.defaultTariffPerKwh())
            .put("paymentDueAfter", pol.paymentDueAfter().toString())
            .put("curtailment", pol.curtailment().name());
    p.platformChargeCapPerKwh().ifPresent(c -> n.put("feeCapPerKwh", c));
    rates(n, "wheelingPerKwh", pol.wheelingPerKwh());
    rates(n, "interStatePerKwh", pol.interStatePerKwh());
    rates(n, "tariffPerKwh", pol.tariffPerKwh());
    rates(n, "underInjectionPerKwh", pol.underInjectionPerKwh());
    rates(n, "underDrawalPerKwh", pol.underDrawalPerKwh());
    new TreeMap<>(pol.discomStates()).forEach(n.putObject("discomStates")::put);
    if (p.eligibility().maxSanctionedLoadKw() != null) {
      n.put("maxSanctionedLoadKw", p.eligibility().maxSanctionedLoadKw());
    }
    if (p.eligibility().maxReCapacityPercentOfLoad() != null) {
      n.put("maxReCapacityPercentOfLoad", p.eligibility().maxReCapacityPercentOfLoad());
    }
    new TreeMap<>(p.facts()).forEach(n.putObject("facts")::put);
    return n;
  }

  private static void rates(ObjectNode n, String name, Map<String, BigDecimal> rates) {
    ObjectNode o = n.putObject(name);
    new TreeMap<>(rates).forEach(o::put);
  }
}
