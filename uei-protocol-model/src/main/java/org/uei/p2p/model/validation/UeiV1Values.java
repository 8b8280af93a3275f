package org.uei.p2p.model.validation;

import java.math.BigDecimal;
import java.util.Locale;
import org.uei.p2p.model.ueiv1.Item;
import org.uei.p2p.model.ueiv1.UeiV1Object;

/**
 * The UEI v1 value rules the message rules share: DecimalValue strings, energy in kWh, INR prices
 * (per kWh on items), RFC 3339 times.
 */
final class UeiV1Values {

  private UeiV1Values() {}

  static void time(Problems p, UeiV1Object t) {
    p.dateTime(t.pathOf("timestamp"), Wave2Shapes.text(p, t, "timestamp", false));
    p.duration(t.pathOf("duration"), Wave2Shapes.text(p, t, "duration", false));
    if (Wave2Shapes.object(p, t, "range", false)) {
      UeiV1Object r = t.child("range");
      p.period(
          r.path(),
          Wave2Shapes.text(p, r, "start", false),
          Wave2Shapes.text(p, r, "end", false),
          "start",
          "end",
          false);
    }
  }

  /** An item price: a DecimalValue per kWh in INR. */
  static void price(Problems p, Item it, boolean required) {
    if (Wave2Shapes.object(p, it, "price", required)) {
      UeiV1Object price = it.child("price");
      nonNegative(p, price, "value", true);
      currency(p, price, true, true);
    }
  }

  /** {@code quantity.<kind>.measure}: a DecimalValue of energy in kWh. */
  static void measure(Problems p, UeiV1Object quantity, String kind, boolean required) {
    if (!Wave2Shapes.object(p, quantity, kind, required)) {
      return;
    }
    UeiV1Object q = quantity.child(kind);
    if (!Wave2Shapes.object(p, q, "measure", required)) {
      return;
    }
    UeiV1Object m = q.child("measure");
    p.energy(m.pathOf("value"), decimal(p, m, "value", true));
    String unit = Wave2Shapes.requiredText(p, m, "unit");
    if (unit != null && !Problems.KWH.equalsIgnoreCase(unit)) {
      p.add(m.pathOf("unit"), "must be 'kWh', not '" + unit + "'");
    }
  }

  static void currency(Problems p, UeiV1Object price, boolean required, boolean perKwh) {
    String c = Wave2Shapes.text(p, price, "currency", required);
    if (c == null) {
      return;
    }
    boolean ok =
        Problems.INR.equals(c)
            || perKwh
                && c.toLowerCase(Locale.ROOT).equals(Problems.INR.toLowerCase(Locale.ROOT) + "/kwh")
                && c.startsWith(Problems.INR);
    if (!ok) {
      p.add(
          price.pathOf("currency"),
          "must be '" + Problems.INR + "'" + (perKwh ? " or 'INR/kWh'" : "") + ", not '" + c + "'");
    }
  }

  static void nonNegative(Problems p, UeiV1Object o, String name, boolean required) {
    p.notNegative(o.pathOf(name), decimal(p, o, name, required));
  }

  /** A DecimalValue member: a number written as a string. */
  static BigDecimal decimal(Problems p, UeiV1Object o, String name, boolean required) {
    String s = Wave2Shapes.text(p, o, name, required);
    if (s == null) {
      return null;
    }
    BigDecimal d = UeiV1Object.decimalOf(s);
    if (d == null) {
      p.add(
          o.pathOf(name),
          "'"
              + s
              + "' is not a decimal number written as a string (e.g. \"7.25\") within "
              + "18 digits before and after the point");
    }
    return d;
  }
}
