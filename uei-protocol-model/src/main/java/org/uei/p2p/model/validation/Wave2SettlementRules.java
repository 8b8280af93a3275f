package org.uei.p2p.model.validation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uei.p2p.model.wave2.Consideration;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.RevenueFlow;
import org.uei.p2p.model.wave2.Settlement;
import org.uei.p2p.model.wave2.SettlementTerm;
import org.uei.p2p.model.wave2.Wave2Action;

/**
 * Money in a contract: the seller platform's payment terms (SettlementTerm, required from on_init
 * on the trade path), the settlement's revenue flows (RevenueFlow, summing to zero within {@link
 * RevenueFlow#TOLERANCE}, INR), and settlements that refer to a consideration of the contract.
 */
final class Wave2SettlementRules {

  private Wave2SettlementRules() {}

  static void check(Problems p, Wave2Action action, Contract c) {
    Set<String> considerationIds = new HashSet<>();
    if (Wave2Shapes.array(p, c, "consideration", false, false)) {
      List<Consideration> cs = c.consideration();
      for (int i = 0; i < cs.size(); i++) {
        Consideration k = cs.get(i);
        if (Wave2Shapes.notObject(p, c.pathOf("consideration") + "[" + i + "]", k)) {
          continue;
        }
        String id = Wave2Shapes.requiredText(p, k, "id");
        if (id != null && !considerationIds.add(id)) {
          p.add(k.pathOf("id"), "consideration '" + id + "' appears twice");
        }
        if (k.revenueFlow() != null) {
          revenueFlow(p, k.revenueFlow());
        } else if (Contract.AUTO_SETTLEMENT_FLOWS.equals(id)) {
          p.add(
              k.pathOf("considerationAttributes"),
              "must be a RevenueFlow: it is the settlement's revenue flows");
        }
        if (k.settlementTerm() != null) {
          term(p, k.settlementTerm(), true);
        }
      }
    }
    if (Wave2Shapes.array(p, c, "settlements", false, false)) {
      List<Settlement> ss = c.settlements();
      for (int i = 0; i < ss.size(); i++) {
        Settlement s = ss.get(i);
        if (Wave2Shapes.notObject(p, c.pathOf("settlements") + "[" + i + "]", s)) {
          continue;
        }
        p.oneOf(s.pathOf("status"), Wave2Shapes.text(p, s, "status", false), Settlement.STATES);
        String ref = Wave2Shapes.text(p, s, "considerationId", false);
        if (ref != null && !considerationIds.contains(ref)) {
          p.add(
              s.pathOf("considerationId"), "'" + ref + "' is not a consideration of this contract");
        }
        if (s.settlementTerm() != null) {
          term(p, s.settlementTerm(), false);
        }
      }
    }
    if (action == Wave2Action.ON_INIT && c.settlementTerm().isEmpty()) {
      p.add(
          c.pathOf("consideration"),
          "must carry the seller platform's payment terms: a SettlementTerm "
              + "in consideration[] (or settlements[])");
    }
  }

  private static void revenueFlow(Problems p, RevenueFlow rf) {
    if (!Wave2Shapes.array(p, rf, "revenueFlows", true, true)) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    boolean complete = true;
    List<RevenueFlow.Flow> flows = rf.revenueFlows();
    for (int i = 0; i < flows.size(); i++) {
      RevenueFlow.Flow f = flows.get(i);
      if (Wave2Shapes.notObject(p, rf.pathOf("revenueFlows") + "[" + i + "]", f)) {
        complete = false;
        continue;
      }
      Wave2Shapes.requiredText(p, f, "role");
      BigDecimal v = Wave2Shapes.number(p, f, "value", true);
      String currency = Wave2Shapes.text(p, f, "currency", true);
      p.equalTo(f.pathOf("currency"), currency, Problems.INR);
      if (v == null) {
        complete = false;
      } else {
        sum = sum.add(v);
      }
    }
    if (complete && sum.abs().compareTo(RevenueFlow.TOLERANCE) > 0) {
      p.add(
          rf.pathOf("revenueFlows"),
          "must sum to zero (within "
              + RevenueFlow.TOLERANCE.toPlainString()
              + "): what roles pay must equal what roles receive, but the values sum to "
              + sum.toPlainString());
    }
  }

  // Terms offered in consideration[] must say where to pay; a settlement record may only report it.
  private static void term(Problems p, SettlementTerm t, boolean offered) {
    if (Wave2Shapes.object(p, t, "payTo", offered)) {
      SettlementTerm.PayTo to = t.payTo();
      String vpa = Wave2Shapes.text(p, to, "vpa", false);
      String url = Wave2Shapes.text(p, to, "paymentUrl", false);
      String account = Wave2Shapes.text(p, to, "accountNumber", false);
      p.httpUri(to.pathOf("paymentUrl"), url);
      if (account != null) {
        Wave2Shapes.requiredText(p, to, "branchCode");
      }
      if (vpa == null && url == null && account == null) {
        p.add(t.pathOf("payTo"), "must name a vpa, a paymentUrl or an accountNumber");
      }
    }
    if (Wave2Shapes.object(p, t, "amount", false)) {
      p.notNegative(t.pathOf("amount.value"), t.amount());
      p.equalTo(t.pathOf("amount.currency"), t.amountCurrency(), Problems.INR);
    }
  }
}
