package org.uei.p2p.bpp.handler;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Set;
import org.uei.p2p.bpp.beckn.Notifications;
import org.uei.p2p.bpp.beckn.OrderAdmission;
import org.uei.p2p.bpp.beckn.OrderQuotes;
import org.uei.p2p.bpp.cascade.Cascades;
import org.uei.p2p.bpp.catalog.DiscoverService;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.discovery.DiscoverFilter;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The seller platform's answers: discover → on_discover, select → on_select (quote), init → on_init
 * (payment terms), confirm → on_confirm (order, energy reserved), status → on_status, update →
 * on_update, cancel → on_cancel. Business refusals happen in {@link #admit}; answers go through the
 * callback outbox. With utilities configured ({@code uei.bpp.utilities}), init and confirm are
 * answered only after the DISCOMs' utility nodes answered their cascaded copy ({@link Cascades}),
 * and the utilities' callbacks are accepted. Wave-2 messages go to {@link
 * org.uei.p2p.bpp.wave2.Wave2Seller}, UEI v1 messages to {@link org.uei.p2p.bpp.ueiv1.UeiV1Seller}.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(BppHandler.class)
public class BppHandler implements BecknHandler {

  @Inject DiscoverService discovery;
  @Inject OrderAdmission admission;
  @Inject OrderService orders;
  @Inject OrderQuotes quotes;
  @Inject org.uei.p2p.market.rules.TradingRules rules;
  @Inject Cascades cascades;
  @Inject Notifications notifications;
  @Inject org.uei.p2p.bpp.wave2.Wave2Seller wave2;
  @Inject org.uei.p2p.bpp.ueiv1.UeiV1Seller ueiV1;

  /** The wave-2 actions of a seller platform, served when {@code uei.wire} includes wave2. */
  @Override
  public Set<org.uei.p2p.model.wave2.Wave2Action> acceptsWave2() {
    return org.uei.p2p.bpp.wave2.Wave2Seller.ACTIONS;
  }

  /** The UEI v1 actions of a seller platform, served when {@code uei.wire} includes uei-v1. */
  @Override
  public Set<org.uei.p2p.model.ueiv1.UeiV1Action> acceptsUeiV1() {
    return org.uei.p2p.bpp.ueiv1.UeiV1Seller.ACTIONS;
  }

  @Override
  public Set<Action> accepts() {
    Set<Action> requests =
        Set.of(
            Action.DISCOVER,
            Action.SELECT,
            Action.INIT,
            Action.CONFIRM,
            Action.STATUS,
            Action.UPDATE,
            Action.CANCEL);
    if (!cascades.active()) {
      return requests;
    }
    Set<Action> all = new java.util.HashSet<>(requests);
    all.addAll(UTILITY_CALLBACKS);
    return all;
  }

  private static final Set<Action> UTILITY_CALLBACKS =
      Set.of(
          Action.ON_INIT, Action.ON_CONFIRM, Action.ON_CANCEL, Action.ON_STATUS, Action.ON_UPDATE);

  @Override
  public void admit(InboundMessage m) throws InboundRejection {
    if (m.wire() == org.uei.p2p.model.wire.WireGeneration.IES_WAVE2) {
      wave2.admit(m);
      return;
    }
    if (m.wire() == org.uei.p2p.model.wire.WireGeneration.UEI_V1) {
      ueiV1.admit(m);
      return;
    }
    switch (m.action()) {
      case DISCOVER -> filter(m);
      case SELECT, INIT, CONFIRM -> admission.checkOrder(m);
      case ON_INIT, ON_CONFIRM, ON_CANCEL, ON_STATUS, ON_UPDATE -> cascades.admit(m);
      case STATUS -> admission.existingOrder(m);
      case CANCEL ->
          admission.beforeGateClosure(
              admission.existingOrder(m),
              ErrorCode.CANCELLATION_NOT_POSSIBLE,
              "cancellation",
              gateClosure(admission.existingOrder(m)));
      case UPDATE -> {
        SellerOrder o = admission.existingOrder(m);
        admission.beforeGateClosure(o, ErrorCode.UPDATE_NOT_POSSIBLE, "an update", gateClosure(o));
        requestedQuantity(m, o);
      }
      default ->
          throw InboundRejection.business(
              ErrorCode.ACTION_NOT_APPLICABLE,
              m.action() + " is not served here",
              "context.action");
    }
  }

  @Override
  public void handle(InboundMessage m) throws Exception {
    if (m.wire() == org.uei.p2p.model.wire.WireGeneration.IES_WAVE2) {
      wave2.handle(m);
      return;
    }
    if (m.wire() == org.uei.p2p.model.wire.WireGeneration.UEI_V1) {
      ueiV1.handle(m);
      return;
    }
    Context request = m.context();
    switch (m.action()) {
      case DISCOVER -> reply(request, discovery.discover(filter(m)), null);
      case SELECT -> reply(request, quotes.quote(admission.priced(m)), null);
      case INIT -> init(m);
      case CONFIRM -> confirm(m);
      case STATUS -> reply(request, current(admission.existingOrder(m)), null);
      case CANCEL -> reply(request, current(orders.cancel(admission.existingOrder(m).id)), null);
      case UPDATE -> update(m);
      case ON_INIT, ON_CONFIRM, ON_CANCEL, ON_STATUS, ON_UPDATE -> cascades.handle(m);
      default -> Log.warnf("no handling for %s", m.action());
    }
  }

  private void init(InboundMessage m) throws Exception {
    TradeOrder order = admission.priced(m);
    var utilities = cascades.utilitiesOf(order);
    if (!utilities.isEmpty()) {
      cascades.start(m, order, null, utilities);
      return;
    }
    reply(m.context(), quotes.withPaymentTerms(order, "PENDING"), null);
  }

  private void confirm(InboundMessage m) throws Exception {
    TradeOrder order = admission.priced(m);
    try {
      SellerOrder confirmed = orders.confirm(order, m.context());
      var utilities = cascades.utilitiesOf(order);
      if (!utilities.isEmpty() && confirmed.status == org.uei.p2p.bpp.order.OrderStatus.ACTIVE) {
        // The energy stays reserved while the utilities check; a refusal gives it back.
        cascades.start(m, order, confirmed.id, utilities);
        return;
      }
      reply(m.context(), quotes.withPaymentTerms(orders.view(confirmed), "AUTHORIZED"), null);
    } catch (OrderService.NotAvailable e) {
      refuse(m, order, e.line(), e.getMessage());
    } catch (RuntimeException e) {
      if (!org.uei.p2p.node.store.Causes.isConstraintViolation(e)) {
        throw e;
      }
      // The offer's CHECK constraint stopped a reservation that lost a race.
      refuse(m, order, 0, "the energy was taken by another order");
    }
  }

  private void refuse(InboundMessage m, TradeOrder order, int line, String why) {
    // on_confirm must name an order; none was made, so the refusal is named after the transaction.
    TradeOrder rejected =
        order
            .withOrderId("REFUSED-" + m.context().getTransactionId())
            .withStatus(org.uei.p2p.model.trade.TradeStatus.CANCELLED);
    reply(
        m.context(),
        quotes.quote(rejected),
        BecknError.of(
            ErrorCode.ITEM_QUANTITY_UNAVAILABLE,
            why,
            "message.order.beckn:orderItems[" + line + "].beckn:quantity.unitQuantity"));
  }

  private void update(InboundMessage m) throws Exception {
    SellerOrder o = admission.existingOrder(m);
    BigDecimal kwh = requestedQuantity(m, o);
    try {
      reply(m.context(), current(orders.changeQuantity(o.id, 1, kwh)), null);
    } catch (OrderService.NotAvailable e) {
      reply(
          m.context(),
          current(o),
          BecknError.of(
              ErrorCode.ITEM_QUANTITY_UNAVAILABLE,
              e.getMessage(),
              "message.order.beckn:orderItems[0].beckn:quantity.unitQuantity"));
    }
  }

  /** The new quantity of the order's (first) line that an update asks for. */
  private BigDecimal requestedQuantity(InboundMessage m, SellerOrder o) throws InboundRejection {
    OrderMessage om = (OrderMessage) m.envelope().getMessage();
    var items = om.getOrder().getOrderItems();
    if (items == null
        || items.isEmpty()
        || items.get(0).getQuantity() == null
        || items.get(0).getQuantity().getUnitQuantity() == null) {
      throw InboundRejection.business(
          ErrorCode.UPDATE_NOT_POSSIBLE,
          "an update names the new quantity in beckn:orderItems[0].beckn:quantity",
          "message.order.beckn:orderItems");
    }
    if (o.lines.size() != 1) {
      throw InboundRejection.business(
          ErrorCode.UPDATE_NOT_POSSIBLE,
          "only single-line orders can be updated",
          "message.order.beckn:orderItems");
    }
    BigDecimal kwh = items.get(0).getQuantity().getUnitQuantity();
    if (kwh.compareTo(rules.minimumKwh()) < 0) {
      throw InboundRejection.business(
          ErrorCode.UPDATE_NOT_POSSIBLE,
          "the new quantity is below the minimum of "
              + rules.minimumKwh().toPlainString()
              + " kWh; cancel instead",
          "message.order.beckn:orderItems[0].beckn:quantity.unitQuantity");
    }
    return kwh;
  }

  private java.time.Instant gateClosure(SellerOrder o) {
    return orders.firstSlotStart(o).minus(rules.gateClosureBefore());
  }

  private OrderMessage current(SellerOrder o) {
    return quotes.withPaymentTerms(orders.view(orders.find(o.id).orElse(o)), "AUTHORIZED");
  }

  private static DiscoverFilter filter(InboundMessage m) throws InboundRejection {
    DiscoverMessage dm = (DiscoverMessage) m.envelope().getMessage();
    if (dm.getFilters() == null) {
      return DiscoverFilter.matchAll();
    }
    String type = dm.getFilters().getType();
    if (type != null && !DiscoverMessage.Filters.JSONPATH.equalsIgnoreCase(type)) {
      throw InboundRejection.business(
          ErrorCode.INVALID_REQUEST,
          "filter type '" + type + "' is not supported; use jsonpath",
          "message.filters.type");
    }
    try {
      return DiscoverFilter.parse(dm.getFilters().getExpression());
    } catch (DiscoverFilter.UnsupportedFilterException e) {
      throw InboundRejection.business(
          ErrorCode.INVALID_REQUEST,
          "unsupported filter: " + e.getMessage(),
          "message.filters.expression");
    }
  }

  private void reply(Context request, Message message, BecknError error) {
    notifications.reply(request, message, error);
  }
}
