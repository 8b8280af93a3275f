package org.uei.p2p.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.ueiv1.UeiV1Message;

/**
 * The UEI v1 codec (Beckn 1.1.0, domain {@code uei:p2p-trading}): offers as catalog items, orders
 * as the classic {@code order} with {@code items}, {@code fulfillments}, {@code quote} and {@code
 * payments}.
 *
 * <p>How the trade model maps:
 *
 * <ul>
 *   <li>An offer is an item of its provider: {@code price} per kWh ({@code INR/kWh}), {@code
 *       quantity.available}, the delivery slot as the {@code start} and {@code end} stops of the
 *       fulfillment it names in {@code fulfillment_ids}, and the validity window as {@code
 *       time.range}.
 *   <li>An order line is an item with {@code quantity.selected} and its own fulfillment (the slot);
 *       the order's provider is the lines' provider, so one order has one provider.
 *   <li>Beckn 1.1.0 has no member for meters, DISCOMs or the two platforms, so they travel as tags
 *       of the tag group {@value #TAG_GROUP}: on an item {@value #SELLER_METER} and {@value
 *       #SELLER_DISCOM}; on the order {@value #BUYER_PLATFORM}, {@value #SELLER_PLATFORM}, {@value
 *       #BUYER_ID}, {@value #BUYER_METER} and {@value #BUYER_DISCOM}.
 *   <li>Status: PENDING = no {@code status}, CONFIRMED = ACTIVE (fulfillment state ORDER_PLACED),
 *       COMPLETED = COMPLETE (ORDER_COMPLETED), CANCELLED = CANCELLED. CURTAILED has no 1.1.0 twin:
 *       written as ACTIVE, read back as CONFIRMED.
 *   <li>The quote (Σ quantity × price, one ENERGY row per line), the billing name and the payment
 *       term (collected by the seller platform after delivery, as platforms settle postpaid) are
 *       written for the counterparty's benefit; reading takes the price from each item.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class UeiV1Codec implements TradeCodec<UeiV1Message> {

  /** The tag group that carries what Beckn 1.1.0 has no member for. */
  public static final String TAG_GROUP = "energy-trade";

  /** Item tag: the seller's meter id. */
  public static final String SELLER_METER = "seller-meter";

  /** Item tag: the seller's DISCOM (UPADHI short code). */
  public static final String SELLER_DISCOM = "seller-discom";

  /** Order tag: subscriber id of the buyer platform. */
  public static final String BUYER_PLATFORM = "buyer-platform";

  /** Order tag: subscriber id of the seller platform. */
  public static final String SELLER_PLATFORM = "seller-platform";

  /** Order tag: the buyer's id on the buyer platform. */
  public static final String BUYER_ID = "buyer-id";

  /** Order tag: the buyer's meter id. */
  public static final String BUYER_METER = "buyer-meter";

  /** Order tag: the buyer's DISCOM. */
  public static final String BUYER_DISCOM = "buyer-discom";

  static final String PER_KWH = "/kWh";
  static final String KWH = "kWh";

  @Override
  public String generation() {
    return "uei-v1";
  }

  @Override
  public UeiV1Message catalogMessage(CatalogHeader header, List<EnergyOffer> offers) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    ObjectNode cat = m.putObject("catalog");
    cat.putObject("descriptor").put("name", header.name()).put("code", header.catalogId());
    ArrayNode providers = cat.putArray("providers");
    Map<String, List<EnergyOffer>> byProvider = new LinkedHashMap<>();
    offers.forEach(o -> byProvider.computeIfAbsent(o.providerId(), k -> new ArrayList<>()).add(o));
    for (Map.Entry<String, List<EnergyOffer>> e : byProvider.entrySet()) {
      ObjectNode pr = providers.addObject().put("id", e.getKey());
      pr.putObject("descriptor").put("name", e.getKey());
      ArrayNode fulfillments = pr.putArray("fulfillments");
      ArrayNode items = pr.putArray("items");
      Map<DeliverySlot, String> slotIds = new LinkedHashMap<>();
      for (EnergyOffer o : e.getValue()) {
        String fid =
            slotIds.computeIfAbsent(
                o.slot(),
                s -> {
                  String id = "slot-" + (slotIds.size() + 1);
                  delivery(fulfillments.addObject(), id, s, null);
                  return id;
                });
        ObjectNode it = items.addObject().put("id", o.offerId());
        it.putObject("descriptor").put("name", "Energy " + o.slot());
        price(it, o.price());
        measure(it.putObject("quantity").putObject("available"), o.maxQuantityKwh());
        it.putArray("fulfillment_ids").add(fid);
        ObjectNode range = it.putObject("time").put("label", "validity").putObject("range");
        range.put("start", o.validFrom().toString()).put("end", o.validUntil().toString());
        tags(it, SELLER_METER, o.seller().meterId(), SELLER_DISCOM, o.seller().discomId());
      }
    }
    return UeiV1Message.of(m);
  }

  @Override
  public List<EnergyOffer> offers(UeiV1Message catalogMessage) throws TradeCodecException {
    return UeiV1Reader.offers(catalogMessage);
  }

  /**
   * The {@code order} of select, init, confirm or a callback for {@code order}.
   *
   * @throws IllegalArgumentException when the lines have more than one provider (a Beckn 1.1.0
   *     order has one) or more than one currency (the quote sums them)
   */
  @Override
  public UeiV1Message orderMessage(TradeOrder order) {
    String provider = order.lines().get(0).providerId();
    if (order.lines().stream().anyMatch(l -> !l.providerId().equals(provider))) {
      throw new IllegalArgumentException(
          "a Beckn 1.1.0 order has one provider; split the order per provider");
    }
    String currency = order.lines().get(0).price().currency().getCurrencyCode();
    if (order.lines().stream()
        .anyMatch(l -> !l.price().currency().getCurrencyCode().equals(currency))) {
      throw new IllegalArgumentException("one quote sums one currency; split the order");
    }
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    ObjectNode o = m.putObject("order");
    if (order.orderId() != null) {
      o.put("id", order.orderId());
    }
    String state = fulfillmentState(order.status());
    if (wireStatus(order.status()) != null) {
      o.put("status", wireStatus(order.status()));
    }
    o.putObject("provider").put("id", provider);
    ArrayNode items = o.putArray("items");
    ArrayNode fulfillments = o.putArray("fulfillments");
    ObjectNode quote = o.putObject("quote");
    ObjectNode total = quote.putObject("price");
    ArrayNode breakup = quote.putArray("breakup");
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < order.lines().size(); i++) {
      OrderLine l = order.lines().get(i);
      String fid = "delivery-" + (i + 1);
      ObjectNode it = items.addObject().put("id", l.offerId());
      price(it, l.price());
      measure(it.putObject("quantity").putObject("selected"), l.quantityKwh());
      it.putArray("fulfillment_ids").add(fid);
      tags(it, SELLER_METER, l.seller().meterId(), SELLER_DISCOM, l.seller().discomId());
      delivery(fulfillments.addObject(), fid, l.slot(), state);
      BigDecimal value = l.price().valueOf(l.quantityKwh());
      sum = sum.add(value);
      ObjectNode row = breakup.addObject().put("title", "ENERGY");
      row.putObject("item").put("id", l.offerId());
      row.putObject("price")
          .put("value", value.toPlainString())
          .put("currency", l.price().currency().getCurrencyCode());
    }
    total.put("value", sum.toPlainString()).put("currency", currency);
    o.putObject("billing").put("name", order.buyerId());
    o.putArray("payments")
        .addObject()
        .put("id", "settlement")
        .put("collected_by", "BPP")
        .put("type", "POST_FULFILLMENT")
        .put("status", "NOT_PAID")
        .putObject("params")
        .put("amount", sum.toPlainString())
        .put("currency", currency);
    tags(
        o,
        BUYER_PLATFORM,
        order.buyerPlatformId(),
        SELLER_PLATFORM,
        order.sellerPlatformId(),
        BUYER_ID,
        order.buyerId(),
        BUYER_METER,
        order.buyer().meterId(),
        BUYER_DISCOM,
        order.buyer().discomId());
    return UeiV1Message.of(m);
  }

  @Override
  public TradeOrder order(UeiV1Message orderMessage) throws TradeCodecException {
    return UeiV1Reader.order(orderMessage);
  }

  static String wireStatus(TradeStatus s) {
    return switch (s) {
      case PENDING -> null;
      case CONFIRMED, CURTAILED -> "ACTIVE";
      case COMPLETED -> "COMPLETE";
      case CANCELLED -> "CANCELLED";
    };
  }

  private static String fulfillmentState(TradeStatus s) {
    return switch (s) {
      case PENDING -> null;
      case CONFIRMED, CURTAILED -> "ORDER_PLACED";
      case COMPLETED -> "ORDER_COMPLETED";
      case CANCELLED -> "CANCELLED";
    };
  }

  private static void delivery(ObjectNode f, String id, DeliverySlot slot, String state) {
    f.put("id", id).put("type", "ENERGY_DELIVERY");
    if (state != null) {
      f.putObject("state").putObject("descriptor").put("code", state);
    }
    ArrayNode stops = f.putArray("stops");
    stops
        .addObject()
        .put("type", "start")
        .putObject("time")
        .put("timestamp", slot.start().toString());
    stops.addObject().put("type", "end").putObject("time").put("timestamp", slot.end().toString());
  }

  private static void price(ObjectNode item, UnitPrice p) {
    item.putObject("price")
        .put("value", p.perKwh().toPlainString())
        .put("currency", p.currency().getCurrencyCode() + PER_KWH);
  }

  private static void measure(ObjectNode quantity, BigDecimal kwh) {
    quantity.putObject("measure").put("value", kwh.toPlainString()).put("unit", KWH);
  }

  // Tags as code/value pairs in one group of TAG_GROUP.
  private static void tags(ObjectNode owner, String... codesAndValues) {
    ObjectNode group = owner.putArray("tags").addObject();
    group.putObject("descriptor").put("code", TAG_GROUP);
    ArrayNode list = group.putArray("list");
    for (int i = 0; i < codesAndValues.length; i += 2) {
      ObjectNode t = list.addObject();
      t.putObject("descriptor").put("code", codesAndValues[i]);
      t.put("value", codesAndValues[i + 1]);
    }
  }
}
