package org.uei.p2p.bpp.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.OrderStatus;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.order.SellerOrderLine;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.wire.WireGeneration;

/**
 * The market's view of stored orders: one {@link Trade} per order line, id {@code <order id>/<line
 * number>} (the same ids {@code TradeOrder.trades} gives the buyer platform), between the order's
 * buyer platform and this seller platform. Call inside a transaction.
 */
@ApplicationScoped
public class OrderTrades {

  @Inject OrderService orders;

  /** The trade of one order line ({@link OrderService#trade}). */
  public Trade trade(SellerOrder o, SellerOrderLine l) {
    return orders.trade(o, l);
  }

  /**
   * Lines of orders not cancelled (active or already settled) whose slot starts in {@code [from,
   * to)}, of the orders this node allocates itself: those confirmed on wave 1 or UEI v1. A wave-2
   * contract is allocated by its DISCOMs' ledger providers and settled from their reports, so it is
   * left out even when this node holds meter data for its meters.
   */
  public List<SellerOrderLine> deliveredLines(Instant from, Instant to) {
    return new ArrayList<>(
        SellerOrderLine.list(
            "order.status <> ?1 and order.wire <> ?4 and offerId in "
                + "(select o.id from SlotOffer o where o.slotStart >= ?2 and o.slotStart < ?3)",
            OrderStatus.CANCELLED,
            from,
            to,
            WireGeneration.IES_WAVE2.shortName()));
  }

  static String tradeId(String orderId, int lineNo) {
    return orderId + "/" + lineNo;
  }
}
