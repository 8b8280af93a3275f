package org.uei.p2p.market.policy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.uei.p2p.market.policy.config.PolicyConfig;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.RevenueFlow;
import org.uei.p2p.model.wave2.TimeSeries;

/**
 * The contract policy's settlement checks on a settled on_status (one whose table carries
 * FINAL_ALLOC): the table declares every column the settlement reads, each settled slot has a
 * price, and the revenue flows, once carried, are the ones {@link RevenueFlows} computes and sum to
 * zero. An on_status before FINAL_ALLOC (the DISCOM allocation cascade) is not judged here.
 */
final class SettlementRule {

  private static final List<String> SETTLED_COLUMNS =
      List.of(
          TimeSeries.PRICE_PER_KWH,
          TimeSeries.REQUESTED_QTY,
          TimeSeries.BUYER_DISCOM_ALLOC,
          TimeSeries.SELLER_DISCOM_ALLOC,
          TimeSeries.BUYER_DISCOM_STATUS,
          TimeSeries.SELLER_DISCOM_STATUS,
          TimeSeries.FINAL_ALLOC);

  private SettlementRule() {}

  static void check(Contract contract, PolicyConfig config, Violations v) {
    boolean settled = false;
    for (Commitment c : contract.commitments()) {
      TimeSeries ts = c == null ? null : c.commitmentAttributes();
      if (ts == null
          || ts.intervals().stream()
              .noneMatch(i -> i != null && i.number(TimeSeries.FINAL_ALLOC).isPresent())) {
        continue;
      }
      settled = true;
      Set<String> declared = new HashSet<>();
      ts.payloadDescriptors().forEach(d -> declared.add(d == null ? null : d.payloadType()));
      for (String col : SETTLED_COLUMNS) {
        if (!declared.contains(col)) {
          v.policy(
              ContractPolicy.SETTLEMENT,
              ts.pathOf("payloadDescriptors"),
              "commitment " + c.id() + " is settled but does not declare " + col);
        }
      }
      Set<Integer> priced = new HashSet<>();
      ts.intervals()
          .forEach(
              i -> {
                if (i != null && i.number(TimeSeries.PRICE_PER_KWH).isPresent()) {
                  priced.add(i.id());
                }
              });
      for (TimeSeries.Interval in : ts.intervals()) {
        if (in != null
            && in.number(TimeSeries.FINAL_ALLOC).isPresent()
            && !priced.contains(in.id())) {
          v.policy(
              ContractPolicy.SETTLEMENT,
              in.pathOf("payloads"),
              "settled interval "
                  + in.id()
                  + " has no PRICE_PER_KWH, so its value cannot be computed");
        }
      }
    }
    Optional<RevenueFlow> carried = contract.revenueFlow();
    if (!settled || carried.isEmpty()) {
      return;
    }
    Optional<RevenueFlows.Settlement> expected = RevenueFlows.compute(contract, config.charges());
    BigDecimal sum = BigDecimal.ZERO;
    for (RevenueFlow.Flow f : carried.get().revenueFlows()) {
      if (f == null || f.value() == null) {
        continue;
      }
      sum = sum.add(f.value());
      if (f.currency() != null && !config.currencies().contains(f.currency())) {
        v.policy(
            ContractPolicy.CURRENCY,
            f.pathOf("currency"),
            "revenue flow of "
                + f.role()
                + " is in "
                + f.currency()
                + ", but trades settle in "
                + ContractPolicy.sorted(config.currencies()));
      }
      Optional<RevenueFlows.Flow> want = expected.flatMap(s -> s.flowOf(f.role()));
      if (want.isPresent()
          && want.get().value().subtract(f.value()).abs().compareTo(RevenueFlow.TOLERANCE) >= 0) {
        v.policy(
            ContractPolicy.REVENUE_FLOW,
            f.pathOf("value"),
            f.role()
                + " flow is "
                + f.value().toPlainString()
                + ", but the policy's charges give "
                + want.get().value().toPlainString()
                + " ("
                + want.get().description()
                + ")");
      }
    }
    if (sum.abs().compareTo(RevenueFlow.TOLERANCE) >= 0) {
      v.policy(
          ContractPolicy.REVENUE_FLOW,
          carried.get().pathOf("revenueFlows"),
          "revenue flows sum to " + sum.toPlainString() + ", not zero");
    }
  }
}
