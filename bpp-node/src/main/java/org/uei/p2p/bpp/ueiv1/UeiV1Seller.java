package org.uei.p2p.bpp.ueiv1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.store.Causes;

/**
 * The seller platform's answers on UEI v1 (Beckn 1.1.0): search → on_search from the catalog,
 * select → on_select (quoted at the catalog's prices), init → on_init (with payment terms), confirm
 * → on_confirm (order ACTIVE, energy taken under the same database guards as on wave 1), status →
 * on_status. Business refusals are NACKs naming the buyer's member at fault; a confirm that loses
 * the race for the last kWh is answered with the order CANCELLED and the error.
 */
@ApplicationScoped
public class UeiV1Seller {

  /** The UEI v1 actions a seller platform serves. */
  public static final Set<UeiV1Action> ACTIONS =
      Set.of(
          UeiV1Action.SEARCH,
          UeiV1Action.SELECT,
          UeiV1Action.INIT,
          UeiV1Action.CONFIRM,
          UeiV1Action.STATUS);

  @Inject UeiV1Orders orders;
  @Inject UeiV1Catalog catalog;
  @Inject UeiV1Replies replies;
  @Inject OrderService orderService;

  /** The synchronous checks; read-only. */
  public void admit(InboundMessage m) throws InboundRejection {
    switch (m.ueiV1Action()) {
      case SEARCH -> SearchIntent.of(m.ueiV1().message().intent());
      case SELECT, INIT, CONFIRM -> orders.admit(m);
      case STATUS -> orders.existing(m);
      default ->
          throw InboundRejection.business(
              ErrorCode.ACTION_NOT_APPLICABLE,
              m.actionName() + " is not served here",
              "context.action");
    }
  }

  /** Answers an ACKed message through the callback outbox. */
  public void handle(InboundMessage m) throws Exception {
    UeiV1Context request = m.ueiV1().context();
    switch (m.ueiV1Action()) {
      case SEARCH ->
          replies.reply(
              request, catalog.search(SearchIntent.of(m.ueiV1().message().intent())), null);
      case SELECT ->
          replies.reply(request, replies.quote(orders.priced(m, TradeStatus.PENDING)), null);
      case INIT ->
          replies.reply(
              request, replies.withPaymentTerms(orders.priced(m, TradeStatus.PENDING)), null);
      case CONFIRM -> confirm(m);
      case STATUS -> replies.reply(request, current(orders.existing(m)), null);
      default -> throw new IllegalStateException(m.actionName() + " was admitted but not handled");
    }
  }

  private void confirm(InboundMessage m) throws Exception {
    UeiV1Context request = m.ueiV1().context();
    TradeOrder order = orders.priced(m, TradeStatus.PENDING);
    BecknError refusal;
    try {
      // A repeated confirm of the transaction gets its order back; energy is taken once.
      SellerOrder o = orderService.confirm(order, m.wireContext());
      replies.reply(request, current(o), null);
      return;
    } catch (OrderService.NotAvailable e) {
      refusal =
          BecknError.of(
              ErrorCode.ITEM_QUANTITY_UNAVAILABLE,
              e.getMessage(),
              orders.paths(m).quantity(e.line()));
    } catch (RuntimeException e) {
      if (!Causes.isConstraintViolation(e)) {
        throw e;
      }
      // The offer's CHECK constraint stopped a reservation that lost a race.
      refusal =
          BecknError.of(
              ErrorCode.ITEM_QUANTITY_UNAVAILABLE,
              "the energy was taken by another order",
              orders.paths(m).quantity(0));
    }
    // on_confirm names an order; none was made, so the refusal is named after the transaction.
    TradeOrder refused =
        order.withOrderId("REFUSED-" + request.transactionId()).withStatus(TradeStatus.CANCELLED);
    replies.reply(request, replies.withPaymentTerms(refused), refusal);
  }

  private UeiV1Message current(SellerOrder o) {
    return replies.withPaymentTerms(orderService.view(orderService.find(o.id).orElse(o)));
  }
}
