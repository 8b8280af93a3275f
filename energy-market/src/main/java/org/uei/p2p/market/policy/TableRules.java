package org.uei.p2p.market.policy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.uei.p2p.market.policy.config.PolicyConfig;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Resource;
import org.uei.p2p.model.wave2.TimeSeries;

/**
 * The network policy's rules on a contract's table (its TimeSeries): prices in the network's
 * currency, energy in kWh, no undeclared columns, a generation source, and final allocations that
 * stay within what was requested and what both DISCOMs allocated.
 */
final class TableRules {

  private TableRules() {}

  static void check(Contract contract, PolicyConfig config, Violations v) {
    for (Commitment c : contract.commitments()) {
      if (c == null) {
        continue;
      }
      for (Resource r : c.resources()) {
        if (r != null && "GRID".equals(r.sourceType())) {
          v.policy(
              NetworkPolicy.SOURCE_TYPE,
              r.pathOf("resourceAttributes.type"),
              "the seller's source is GRID; P2P trades sell generation (SOLAR, WIND, BATTERY, HYBRID…)");
        }
      }
      TimeSeries ts = c.commitmentAttributes();
      if (ts != null) {
        table(ts, config, v);
      }
    }
  }

  private static void table(TimeSeries ts, PolicyConfig config, Violations v) {
    Set<String> declared = new HashSet<>();
    for (TimeSeries.PayloadDescriptor d : ts.payloadDescriptors()) {
      if (d == null || d.payloadType() == null) {
        continue;
      }
      declared.add(d.payloadType());
      if (TimeSeries.PRICE_PER_KWH.equals(d.payloadType())
          && d.currency() != null
          && !config.currencies().contains(d.currency())) {
        v.policy(
            NetworkPolicy.CURRENCY,
            d.pathOf("currency"),
            "prices are in "
                + d.currency()
                + "; this network settles in "
                + ContractPolicy.sorted(config.currencies()));
      }
      if (TimeSeries.ENERGY_TYPES.contains(d.payloadType())
          && d.units() != null
          && !"KWH".equals(d.units())) {
        v.policy(
            NetworkPolicy.UNITS,
            d.pathOf("units"),
            d.payloadType() + " is in " + d.units() + "; energy is in KWH");
      }
    }
    for (TimeSeries.Interval in : ts.intervals()) {
      if (in == null) {
        continue;
      }
      for (TimeSeries.Payload p : in.payloads()) {
        if (p != null && p.type() != null && !declared.contains(p.type())) {
          v.policy(
              NetworkPolicy.UNDECLARED_PAYLOAD,
              p.pathOf("type"),
              "interval "
                  + in.id()
                  + " carries "
                  + p.type()
                  + ", which payloadDescriptors does not declare");
        }
      }
      finalAlloc(in, v);
    }
  }

  private static void finalAlloc(TimeSeries.Interval in, Violations v) {
    Optional<BigDecimal> fin = in.number(TimeSeries.FINAL_ALLOC);
    if (fin.isEmpty()) {
      return;
    }
    if (in.number(TimeSeries.REQUESTED_QTY).isEmpty()) {
      v.policy(
          NetworkPolicy.FINAL_ALLOC,
          in.pathOf("payloads"),
          "interval "
              + in.id()
              + " has FINAL_ALLOC but no REQUESTED_QTY: nothing was traded in it");
    }
    Optional<BigDecimal> b = in.number(TimeSeries.BUYER_DISCOM_ALLOC);
    Optional<BigDecimal> s = in.number(TimeSeries.SELLER_DISCOM_ALLOC);
    if (b.isPresent() && s.isPresent() && fin.get().compareTo(b.get().min(s.get())) > 0) {
      v.policy(
          NetworkPolicy.FINAL_ALLOC,
          in.pathOf("payloads"),
          "interval "
              + in.id()
              + " settles "
              + fin.get().toPlainString()
              + " kWh, more than min(buyer DISCOM "
              + b.get().toPlainString()
              + ", seller DISCOM "
              + s.get().toPlainString()
              + ") kWh");
    }
  }
}
