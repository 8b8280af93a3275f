package org.uei.p2p.model.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.energy.EnergyTradeOffer;
import org.uei.p2p.model.energy.EnergyTradeOrder;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave1.Buyer;
import org.uei.p2p.model.wave1.Catalog;
import org.uei.p2p.model.wave1.CoreContexts;
import org.uei.p2p.model.wave1.Descriptor;
import org.uei.p2p.model.wave1.Item;
import org.uei.p2p.model.wave1.Offer;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.model.wave1.OrderItem;
import org.uei.p2p.model.wave1.Quantity;
import org.uei.p2p.model.wave1.TimePeriod;

/**
 * The DEG wave-1 codec: offers as {@code beckn:Offer} with an {@code EnergyTradeOffer} pack in a
 * {@code beckn:Catalog}, orders as {@code beckn:Order} with {@code EnergyTradeOrder}, {@code
 * EnergyCustomer} and {@code EnergyOrderItem} packs.
 *
 * <p>Order status mapping: PENDING = CREATED, CONFIRMED = CONFIRMED, CURTAILED =
 * PARTIALLYFULFILLED, CANCELLED = CANCELLED, COMPLETED = COMPLETED. Reading also accepts PENDING,
 * INPROGRESS (confirmed) and REJECTED, FAILED (cancelled). Stateless and thread-safe.
 */
public final class Wave1Codec implements TradeCodec<Message> {

  @Override
  public String generation() {
    return "deg-wave1";
  }

  @Override
  public Message catalogMessage(CatalogHeader header, List<EnergyOffer> offers) {
    Catalog c = new Catalog();
    c.setContextUrl(CoreContexts.CORE_V2);
    c.setType(Catalog.TYPE);
    c.setId(header.catalogId());
    c.setDescriptor(Descriptor.named(header.name()));
    c.setBppId(header.bppId());
    c.setBppUri(header.bppUri());
    Map<String, Item> items = new LinkedHashMap<>();
    List<Offer> wireOffers = new ArrayList<>(offers.size());
    for (EnergyOffer o : offers) {
      items.computeIfAbsent(
          o.seller().meterId(), m -> Wave1Offers.item(o.providerId(), o.seller()));
      wireOffers.add(
          Wave1Offers.offer(
              o.offerId(),
              o.providerId(),
              o.seller(),
              o.slot(),
              o.price(),
              o.maxQuantityKwh(),
              o.validFrom(),
              o.validUntil()));
    }
    c.setItems(new ArrayList<>(items.values()));
    c.setOffers(wireOffers);
    return new CatalogMessage(new ArrayList<>(List.of(c)));
  }

  @Override
  public List<EnergyOffer> offers(Message catalogMessage) throws TradeCodecException {
    if (!(catalogMessage instanceof CatalogMessage cm) || cm.getCatalogs() == null) {
      throw new TradeCodecException("message.catalogs", "is required");
    }
    List<EnergyOffer> result = new ArrayList<>();
    for (int c = 0; c < cm.getCatalogs().size(); c++) {
      Catalog cat = cm.getCatalogs().get(c);
      Map<String, Integer> items = new HashMap<>();
      for (int i = 0; cat.getItems() != null && i < cat.getItems().size(); i++) {
        items.putIfAbsent(cat.getItems().get(i).getId(), i);
      }
      List<Offer> offers = cat.getOffers() == null ? List.of() : cat.getOffers();
      for (int i = 0; i < offers.size(); i++) {
        if (offers.get(i).getOfferAttributes() instanceof EnergyTradeOffer) {
          result.add(offer(offers.get(i), cat.getItems(), items, "message.catalogs[" + c + "]", i));
        }
      }
    }
    return result;
  }

  private static EnergyOffer offer(
      Offer o,
      List<Item> catalogItems,
      Map<String, Integer> itemIndex,
      String catalogPath,
      int offerIndex)
      throws TradeCodecException {
    String path = catalogPath + ".beckn:offers[" + offerIndex + "]";
    EnergyTradeOffer eto = Wave1Offers.pack(o, path);
    String itemId = o.getItems() == null || o.getItems().isEmpty() ? null : o.getItems().get(0);
    Integer at = itemIndex.get(Wave1Offers.required(itemId, path + ".beckn:items"));
    Item item = at == null ? null : catalogItems.get(at);
    if (item == null || item.getProvider() == null) {
      throw new TradeCodecException(
          path + ".beckn:items[0]",
          "'" + itemId + "' is not an item with a provider in this catalog");
    }
    MeterPoint seller =
        Wave1Offers.meterPoint(
            item.getProvider().getProviderAttributes(),
            catalogPath + ".beckn:items[" + at + "].beckn:provider.beckn:providerAttributes");
    Quantity max =
        Wave1Offers.required(
            o.getPrice() == null ? null : o.getPrice().getApplicableQuantity(),
            path + ".beckn:price.applicableQuantity");
    TimePeriod validity =
        Wave1Offers.required(
            eto.getValidityWindow(), path + ".beckn:offerAttributes.validityWindow");
    try {
      return new EnergyOffer(
          Wave1Offers.required(o.getId(), path + ".beckn:id"),
          Wave1Offers.required(o.getProvider(), path + ".beckn:provider"),
          seller,
          Wave1Offers.slot(eto, path),
          Wave1Offers.price(o, path),
          max.getUnitQuantity(),
          validity.startInstant(),
          validity.endInstant());
    } catch (RuntimeException e) {
      throw new TradeCodecException(path, e.getMessage(), e);
    }
  }

  @Override
  public Message orderMessage(TradeOrder order) {
    Order o = new Order();
    o.setContextUrl(CoreContexts.CORE_V2);
    o.setType(Order.TYPE);
    o.setId(order.orderId());
    o.setOrderStatus(wireStatus(order.status()));
    o.setSeller(order.lines().get(0).providerId());
    Buyer b = new Buyer();
    b.setContextUrl(CoreContexts.CORE_V2);
    b.setType(Buyer.TYPE);
    b.setId(order.buyerId());
    b.setBuyerAttributes(Wave1Offers.customer(order.buyer()));
    o.setBuyer(b);
    EnergyTradeOrder eto = new EnergyTradeOrder();
    eto.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
    eto.setType(EnergyTradeOrder.TYPE);
    eto.setBapId(order.buyerPlatformId());
    eto.setBppId(order.sellerPlatformId());
    eto.setTotalQuantity(order.totalKwh(), Wave1Offers.KWH);
    o.setOrderAttributes(eto);
    List<OrderItem> items = new ArrayList<>();
    for (OrderLine l : order.lines()) {
      OrderItem it = new OrderItem();
      it.setOrderedItem(l.seller().meterId());
      it.setQuantity(Quantity.of(l.quantityKwh(), Wave1Offers.KWH));
      EnergyOrderItem eoi = new EnergyOrderItem();
      eoi.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
      eoi.setType(EnergyOrderItem.TYPE);
      eoi.setProviderAttributes(Wave1Offers.customer(l.seller()));
      it.setOrderItemAttributes(eoi);
      it.setAcceptedOffer(
          Wave1Offers.offer(
              l.offerId(), l.providerId(), l.seller(), l.slot(), l.price(), null, null, null));
      items.add(it);
    }
    o.setOrderItems(items);
    return new OrderMessage(o);
  }

  @Override
  public TradeOrder order(Message orderMessage) throws TradeCodecException {
    String p = "message.order";
    Order o = orderMessage instanceof OrderMessage om ? om.getOrder() : null;
    Wave1Offers.required(o, p);
    Buyer buyer = Wave1Offers.required(o.getBuyer(), p + ".beckn:buyer");
    MeterPoint buyerMeter =
        Wave1Offers.meterPoint(
            buyer.getBuyerAttributes(), p + ".beckn:buyer.beckn:buyerAttributes");
    EnergyTradeOrder eto =
        o.getOrderAttributes() == null
            ? null
            : o.getOrderAttributes()
                .as(EnergyTradeOrder.class)
                .orElseThrow(
                    () ->
                        new TradeCodecException(
                            p + ".beckn:orderAttributes", "must be an EnergyTradeOrder pack"));
    Wave1Offers.required(eto, p + ".beckn:orderAttributes");
    List<OrderItem> items = Wave1Offers.required(o.getOrderItems(), p + ".beckn:orderItems");
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      lines.add(line(items.get(i), p + ".beckn:orderItems[" + i + "]"));
    }
    try {
      return new TradeOrder(
          o.getId(),
          status(o.getOrderStatus(), p + ".beckn:orderStatus"),
          Wave1Offers.required(eto.getBapId(), p + ".beckn:orderAttributes.bap_id"),
          Wave1Offers.required(eto.getBppId(), p + ".beckn:orderAttributes.bpp_id"),
          Wave1Offers.required(buyer.getId(), p + ".beckn:buyer.beckn:id"),
          buyerMeter,
          lines);
    } catch (IllegalArgumentException e) {
      throw new TradeCodecException(p, e.getMessage(), e);
    }
  }

  private static OrderLine line(OrderItem it, String path) throws TradeCodecException {
    BigDecimal qty =
        Wave1Offers.required(
            it.getQuantity() == null ? null : it.getQuantity().getUnitQuantity(),
            path + ".beckn:quantity.unitQuantity");
    Offer offer = Wave1Offers.required(it.getAcceptedOffer(), path + ".beckn:acceptedOffer");
    String op = path + ".beckn:acceptedOffer";
    EnergyTradeOffer eto = Wave1Offers.pack(offer, op);
    DeliverySlot slot = Wave1Offers.slot(eto, op);
    EnergyOrderItem eoi =
        it.getOrderItemAttributes() == null
            ? null
            : it.getOrderItemAttributes().as(EnergyOrderItem.class).orElse(null);
    MeterPoint seller =
        Wave1Offers.meterPoint(
            eoi == null ? null : eoi.getProviderAttributes(),
            path + ".beckn:orderItemAttributes.providerAttributes");
    try {
      return new OrderLine(
          Wave1Offers.required(offer.getId(), op + ".beckn:id"),
          Wave1Offers.required(offer.getProvider(), op + ".beckn:provider"),
          seller,
          slot,
          Wave1Offers.price(offer, op),
          qty);
    } catch (IllegalArgumentException e) {
      throw new TradeCodecException(path, e.getMessage(), e);
    }
  }

  static String wireStatus(TradeStatus s) {
    return switch (s) {
      case PENDING -> "CREATED";
      case CONFIRMED -> "CONFIRMED";
      case CURTAILED -> "PARTIALLYFULFILLED";
      case CANCELLED -> "CANCELLED";
      case COMPLETED -> "COMPLETED";
    };
  }

  static TradeStatus status(String wire, String path) throws TradeCodecException {
    return switch (Wave1Offers.required(wire, path)) {
      case "CREATED", "PENDING" -> TradeStatus.PENDING;
      case "CONFIRMED", "INPROGRESS" -> TradeStatus.CONFIRMED;
      case "PARTIALLYFULFILLED" -> TradeStatus.CURTAILED;
      case "COMPLETED" -> TradeStatus.COMPLETED;
      case "CANCELLED", "REJECTED", "FAILED" -> TradeStatus.CANCELLED;
      default -> throw new TradeCodecException(path, "'" + wire + "' has no trade status");
    };
  }
}
