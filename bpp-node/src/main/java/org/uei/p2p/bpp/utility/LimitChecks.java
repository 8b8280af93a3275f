package org.uei.p2p.bpp.utility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave1.OrderItem;

/**
 * DISCOM limit-check results (DiscomLimitCheck v2.0) on an order: one {@code discomLimitCheck}
 * object per order item, in {@code beckn:orderItemAttributes} (the item's {@code EnergyOrderItem}
 * pack), with {@code buyerSide} and/or {@code sellerSide} filled by the DISCOM of that meter. Per
 * item because each item has its own delivery window, quantity and meters.
 */
public final class LimitChecks {

  /** Member name in {@code EnergyOrderItem}. */
  public static final String MEMBER = "discomLimitCheck";

  private LimitChecks() {}

  /** Sets one side's result on item {@code item}, creating the item's check when absent. */
  public static void put(
      OrderMessage m,
      int item,
      DeliverySlot slot,
      BigDecimal quantityKwh,
      TradeSide side,
      String discomParticipantId,
      String result,
      BigDecimal remainingKwh) {
    EnergyOrderItem eoi = pack(m.getOrder().getOrderItems().get(item));
    if (eoi == null) {
      return;
    }
    ObjectNode check = eoi.extra(MEMBER) instanceof ObjectNode o ? o : newCheck(slot, quantityKwh);
    ObjectNode s = check.putObject(side == TradeSide.BUYER ? "buyerSide" : "sellerSide");
    s.put("discomParticipantId", discomParticipantId);
    s.put("limitCheckResult", result);
    s.set("remainingHeadroomKwh", DecimalNode.valueOf(remainingKwh));
    eoi.putExtra(MEMBER, check);
  }

  /** The check on item {@code item}, or null. */
  public static ObjectNode get(OrderMessage m, int item) {
    List<OrderItem> items = m.getOrder() == null ? null : m.getOrder().getOrderItems();
    if (items == null || items.size() <= item) {
      return null;
    }
    EnergyOrderItem eoi = pack(items.get(item));
    return eoi != null && eoi.extra(MEMBER) instanceof ObjectNode o ? o : null;
  }

  /** Copies the sides that {@code from} reports onto the same items of {@code to}. */
  public static void merge(OrderMessage from, OrderMessage to) {
    List<OrderItem> items = to.getOrder().getOrderItems();
    for (int i = 0; i < items.size(); i++) {
      ObjectNode src = get(from, i);
      EnergyOrderItem eoi = pack(items.get(i));
      if (src == null || eoi == null) {
        continue;
      }
      ObjectNode check = eoi.extra(MEMBER) instanceof ObjectNode o ? o : src.deepCopy();
      for (String side : List.of("buyerSide", "sellerSide")) {
        JsonNode s = src.get(side);
        if (s != null) {
          check.set(side, s.deepCopy());
        }
      }
      eoi.putExtra(MEMBER, check);
    }
  }

  private static ObjectNode newCheck(DeliverySlot slot, BigDecimal quantityKwh) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("@type", "DiscomLimitCheck");
    ObjectNode w = c.putObject("deliveryWindow");
    w.put("@type", "beckn:TimePeriod");
    w.put("schema:startTime", slot.start().toString());
    w.put("schema:endTime", slot.end().toString());
    ObjectNode q = c.putObject("tradeQuantity");
    q.set("unitQuantity", DecimalNode.valueOf(quantityKwh));
    q.put("unitText", "kWh");
    return c;
  }

  static EnergyOrderItem pack(OrderItem item) {
    return item.getOrderItemAttributes() == null
        ? null
        : item.getOrderItemAttributes().as(EnergyOrderItem.class).orElse(null);
  }
}
