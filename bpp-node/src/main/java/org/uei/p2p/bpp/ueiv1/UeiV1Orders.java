package org.uei.p2p.bpp.ueiv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.uei.p2p.bpp.beckn.OrderAdmission;
import org.uei.p2p.bpp.cascade.Cascades;
import org.uei.p2p.bpp.catalog.CatalogService;
import org.uei.p2p.bpp.catalog.SlotOffer;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * Beckn 1.1.0 orders as the seller reads and checks them. A 1.1.0 buyer may name only each item's
 * id and quantity (the API's own examples do): what the catalog knows of an item it names (price,
 * delivery window, seller meter) is filled in before the codec reads the order, and what the buyer
 * did write must agree with the catalog. The buyer's meter and DISCOM have no 1.1.0 member and must
 * come as order tags ({@link UeiV1Codec#BUYER_METER}, {@link UeiV1Codec#BUYER_DISCOM}). Then the
 * wave-1 admission runs on the wire-neutral order.
 */
@ApplicationScoped
public class UeiV1Orders {

  private final UeiV1Codec codec = new UeiV1Codec();

  @Inject CatalogService catalog;
  @Inject OrderAdmission admission;
  @Inject OrderService orders;
  @Inject NodeIdentity identity;
  @Inject Cascades cascades;

  /** Every check of select, init and confirm; read-only. */
  @Transactional
  public void admit(InboundMessage m) throws InboundRejection {
    Order o = m.ueiV1().message().order();
    TradeOrder order = decode(m);
    String bap = m.wireContext().bapId();
    if (!bap.equals(order.buyerPlatformId())) {
      throw InboundRejection.business(
          ErrorCode.INVALID_REQUEST,
          "the order names buyer platform '"
              + order.buyerPlatformId()
              + "', not its sender '"
              + bap
              + "'",
          o.pathOf("tags"));
    }
    UeiV1Paths paths = new UeiV1Paths(o);
    TradeOrder priced = admission.checkOrder(order, m.wireContext().transactionId(), paths);
    m.admitted().set(priced);
    if (!cascades.utilitiesOf(priced).isEmpty()) {
      // The DISCOMs' limit checks are cascaded on wave 1 and wave 2 only; trading past them would
      // skip a check the DISCOM asked for.
      throw InboundRejection.business(
          ErrorCode.POLICY_ERROR,
          "trades of DISCOMs "
              + cascades.utilitiesOf(priced).keySet()
              + " need their utility's limit check, which this seller platform does not run on"
              + " UEI v1 yet; trade on wave 1 or wave 2",
          paths.order());
    }
  }

  /** The order with every line priced from the catalog, in {@code status}. */
  public TradeOrder priced(InboundMessage m, TradeStatus status) throws InboundRejection {
    return m.admitted()
        .orElse(TradeOrder.class, () -> admission.priced(decode(m), paths(m)))
        .withStatus(status);
  }

  /** Where the lines of the message's order sit. */
  public UeiV1Paths paths(InboundMessage m) {
    return new UeiV1Paths(m.ueiV1().message().order());
  }

  /** The order a status names by {@code message.order_id}; it must be the sender's. */
  @Transactional
  public SellerOrder existing(InboundMessage m) throws InboundRejection {
    String id = m.ueiV1().message().orderId();
    SellerOrder o = id == null ? null : orders.find(id).orElse(null);
    String bap = m.wireContext().bapId();
    if (o == null || !o.bapId.equals(bap)) {
      throw InboundRejection.business(
          ErrorCode.ORDER_NOT_FOUND, "no order '" + id + "' of '" + bap + "'", "message.order_id");
    }
    return o;
  }

  private TradeOrder decode(InboundMessage m) throws InboundRejection {
    ObjectNode message = m.ueiV1().message().toJson();
    complete((ObjectNode) message.get("order"), m.wireContext().bapId());
    try {
      return codec.order(UeiV1Message.of(message));
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), Map.of());
    }
  }

  /**
   * Adds what the catalog knows to items that leave it out, and the two platforms when the order
   * does not name them. Only adds members, so every path the buyer wrote stays where it was.
   */
  private void complete(ObjectNode order, String bapId) throws InboundRejection {
    JsonNode items = order.path("items");
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof ObjectNode item) || !item.path("id").isTextual()) {
        continue;
      }
      String offerId = item.get("id").asText();
      String at = "message.order.items[" + i + "].id";
      SlotOffer offer =
          catalog
              .offer(offerId)
              .orElseThrow(
                  () ->
                      InboundRejection.business(
                          ErrorCode.ITEM_NOT_FOUND, "no offer '" + offerId + "'", at));
      if (!item.has("price")) {
        item.putObject("price")
            .put("value", offer.pricePerKwh.toPlainString())
            .put("currency", offer.currency + "/kWh");
      }
      fulfillment(order, item, offer);
      MeterPoint seller = catalog.sellerMeter(offer);
      tagIfAbsent(item, UeiV1Codec.SELLER_METER, seller.meterId());
      tagIfAbsent(item, UeiV1Codec.SELLER_DISCOM, seller.discomId());
    }
    tagIfAbsent(order, UeiV1Codec.BUYER_PLATFORM, bapId);
    tagIfAbsent(order, UeiV1Codec.SELLER_PLATFORM, identity.subscriberId());
  }

  // The offer's delivery window: a fulfillment of its own when the item names none, or the stops
  // of the fulfillment it names when that one has none.
  private static void fulfillment(ObjectNode order, ObjectNode item, SlotOffer offer) {
    JsonNode ids = item.path("fulfillment_ids");
    if (ids.isArray() && !ids.isEmpty() && ids.get(0).isTextual()) {
      for (JsonNode f : order.path("fulfillments")) {
        if (f instanceof ObjectNode fo
            && ids.get(0).asText().equals(f.path("id").asText(null))
            && !f.has("stops")) {
          stops(fo, offer);
        }
      }
      return;
    }
    ArrayNode fs =
        order.path("fulfillments").isArray()
            ? (ArrayNode) order.get("fulfillments")
            : order.putArray("fulfillments");
    String fid = "delivery-of-" + offer.id;
    ObjectNode f = fs.addObject().put("id", fid).put("type", "ENERGY_DELIVERY");
    stops(f, offer);
    item.putArray("fulfillment_ids").add(fid);
  }

  private static void stops(ObjectNode f, SlotOffer offer) {
    ArrayNode stops = f.putArray("stops");
    stops
        .addObject()
        .put("type", "start")
        .putObject("time")
        .put("timestamp", offer.slotStart.toString());
    stops
        .addObject()
        .put("type", "end")
        .putObject("time")
        .put("timestamp", offer.slotEnd.toString());
  }

  private static void tagIfAbsent(ObjectNode owner, String code, String value) {
    ArrayNode tags =
        owner.path("tags").isArray() ? (ArrayNode) owner.get("tags") : owner.putArray("tags");
    ObjectNode group = null;
    for (JsonNode g : tags) {
      if (g instanceof ObjectNode go
          && UeiV1Codec.TAG_GROUP.equals(g.path("descriptor").path("code").asText(null))) {
        group = go;
        break;
      }
    }
    if (group == null) {
      group = tags.addObject();
      group.putObject("descriptor").put("code", UeiV1Codec.TAG_GROUP);
    }
    ArrayNode list =
        group.path("list").isArray() ? (ArrayNode) group.get("list") : group.putArray("list");
    for (JsonNode t : list) {
      if (code.equals(t.path("descriptor").path("code").asText(null))) {
        return;
      }
    }
    ObjectNode t = list.addObject();
    t.putObject("descriptor").put("code", code);
    t.put("value", value);
  }
}
