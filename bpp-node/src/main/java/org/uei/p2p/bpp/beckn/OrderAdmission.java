package org.uei.p2p.bpp.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.uei.p2p.bpp.catalog.CatalogService;
import org.uei.p2p.bpp.catalog.SlotOffer;
import org.uei.p2p.bpp.order.OrderStatus;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.inbound.InboundRejection;

/**
 * The synchronous business checks of select, init, confirm, status, update and cancel: the order
 * must decode, name offers this platform has, ask no more than is left, not trade a meter with
 * itself and pass the network's trading rules; order-id actions need an order of this buyer
 * platform. Read-only: the reservation itself happens at confirm, atomically.
 */
@ApplicationScoped
public class OrderAdmission {

  private final Wave1Codec codec = new Wave1Codec();

  @Inject CatalogService catalog;
  @Inject NodeIdentity identity;
  @Inject TradePolicy policy;
  @Inject org.uei.p2p.node.clock.MarketClock marketClock;

  /** Decodes the order of select, init or confirm; a NACK with the codec's path when it cannot. */
  public TradeOrder decode(InboundMessage m) throws InboundRejection {
    try {
      return codec.order(m.envelope().getMessage());
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), java.util.Map.of());
    }
  }

  /** Checks an order against the catalog and the trading rules. */
  @Transactional
  public TradeOrder checkOrder(InboundMessage m) throws InboundRejection {
    TradeOrder order = decode(m);
    if (!identity.subscriberId().equals(order.sellerPlatformId())) {
      throw InboundRejection.business(ErrorCode.PROVIDER_NOT_FOUND, "the order is for seller platform '"
          + order.sellerPlatformId() + "', not '" + identity.subscriberId() + "'",
          "message.order.beckn:orderAttributes.bpp_id");
    }
    Instant now = marketClock.now();
    List<OrderLine> lines = order.lines();
    for (int i = 0; i < lines.size(); i++) {
      OrderLine l = lines.get(i);
      String path = "message.order.beckn:orderItems[" + i + "]";
      SlotOffer offer = catalog.offer(l.offerId()).orElseThrow(() -> InboundRejection.business(
          ErrorCode.ITEM_NOT_FOUND, "no offer '" + l.offerId() + "'", path + ".beckn:acceptedOffer.beckn:id"));
      if (!offer.openAt(now)) {
        throw InboundRejection.business(ErrorCode.ITEM_NOT_FOUND, "offer '" + l.offerId()
            + "' is withdrawn or outside its validity window", path + ".beckn:acceptedOffer.beckn:id");
      }
      if (l.quantityKwh().compareTo(offer.availableKwh) > 0) {
        throw InboundRejection.business(ErrorCode.ITEM_QUANTITY_UNAVAILABLE, "offer '" + l.offerId() + "' has "
            + offer.availableKwh.toPlainString() + " kWh left, " + l.quantityKwh().toPlainString() + " asked",
            path + ".beckn:quantity.unitQuantity");
      }
      MeterPoint seller = catalog.sellerMeter(offer);
      if (seller.meterId().equals(order.buyer().meterId())) {
        throw InboundRejection.business(ErrorCode.POLICY_ERROR, "no self-trade: buyer meter '"
            + order.buyer().meterId() + "' is the seller meter", "message.order.beckn:buyer.beckn:buyerAttributes.meterId");
      }
    }
    policy.check(order, m.context().getTransactionId(), now);
    return order;
  }

  /** The order named by a status, update or cancel, which must belong to the sending buyer platform. */
  @Transactional
  public SellerOrder existingOrder(InboundMessage m) throws InboundRejection {
    OrderMessage om = (OrderMessage) m.envelope().getMessage();
    String id = om.getOrder().getId();
    SellerOrder order = SellerOrder.findById(id);
    if (order == null || !order.bapId.equals(m.context().getBapId())) {
      throw InboundRejection.business(ErrorCode.ORDER_NOT_FOUND, "no order '" + id + "' of '"
          + m.context().getBapId() + "'", "message.order.beckn:id");
    }
    return order;
  }

  /** Update and cancel are possible until gate closure of the earliest slot in the order. */
  @Transactional
  public void beforeGateClosure(SellerOrder order, ErrorCode code, String what, Instant gateClosure)
      throws InboundRejection {
    if (order.status != OrderStatus.ACTIVE) {
      throw InboundRejection.business(code, "order '" + order.id + "' is " + order.status, "message.order.beckn:id");
    }
    if (!marketClock.now().isBefore(gateClosure)) {
      throw InboundRejection.business(code, what + " is not possible after gate closure at " + gateClosure,
          "message.order.beckn:id");
    }
  }
}
