package org.uei.p2p.model.validation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.uei.p2p.model.ueiv1.Catalog;
import org.uei.p2p.model.ueiv1.Fulfillment;
import org.uei.p2p.model.ueiv1.Item;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.model.ueiv1.UeiV1Object;

/**
 * The UEI v1 rules for what messages carry: search intents, on_search catalogs and orders, per the
 * UEI P2P trading API (BAPOrder for requests, BPPOrder with a quote for callbacks).
 */
final class UeiV1OrderRules {

  private static final List<String> QUANTITIES =
      List.of("available", "selected", "minimum", "maximum");
  private static final List<String> BREAKUP_TITLES =
      List.of("ENERGY", "TAX", "DISCOM_FEES", "DISCOUNT", "ADD_ON");
  private static final List<String> CANCELLED_BY = List.of("CONSUMER", "PROVIDER");
  private static final Set<UeiV1Action> WITH_BILLING =
      Set.of(
          UeiV1Action.INIT,
          UeiV1Action.CONFIRM,
          UeiV1Action.ON_INIT,
          UeiV1Action.ON_CONFIRM,
          UeiV1Action.ON_STATUS,
          UeiV1Action.ON_UPDATE,
          UeiV1Action.ON_CANCEL);
  private static final Set<UeiV1Action> WITH_PAYMENTS =
      Set.of(
          UeiV1Action.CONFIRM,
          UeiV1Action.ON_INIT,
          UeiV1Action.ON_CONFIRM,
          UeiV1Action.ON_STATUS,
          UeiV1Action.ON_UPDATE,
          UeiV1Action.ON_CANCEL);
  // BAPOrder lists fulfillments as required, but the API's own select example has none, and Beckn
  // 1.1.0 does not require them: a select picks catalog items, whose fulfillment_ids already name
  // the delivery window, and the seller returns the fulfillments in on_select. Init and confirm
  // carry them (the buyer's customer details), in the schema and in the examples alike.
  private static final Set<UeiV1Action> WITH_FULFILLMENTS =
      Set.of(UeiV1Action.INIT, UeiV1Action.CONFIRM);
  private static final Set<UeiV1Action> CONFIRMED =
      Set.of(
          UeiV1Action.ON_CONFIRM,
          UeiV1Action.ON_STATUS,
          UeiV1Action.ON_UPDATE,
          UeiV1Action.ON_CANCEL);

  private UeiV1OrderRules() {}

  static void intent(Problems p, UeiV1Message.Intent in) {
    if (Wave2Shapes.object(p, in, "item", false)) {
      UeiV1Object item = in.child("item");
      if (Wave2Shapes.object(p, item, "quantity", false)) {
        UeiV1Object q = item.child("quantity");
        for (String kind : QUANTITIES) {
          UeiV1Values.measure(p, q, kind, false);
        }
      }
      if (Wave2Shapes.object(p, item, "price", false)) {
        UeiV1Object price = item.child("price");
        for (String name : List.of("value", "minimum_value", "maximum_value")) {
          UeiV1Values.nonNegative(p, price, name, false);
        }
        UeiV1Values.currency(p, price, false, true);
      }
    }
    if (Wave2Shapes.object(p, in, "fulfillment", false)) {
      fulfillment(p, in.fulfillment(), false);
    }
  }

  static void catalog(Problems p, Catalog c) {
    if (!Wave2Shapes.array(p, c, "providers", true, true)) {
      return;
    }
    List<Catalog.Provider> ps = c.providers();
    for (int i = 0; i < ps.size(); i++) {
      Catalog.Provider pr = ps.get(i);
      if (Wave2Shapes.notObject(p, c.pathOf("providers") + "[" + i + "]", pr)) {
        continue;
      }
      Wave2Shapes.requiredText(p, pr, "id");
      Set<String> fids = fulfillments(p, pr, pr.fulfillments(), false, false);
      if (!Wave2Shapes.array(p, pr, "items", false, true)) {
        continue;
      }
      List<Item> items = pr.items();
      for (int k = 0; k < items.size(); k++) {
        Item it = items.get(k);
        if (Wave2Shapes.notObject(p, pr.pathOf("items") + "[" + k + "]", it)) {
          continue;
        }
        Wave2Shapes.requiredText(p, it, "id");
        UeiV1Values.price(p, it, true);
        if (Wave2Shapes.object(p, it, "quantity", true)) {
          UeiV1Values.measure(p, it.child("quantity"), "available", true);
        }
        references(p, it, fids);
        if (Wave2Shapes.object(p, it, "time", false)) {
          UeiV1Values.time(p, it.child("time"));
        }
      }
    }
  }

  static void order(Problems p, UeiV1Action action, Order o) {
    boolean update = action == UeiV1Action.UPDATE;
    boolean callback = action.isCallback();
    String id = Wave2Shapes.text(p, o, "id", update || CONFIRMED.contains(action));
    if (id != null && (action == UeiV1Action.ON_SELECT || action == UeiV1Action.ON_INIT)) {
      p.add(o.pathOf("id"), "must be absent until the order is confirmed (on_confirm)");
    }
    p.oneOf(o.pathOf("status"), Wave2Shapes.text(p, o, "status", false), Order.STATES);
    if (Wave2Shapes.object(p, o, "provider", !update)) {
      Wave2Shapes.requiredText(p, o.child("provider"), "id");
    }
    boolean fulfillmentsRequired = WITH_FULFILLMENTS.contains(action);
    Set<String> fids =
        Wave2Shapes.array(p, o, "fulfillments", fulfillmentsRequired, !update && !callback)
            ? fulfillments(p, o, o.fulfillments(), CONFIRMED.contains(action), true)
            : Set.of();
    if (Wave2Shapes.array(p, o, "items", !update, true)) {
      List<Item> items = o.items();
      for (int i = 0; i < items.size(); i++) {
        Item it = items.get(i);
        if (Wave2Shapes.notObject(p, o.pathOf("items") + "[" + i + "]", it)) {
          continue;
        }
        Wave2Shapes.requiredText(p, it, "id");
        if (callback || it.child("price") != null) {
          UeiV1Values.price(p, it, callback);
        }
        if (Wave2Shapes.object(p, it, "quantity", !callback && !update)) {
          UeiV1Values.measure(p, it.child("quantity"), "selected", !callback && !update);
        }
        if (!fids.isEmpty()) {
          references(p, it, fids);
        }
      }
    }
    Wave2Shapes.object(p, o, "billing", WITH_BILLING.contains(action));
    if (Wave2Shapes.object(p, o, "quote", callback && !update)) {
      quote(p, o.child("quote"));
    }
    if (Wave2Shapes.array(
        p, o, "payments", WITH_PAYMENTS.contains(action), WITH_PAYMENTS.contains(action))) {
      payments(p, o);
    }
    if (Wave2Shapes.object(p, o, "cancellation", action == UeiV1Action.ON_CANCEL)) {
      UeiV1Object c = o.child("cancellation");
      p.requiredEnum(
          c.pathOf("cancelled_by"), Wave2Shapes.text(p, c, "cancelled_by", false), CANCELLED_BY);
      String time = Wave2Shapes.text(p, c, "time", true);
      p.dateTime(c.pathOf("time"), time);
    }
  }

  private static Set<String> fulfillments(
      Problems p, UeiV1Object owner, List<Fulfillment> fs, boolean stateRequired, boolean inOrder) {
    for (int i = 0; i < fs.size(); i++) {
      Fulfillment f = fs.get(i);
      if (Wave2Shapes.notObject(p, owner.pathOf("fulfillments") + "[" + i + "]", f)) {
        continue;
      }
      Wave2Shapes.requiredText(p, f, "id");
      fulfillment(p, f, stateRequired);
    }
    return fs.stream()
        .filter(f -> f != null && f.id() != null)
        .map(Fulfillment::id)
        .collect(Collectors.toSet());
  }

  private static void fulfillment(Problems p, Fulfillment f, boolean stateRequired) {
    Wave2Shapes.text(p, f, "type", false);
    if (Wave2Shapes.object(p, f, "state", stateRequired)) {
      UeiV1Object state = f.child("state");
      if (Wave2Shapes.object(p, state, "descriptor", true)) {
        p.oneOf(
            state.pathOf("descriptor.code"),
            Wave2Shapes.requiredText(p, state.child("descriptor"), "code"),
            Fulfillment.STATES);
      }
    }
    if (!Wave2Shapes.array(p, f, "stops", false, false)) {
      return;
    }
    List<Fulfillment.Stop> stops = f.stops();
    for (int i = 0; i < stops.size(); i++) {
      Fulfillment.Stop s = stops.get(i);
      if (Wave2Shapes.notObject(p, f.pathOf("stops") + "[" + i + "]", s)) {
        continue;
      }
      Wave2Shapes.text(p, s, "type", false);
      if (Wave2Shapes.object(p, s, "time", false)) {
        UeiV1Values.time(p, s.child("time"));
      }
    }
  }

  private static void references(Problems p, Item it, Set<String> fids) {
    List<String> refs = it.fulfillmentIds();
    if (!Wave2Shapes.array(p, it, "fulfillment_ids", false, false)) {
      return;
    }
    for (int i = 0; i < refs.size(); i++) {
      String at = it.pathOf("fulfillment_ids") + "[" + i + "]";
      if (refs.get(i) == null) {
        p.add(at, "must be a string");
      } else if (!fids.contains(refs.get(i))) {
        p.add(at, "'" + refs.get(i) + "' is not the id of a fulfillment here");
      }
    }
  }

  private static void quote(Problems p, UeiV1Object q) {
    if (Wave2Shapes.object(p, q, "price", true)) {
      UeiV1Object price = q.child("price");
      UeiV1Values.nonNegative(p, price, "value", true);
      UeiV1Values.currency(p, price, true, false);
    }
    p.duration(q.pathOf("ttl"), Wave2Shapes.text(p, q, "ttl", false));
    if (!Wave2Shapes.array(p, q, "breakup", true, true)) {
      return;
    }
    var rows = q.member("breakup");
    for (int i = 0; i < rows.size(); i++) {
      String at = q.pathOf("breakup") + "[" + i + "]";
      if (!rows.get(i).isObject()) {
        p.add(at, "must be an object");
        continue;
      }
      UeiV1Object row = q.childAt("breakup", i);
      p.oneOf(row.pathOf("title"), Wave2Shapes.text(p, row, "title", false), BREAKUP_TITLES);
      if (Wave2Shapes.object(p, row, "price", true)) {
        UeiV1Object price = row.child("price");
        UeiV1Values.decimal(p, price, "value", true);
        UeiV1Values.currency(p, price, true, false);
      }
    }
  }

  private static void payments(Problems p, Order o) {
    List<Order.Payment> ps = o.payments();
    for (int i = 0; i < ps.size(); i++) {
      Order.Payment pay = ps.get(i);
      if (Wave2Shapes.notObject(p, o.pathOf("payments") + "[" + i + "]", pay)) {
        continue;
      }
      Wave2Shapes.requiredText(p, pay, "id");
      p.requiredEnum(
          pay.pathOf("collected_by"),
          Wave2Shapes.text(p, pay, "collected_by", false),
          Order.Payment.COLLECTORS);
      p.requiredEnum(
          pay.pathOf("type"), Wave2Shapes.text(p, pay, "type", false), Order.Payment.TYPES);
      p.requiredEnum(
          pay.pathOf("status"), Wave2Shapes.text(p, pay, "status", false), Order.Payment.STATES);
      p.httpUri(pay.pathOf("url"), Wave2Shapes.text(p, pay, "url", false));
      if (Wave2Shapes.object(p, pay, "params", false)) {
        UeiV1Object params = pay.child("params");
        UeiV1Values.nonNegative(p, params, "amount", true);
        UeiV1Values.currency(p, params, true, false);
      }
    }
  }
}
