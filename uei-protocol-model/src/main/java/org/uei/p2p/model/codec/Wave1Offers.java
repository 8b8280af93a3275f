package org.uei.p2p.model.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.uei.p2p.model.energy.EnergyCustomer;
import org.uei.p2p.model.energy.EnergyResource;
import org.uei.p2p.model.energy.EnergyTradeOffer;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave1.Attributes;
import org.uei.p2p.model.wave1.CoreContexts;
import org.uei.p2p.model.wave1.Descriptor;
import org.uei.p2p.model.wave1.Item;
import org.uei.p2p.model.wave1.Offer;
import org.uei.p2p.model.wave1.PriceSpecification;
import org.uei.p2p.model.wave1.Provider;
import org.uei.p2p.model.wave1.Quantity;
import org.uei.p2p.model.wave1.TimePeriod;

/**
 * The wave-1 shapes of offers and energy items, shared by catalogs and orders.
 *
 * <p>An energy item is the seller's meter: its {@code beckn:id} is the meter id, so an offer's
 * {@code beckn:items} and an order line's {@code beckn:orderedItem} name the meter that delivers.
 */
final class Wave1Offers {

  static final String KWH = "kWh";

  private Wave1Offers() {}

  static Offer offer(
      String offerId,
      String providerId,
      MeterPoint seller,
      DeliverySlot slot,
      UnitPrice price,
      BigDecimal maxKwh,
      Instant validFrom,
      Instant validUntil) {
    Offer o = new Offer();
    o.setContextUrl(CoreContexts.CORE_V2);
    o.setType(Offer.TYPE);
    o.setId(offerId);
    o.setDescriptor(Descriptor.named("Energy " + slot));
    o.setProvider(providerId);
    o.setItems(List.of(seller.meterId()));
    o.setPrice(
        PriceSpecification.unitPrice(
            price.perKwh(),
            price.currency().getCurrencyCode(),
            KWH,
            maxKwh == null ? null : Quantity.of(maxKwh, KWH)));
    EnergyTradeOffer eto = new EnergyTradeOffer();
    eto.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
    eto.setType(EnergyTradeOffer.TYPE);
    eto.setPricingModel("PER_KWH");
    eto.setDeliveryWindow(TimePeriod.of(slot.start(), slot.end()));
    if (validFrom != null) {
      eto.setValidityWindow(TimePeriod.of(validFrom, validUntil));
    }
    o.setOfferAttributes(eto);
    return o;
  }

  static Item item(String providerId, MeterPoint seller) {
    Item it = new Item();
    it.setContextUrl(CoreContexts.CORE_V2);
    it.setType(Item.TYPE);
    it.setId(seller.meterId());
    it.setDescriptor(Descriptor.named("Energy from meter " + seller.meterId()));
    Provider p = new Provider();
    p.setId(providerId);
    p.setProviderAttributes(customer(seller));
    it.setProvider(p);
    EnergyResource r = new EnergyResource();
    r.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
    r.setType(EnergyResource.TYPE);
    r.setMeterId(seller.meterId());
    it.setItemAttributes(r);
    return it;
  }

  static EnergyCustomer customer(MeterPoint m) {
    EnergyCustomer c = new EnergyCustomer();
    c.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
    c.setType(EnergyCustomer.TYPE);
    c.setMeterId(m.meterId());
    c.setUtilityId(m.discomId());
    return c;
  }

  /** The meter point in an EnergyCustomer pack at {@code path}. */
  static MeterPoint meterPoint(Attributes a, String path) throws TradeCodecException {
    EnergyCustomer c =
        a == null
            ? null
            : a.as(EnergyCustomer.class)
                .orElseThrow(() -> new TradeCodecException(path, "must be an EnergyCustomer pack"));
    if (c == null) {
      throw new TradeCodecException(path, "is required (the party's meter and DISCOM)");
    }
    if (c.getMeterId() == null) {
      throw new TradeCodecException(path + ".meterId", "is required");
    }
    if (c.getUtilityId() == null) {
      throw new TradeCodecException(path + ".utilityId", "is required (the DISCOM)");
    }
    return new MeterPoint(c.getMeterId(), c.getUtilityId());
  }

  static EnergyTradeOffer pack(Offer o, String path) throws TradeCodecException {
    Attributes a = o.getOfferAttributes();
    if (!(a instanceof EnergyTradeOffer eto)) {
      throw new TradeCodecException(
          path + ".beckn:offerAttributes", "must be an EnergyTradeOffer pack");
    }
    return eto;
  }

  static DeliverySlot slot(EnergyTradeOffer eto, String path) throws TradeCodecException {
    TimePeriod w =
        required(eto.getDeliveryWindow(), path + ".beckn:offerAttributes.deliveryWindow");
    try {
      return new DeliverySlot(w.startInstant(), w.endInstant());
    } catch (RuntimeException e) {
      throw new TradeCodecException(
          path + ".beckn:offerAttributes.deliveryWindow", e.getMessage(), e);
    }
  }

  static UnitPrice price(Offer o, String path) throws TradeCodecException {
    PriceSpecification p = required(o.getPrice(), path + ".beckn:price");
    BigDecimal perKwh = required(p.getPrice(), path + ".beckn:price.schema:price");
    String currency = required(p.getPriceCurrency(), path + ".beckn:price.schema:priceCurrency");
    try {
      return new UnitPrice(perKwh, Currency.getInstance(currency));
    } catch (RuntimeException e) {
      throw new TradeCodecException(path + ".beckn:price", e.getMessage(), e);
    }
  }

  static <T> T required(T value, String path) throws TradeCodecException {
    if (value == null) {
      throw new TradeCodecException(path, "is required");
    }
    return value;
  }
}
