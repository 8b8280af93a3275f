package org.uei.p2p.model.validation;

import java.util.List;
import org.uei.p2p.model.energy.EnergyCustomer;
import org.uei.p2p.model.energy.EnergyEnums;
import org.uei.p2p.model.energy.EnergyResource;
import org.uei.p2p.model.energy.EnergyTradeOffer;
import org.uei.p2p.model.wave1.Attributes;
import org.uei.p2p.model.wave1.CoreEnums;
import org.uei.p2p.model.wave1.Item;
import org.uei.p2p.model.wave1.MonetaryAmount;
import org.uei.p2p.model.wave1.Offer;
import org.uei.p2p.model.wave1.PriceComponent;
import org.uei.p2p.model.wave1.PriceSpecification;
import org.uei.p2p.model.wave1.Quantity;
import org.uei.p2p.model.wave1.TimePeriod;

/** Rules for the objects that catalogs and orders share: quantities, prices, offers, items. */
final class ObjectRules {

  private ObjectRules() {}

  /** An energy quantity: unitQuantity > 0 with at most 2 decimals, unitText kWh. */
  static void quantity(Problems p, String path, Quantity q, boolean required) {
    if (q == null) {
      if (required) {
        p.required(path, null);
      }
      return;
    }
    if (p.required(path + ".unitQuantity", q.getUnitQuantity())) {
      p.energy(path + ".unitQuantity", q.getUnitQuantity());
    }
    if (p.required(path + ".unitText", q.getUnitText())) {
      p.equalTo(path + ".unitText", q.getUnitText(), Problems.KWH);
    }
  }

  /** A time window of the energy packs: both ends RFC 3339, start before end. */
  static void window(Problems p, String path, TimePeriod t, boolean required) {
    if (t == null) {
      if (required) {
        p.required(path, null);
      }
      return;
    }
    p.period(path, t.getStartTime(), t.getEndTime(), "schema:startTime", "schema:endTime", true);
  }

  /**
   * The unit price of an offer: schema:price >= 0 in INR per kWh, and the quantity it applies to.
   */
  static void offerPrice(Problems p, String path, PriceSpecification price) {
    if (!p.required(path, price)) {
      return;
    }
    if (p.required(path + ".schema:price", price.getPrice())) {
      p.notNegative(path + ".schema:price", price.getPrice());
    }
    if (p.required(path + ".schema:priceCurrency", price.getPriceCurrency())) {
      p.equalTo(path + ".schema:priceCurrency", price.getPriceCurrency(), Problems.INR);
    }
    p.equalTo(path + ".unitText", price.getUnitText(), Problems.KWH);
    quantity(p, path + ".applicableQuantity", price.getApplicableQuantity(), false);
  }

  /** An order value or line price: value >= 0 in INR, components typed and in INR. */
  static void amount(Problems p, String path, PriceSpecification v) {
    if (v == null) {
      return;
    }
    p.notNegative(path + ".value", v.getValue());
    p.equalTo(path + ".currency", v.getCurrency(), Problems.INR);
    p.equalTo(path + ".schema:priceCurrency", v.getPriceCurrency(), Problems.INR);
    List<PriceComponent> cs = v.getComponents();
    for (int i = 0; cs != null && i < cs.size(); i++) {
      String cp = path + ".components[" + i + "]";
      PriceComponent c = cs.get(i);
      if (c == null) {
        p.add(cp, "must be an object");
        continue;
      }
      p.oneOf(cp + ".type", c.getType(), CoreEnums.PRICE_COMPONENT_TYPE);
      p.equalTo(cp + ".currency", c.getCurrency(), Problems.INR);
    }
  }

  static void money(Problems p, String path, MonetaryAmount a) {
    if (a == null) {
      return;
    }
    p.notNegative(path + ".value", a.getValue());
    p.equalTo(path + ".currency", a.getCurrency(), Problems.INR);
  }

  /** An offer: id, provider, items, price, and its EnergyTradeOffer pack when present. */
  static void offer(Problems p, String path, Offer o) {
    if (!p.required(path, o)) {
      return;
    }
    p.required(path + ".beckn:id", o.getId());
    p.required(path + ".beckn:provider", o.getProvider());
    p.required(path + ".beckn:items", o.getItems());
    offerPrice(p, path + ".beckn:price", o.getPrice());
    paymentMethods(p, path + ".beckn:acceptedPaymentMethod", o.getAcceptedPaymentMethod());
    Attributes a = o.getOfferAttributes();
    if (a instanceof EnergyTradeOffer eto) {
      String ap = path + ".beckn:offerAttributes";
      p.requiredEnum(ap + ".pricingModel", eto.getPricingModel(), EnergyEnums.PRICING_MODEL);
      window(p, ap + ".deliveryWindow", eto.getDeliveryWindow(), false);
      window(p, ap + ".validityWindow", eto.getValidityWindow(), false);
    }
  }

  static void paymentMethods(Problems p, String path, List<String> methods) {
    for (int i = 0; methods != null && i < methods.size(); i++) {
      p.oneOf(path + "[" + i + "]", methods.get(i), CoreEnums.PAYMENT_METHOD);
    }
  }

  /**
   * A catalog item: id, provider id, EnergyResource source type, provider's EnergyCustomer pack.
   */
  static void item(Problems p, String path, Item it) {
    if (!p.required(path, it)) {
      return;
    }
    p.required(path + ".beckn:id", it.getId());
    if (it.getProvider() != null) {
      p.required(path + ".beckn:provider.beckn:id", it.getProvider().getId());
      energyCustomer(
          p,
          path + ".beckn:provider.beckn:providerAttributes",
          it.getProvider().getProviderAttributes());
    }
    if (it.getItemAttributes() instanceof EnergyResource r) {
      p.oneOf(
          path + ".beckn:itemAttributes.sourceType", r.getSourceType(), EnergyEnums.SOURCE_TYPE);
    }
  }

  /** An EnergyCustomer pack must name its meter. Other packs are not checked. */
  static void energyCustomer(Problems p, String path, Attributes a) {
    if (a instanceof EnergyCustomer c) {
      p.required(path + ".meterId", c.getMeterId());
      p.notNegative(path + ".sanctionedLoad", c.getSanctionedLoad());
    }
  }
}
