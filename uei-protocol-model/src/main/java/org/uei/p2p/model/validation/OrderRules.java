package org.uei.p2p.model.validation;

import java.util.List;
import org.uei.p2p.model.energy.EnergyEnums;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.energy.EnergyTradeDelivery;
import org.uei.p2p.model.energy.EnergyTradeOrder;
import org.uei.p2p.model.energy.MeterReading;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.wave1.CoreEnums;
import org.uei.p2p.model.wave1.Offer;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.model.wave1.OrderItem;
import org.uei.p2p.model.wave1.Payment;

/** Rules for {@code message.order} of the order-bearing actions. */
final class OrderRules {

  private static final String ORDER = "message.order";

  private OrderRules() {}

  static void check(Problems p, Action action, Order order) {
    if (!p.required(ORDER, order)) {
      return;
    }
    boolean idOnly = action == Action.STATUS || action == Action.CANCEL || action == Action.UPDATE;
    boolean needsId =
        idOnly
            || action == Action.ON_CONFIRM
            || action == Action.ON_STATUS
            || action == Action.ON_UPDATE
            || action == Action.ON_CANCEL;
    if (needsId) {
      p.required(ORDER + ".beckn:id", order.getId());
    }
    if (!idOnly) {
      p.requiredEnum(ORDER + ".beckn:orderStatus", order.getOrderStatus(), CoreEnums.ORDER_STATUS);
      p.required(ORDER + ".beckn:seller", order.getSeller());
      if (p.required(ORDER + ".beckn:buyer", order.getBuyer())) {
        p.required(ORDER + ".beckn:buyer.beckn:id", order.getBuyer().getId());
        p.oneOf(
            ORDER + ".beckn:buyer.beckn:role", order.getBuyer().getRole(), CoreEnums.BUYER_ROLE);
        ObjectRules.energyCustomer(
            p, ORDER + ".beckn:buyer.beckn:buyerAttributes", order.getBuyer().getBuyerAttributes());
      }
      p.required(ORDER + ".beckn:orderItems", order.getOrderItems());
    } else {
      p.oneOf(ORDER + ".beckn:orderStatus", order.getOrderStatus(), CoreEnums.ORDER_STATUS);
    }
    boolean offerRequired =
        action == Action.SELECT
            || action == Action.INIT
            || action == Action.CONFIRM
            || action == Action.ON_SELECT
            || action == Action.ON_INIT
            || action == Action.ON_CONFIRM;
    List<OrderItem> items = order.getOrderItems();
    for (int i = 0; items != null && i < items.size(); i++) {
      item(p, ORDER + ".beckn:orderItems[" + i + "]", items.get(i), offerRequired);
    }
    if (order.getOrderAttributes() instanceof EnergyTradeOrder eto) {
      String ap = ORDER + ".beckn:orderAttributes";
      p.required(ap + ".bap_id", eto.getBapId());
      p.required(ap + ".bpp_id", eto.getBppId());
      if (eto.getTotalQuantityJson() != null
          && !eto.getTotalQuantityJson().isNumber()
          && !eto.getTotalQuantityJson().isObject()) {
        p.add(ap + ".total_quantity", "must be a quantity object or a number");
      } else if (eto.getTotalQuantityJson() != null && eto.getTotalQuantityJson().isNumber()) {
        p.energy(ap + ".total_quantity", eto.getTotalQuantityJson().decimalValue());
      } else {
        eto.totalQuantity()
            .ifPresent(q -> ObjectRules.quantity(p, ap + ".total_quantity", q, false));
      }
    }
    List<Offer> accepted = order.getAcceptedOffers();
    for (int i = 0; accepted != null && i < accepted.size(); i++) {
      ObjectRules.offer(p, ORDER + ".beckn:acceptedOffers[" + i + "]", accepted.get(i));
    }
    ObjectRules.amount(p, ORDER + ".beckn:orderValue", order.getOrderValue());
    if (order.getFulfillment() != null) {
      p.oneOf(
          ORDER + ".beckn:fulfillment.beckn:mode",
          order.getFulfillment().getMode(),
          CoreEnums.FULFILLMENT_MODE);
    }
    payment(p, ORDER + ".beckn:payment", order.getPayment());
  }

  private static void item(Problems p, String path, OrderItem it, boolean offerRequired) {
    if (it == null) {
      p.add(path, "must be an object");
      return;
    }
    p.required(path + ".beckn:orderedItem", it.getOrderedItem());
    ObjectRules.quantity(p, path + ".beckn:quantity", it.getQuantity(), true);
    if (offerRequired || it.getAcceptedOffer() != null) {
      ObjectRules.offer(p, path + ".beckn:acceptedOffer", it.getAcceptedOffer());
    }
    ObjectRules.amount(p, path + ".beckn:price", it.getPrice());
    if (it.getOrderItemAttributes() instanceof EnergyOrderItem eoi) {
      String ap = path + ".beckn:orderItemAttributes";
      if (p.required(ap + ".providerAttributes", eoi.getProviderAttributes())) {
        ObjectRules.energyCustomer(p, ap + ".providerAttributes", eoi.getProviderAttributes());
      }
      if (eoi.getFulfillmentAttributes() instanceof EnergyTradeDelivery d) {
        delivery(p, ap + ".fulfillmentAttributes", d);
      }
    }
  }

  private static void delivery(Problems p, String path, EnergyTradeDelivery d) {
    p.oneOf(path + ".deliveryStatus", d.getDeliveryStatus(), EnergyEnums.DELIVERY_STATUS);
    p.oneOf(path + ".deliveryMode", d.getDeliveryMode(), EnergyEnums.DELIVERY_MODE);
    p.oneOf(path + ".curtailmentReason", d.getCurtailmentReason(), EnergyEnums.CURTAILMENT_REASON);
    p.notNegative(path + ".deliveredQuantity", d.getDeliveredQuantity());
    p.notNegative(path + ".curtailedQuantity", d.getCurtailedQuantity());
    p.dateTime(path + ".lastUpdated", d.getLastUpdated());
    List<MeterReading> rs = d.getMeterReadings();
    for (int i = 0; rs != null && i < rs.size(); i++) {
      String rp = path + ".meterReadings[" + i + "]";
      MeterReading r = rs.get(i);
      if (r == null) {
        p.add(rp, "must be an object");
        continue;
      }
      ObjectRules.window(p, rp + ".beckn:timeWindow", r.getTimeWindow(), true);
      p.notNegative(rp + ".consumedEnergy", r.getConsumedEnergy());
      p.notNegative(rp + ".producedEnergy", r.getProducedEnergy());
      if (p.required(rp + ".allocatedEnergy", r.getAllocatedEnergy())) {
        p.notNegative(rp + ".allocatedEnergy", r.getAllocatedEnergy());
      }
      p.requiredEnum(rp + ".unit", r.getUnit(), EnergyEnums.READING_UNIT);
    }
  }

  private static void payment(Problems p, String path, Payment pay) {
    if (pay == null) {
      return;
    }
    p.requiredEnum(path + ".beckn:paymentStatus", pay.getPaymentStatus(), CoreEnums.PAYMENT_STATUS);
    p.oneOf(path + ".beckn:beneficiary", pay.getBeneficiary(), CoreEnums.BENEFICIARY);
    ObjectRules.money(p, path + ".beckn:amount", pay.getAmount());
    p.dateTime(path + ".beckn:paidAt", pay.getPaidAt());
    ObjectRules.paymentMethods(
        p, path + ".beckn:acceptedPaymentMethod", pay.getAcceptedPaymentMethod());
  }
}
