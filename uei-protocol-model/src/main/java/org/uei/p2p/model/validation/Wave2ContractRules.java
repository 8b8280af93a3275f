package org.uei.p2p.model.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Resource;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Action;

/**
 * Rules for {@code message.contract}: required members per action, the contract and commitment
 * states, the commitments' resources, offer and contract table. Roles and participants are in
 * {@link Wave2PartyRules}, consideration and settlements in {@link Wave2SettlementRules}.
 *
 * <p>A trade contract (select to on_confirm) must carry its table, roles and parties. Later
 * messages must name the contract; they may carry less, because status also runs between a ledger
 * provider and its DISCOM with only the meter actuals, and a ledger's allocation report has neither
 * resources nor offers (it holds records, not the contract).
 */
final class Wave2ContractRules {

  private Wave2ContractRules() {}

  static void check(Problems p, Wave2Action action, Contract c) {
    boolean trade = isTrade(action);
    boolean named = !trade || action == Wave2Action.ON_CONFIRM;
    if (named) {
      Wave2Shapes.requiredText(p, c, "id");
    } else {
      Wave2Shapes.text(p, c, "id", false);
    }
    status(p, action, c);
    if (Wave2Shapes.array(p, c, "commitments", true, true)) {
      List<Commitment> cs = c.commitments();
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < cs.size(); i++) {
        Commitment cm = cs.get(i);
        if (!Wave2Shapes.notObject(p, c.pathOf("commitments") + "[" + i + "]", cm)) {
          commitment(p, action, cm, ids);
        }
      }
    }
    Wave2PartyRules.check(p, c, trade);
    Wave2SettlementRules.check(p, action, c);
    performance(p, c);
  }

  /** Select to on_confirm: the messages that negotiate the whole contract. */
  static boolean isTrade(Wave2Action a) {
    return switch (a) {
      case SELECT, ON_SELECT, INIT, ON_INIT, CONFIRM, ON_CONFIRM -> true;
      default -> false;
    };
  }

  private static void status(Problems p, Wave2Action action, Contract c) {
    boolean required = isTrade(action) || action == Wave2Action.ON_CANCEL;
    if (!Wave2Shapes.object(p, c, "status", required)) {
      return;
    }
    String at = c.pathOf("status.code");
    String code = c.statusCode();
    if (!p.required(at, code)) {
      return;
    }
    p.oneOf(at, code, Contract.STATES);
    List<String> expected =
        switch (action) {
          case SELECT, ON_SELECT, INIT, ON_INIT -> List.of("DRAFT");
          case CONFIRM -> List.of("DRAFT", "ACTIVE");
          case ON_CONFIRM -> List.of("ACTIVE");
          case ON_CANCEL -> List.of("CANCELLED");
          default -> Contract.STATES;
        };
    if (Contract.STATES.contains(code) && !expected.contains(code)) {
      p.add(
          at,
          "must be "
              + String.join(" or ", expected)
              + " in "
              + action.wireName()
              + ", not '"
              + code
              + "'");
    }
  }

  private static void commitment(Problems p, Wave2Action action, Commitment cm, Set<String> ids) {
    String id =
        isTrade(action)
            ? Wave2Shapes.requiredText(p, cm, "id")
            : Wave2Shapes.text(p, cm, "id", false);
    if (id != null && !ids.add(id)) {
      p.add(cm.pathOf("id"), "commitment '" + id + "' appears twice");
    }
    if (Wave2Shapes.object(p, cm, "status", false)) {
      p.oneOf(cm.pathOf("status.descriptor.code"), cm.statusCode(), Commitment.STATES);
    }
    Set<String> resourceIds = new HashSet<>();
    boolean trade = isTrade(action);
    if (Wave2Shapes.array(p, cm, "resources", trade, trade)) {
      List<Resource> rs = cm.resources();
      for (int i = 0; i < rs.size(); i++) {
        Resource r = rs.get(i);
        if (!Wave2Shapes.notObject(p, cm.pathOf("resources") + "[" + i + "]", r)) {
          resource(p, r, resourceIds);
        }
      }
    }
    if (Wave2Shapes.object(p, cm, "offer", trade)) {
      Commitment.OfferRef o = cm.offer();
      Wave2Shapes.requiredText(p, o, "id");
      if (Wave2Shapes.array(p, o, "resourceIds", true, true)) {
        List<String> refs = o.resourceIds();
        for (int i = 0; i < refs.size(); i++) {
          if (refs.get(i) == null) {
            p.add(o.pathOf("resourceIds") + "[" + i + "]", "must be a string");
          } else if (!resourceIds.isEmpty() && !resourceIds.contains(refs.get(i))) {
            p.add(
                o.pathOf("resourceIds") + "[" + i + "]",
                "'" + refs.get(i) + "' is not a resource of this commitment");
          }
        }
      }
    }
    if (Wave2Shapes.object(p, cm, "commitmentAttributes", isTrade(action))) {
      TimeSeries ts = cm.commitmentAttributes();
      Wave2TimeSeriesRules.check(p, ts, Wave2TimeSeriesRules.Kind.CONTRACT_TABLE);
      if (isTrade(action) && action != Wave2Action.SELECT) {
        for (String column : List.of(TimeSeries.PRICE_PER_KWH, TimeSeries.REQUESTED_QTY)) {
          if (ts.descriptor(column).isEmpty()) {
            p.add(
                ts.pathOf("payloadDescriptors"),
                "must declare " + column + " in " + action.wireName());
          }
        }
      }
    }
  }

  private static void resource(Problems p, Resource r, Set<String> ids) {
    String id = Wave2Shapes.requiredText(p, r, "id");
    if (id != null) {
      ids.add(id);
    }
    if (Resource.ENERGY_RESOURCE.equals(r.attributesType())) {
      if (r.meterId() == null) {
        p.add(r.pathOf("resourceAttributes.id"), "is required: the seller's meter");
      }
      if (r.quantity() != null) {
        p.energy(r.pathOf("quantity.unitQuantity"), r.quantity());
        p.equalTo(r.pathOf("quantity.unitCode"), r.quantityUnit(), Wave2TimeSeriesRules.KWH);
      }
    }
    List<TimeSeries> data = r.dataPayload();
    for (TimeSeries ts : data) {
      Wave2TimeSeriesRules.check(p, ts, Wave2TimeSeriesRules.Kind.READINGS);
    }
  }

  private static void performance(Problems p, Contract c) {
    if (!Wave2Shapes.array(p, c, "performance", false, false)) {
      return;
    }
    Set<String> commitments = new HashSet<>();
    c.commitments()
        .forEach(
            cm -> {
              if (cm != null && cm.id() != null) {
                commitments.add(cm.id());
              }
            });
    List<Contract.Performance> ps = c.performance();
    for (int i = 0; i < ps.size(); i++) {
      Contract.Performance pf = ps.get(i);
      if (Wave2Shapes.notObject(p, c.pathOf("performance") + "[" + i + "]", pf)) {
        continue;
      }
      List<String> refs = pf.commitmentIds();
      for (int k = 0; k < refs.size(); k++) {
        if (refs.get(k) != null && !commitments.contains(refs.get(k))) {
          p.add(
              pf.pathOf("commitmentIds") + "[" + k + "]",
              "'" + refs.get(k) + "' is not a commitment of this contract");
        }
      }
    }
  }
}
