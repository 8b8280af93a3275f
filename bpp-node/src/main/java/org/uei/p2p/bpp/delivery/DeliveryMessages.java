package org.uei.p2p.bpp.delivery;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.market.settlement.Curtailment;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.energy.EnergyTradeDelivery;
import org.uei.p2p.model.energy.MeterReading;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.wave1.CoreContexts;
import org.uei.p2p.model.wave1.MonetaryAmount;
import org.uei.p2p.model.wave1.OrderItem;
import org.uei.p2p.model.wave1.TimePeriod;

/**
 * Puts delivery and settlement into an order message: per order item an {@code EnergyTradeDelivery}
 * (delivered = settled kWh, one meter reading per side with its metered and allocated energy, the
 * meter named in {@code meterId}), and the payment's final amount, status, reference and time.
 */
final class DeliveryMessages {
  private DeliveryMessages() {}

  /**
   * Adds the delivery of each item; {@code rows}, {@code trades} and {@code cuts} (null where not
   * curtailed) are in item order. A curtailed item repeats its curtailed quantity and reason, so
   * the buyer platform settles it the same way.
   */
  static void addDelivery(
      OrderMessage m,
      List<Trade> trades,
      List<AllocationLedger.Row> rows,
      List<Curtailment> cuts,
      Instant now) {
    List<OrderItem> items = m.getOrder().getOrderItems();
    for (int i = 0; i < items.size(); i++) {
      Trade t = trades.get(i);
      AllocationLedger.Row r = rows.get(i);
      BigDecimal settled = r.buyerKwh().min(r.sellerKwh());
      EnergyTradeDelivery d = new EnergyTradeDelivery();
      d.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
      d.setType(EnergyTradeDelivery.TYPE);
      d.setDeliveryStatus("COMPLETED");
      d.setDeliveryMode("GRID_INJECTION");
      d.setDeliveredQuantity(settled);
      Curtailment k = cuts.get(i);
      if (k != null) {
        d.setCurtailedQuantity(k.curtailedKwh());
        d.setCurtailmentReason(k.reason());
      }
      List<MeterReading> readings = new ArrayList<>(2);
      readings.add(
          reading(t, t.seller().meterId(), BigDecimal.ZERO, r.sellerMeteredKwh(), r.sellerKwh()));
      readings.add(
          reading(t, t.buyer().meterId(), r.buyerMeteredKwh(), BigDecimal.ZERO, r.buyerKwh()));
      d.setMeterReadings(readings);
      d.setLastUpdated(now.toString());
      EnergyOrderItem eoi =
          items.get(i).getOrderItemAttributes() == null
              ? null
              : items.get(i).getOrderItemAttributes().as(EnergyOrderItem.class).orElse(null);
      if (eoi == null) {
        eoi = new EnergyOrderItem();
        eoi.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
        eoi.setType(EnergyOrderItem.TYPE);
        items.get(i).setOrderItemAttributes(eoi);
      }
      eoi.setFulfillmentAttributes(d);
    }
  }

  /**
   * Sets the payment to the final amount with {@code status}, and reference and time once settled.
   */
  static void setPayment(OrderMessage m, AllocationLedger.OrderSettlement s, String status) {
    var p = m.getOrder().getPayment();
    p.setAmount(MonetaryAmount.of(s.amount(), s.currency()));
    p.setPaymentStatus(status);
    if ("SETTLED".equals(status)) {
      p.setTxnRef(s.txnRef());
      p.setPaidAt(s.paidAt().toString());
    }
  }

  private static MeterReading reading(
      Trade t, String meterId, BigDecimal consumed, BigDecimal produced, BigDecimal allocated) {
    MeterReading r = new MeterReading();
    r.setTimeWindow(TimePeriod.of(t.slot().start(), t.slot().end()));
    r.setConsumedEnergy(consumed);
    r.setProducedEnergy(produced);
    r.setAllocatedEnergy(allocated);
    r.setUnit("kWh");
    r.putExtra("meterId", TextNode.valueOf(meterId));
    return r;
  }
}
