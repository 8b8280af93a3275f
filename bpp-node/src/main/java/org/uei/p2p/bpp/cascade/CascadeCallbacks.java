package org.uei.p2p.bpp.cascade;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.uei.p2p.bpp.beckn.Notifications;
import org.uei.p2p.bpp.beckn.OrderQuotes;
import org.uei.p2p.bpp.delivery.MeterDataService;
import org.uei.p2p.bpp.delivery.TradeCurtailments;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.market.meter.MeterReadingStore;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.energy.EnergyTradeDelivery;
import org.uei.p2p.model.energy.MeterReading;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.wave1.CoreContexts;
import org.uei.p2p.model.wave1.OrderItem;
import org.uei.p2p.node.handler.InboundMessage;

/**
 * What utilities tell the platform unasked about a cascaded order: meter readings (stored as meter
 * blocks, so the settlement run finds both meters' data) and curtailments (relayed to the buyer
 * platform as an unsolicited on_update on the matching order item).
 */
@ApplicationScoped
public class CascadeCallbacks {

  @Inject MeterDataService meterData;
  @Inject OrderService orders;
  @Inject OrderQuotes quotes;
  @Inject Notifications notifications;
  @Inject TradeCurtailments curtailments;

  /**
   * Stores every meter reading of the utility's on_status; a conflicting one is refused and logged.
   */
  void meterReadings(InboundMessage m) {
    List<OrderItem> items = items(m);
    for (OrderItem item : items) {
      EnergyTradeDelivery d = delivery(item);
      if (d == null || d.getMeterReadings() == null) {
        continue;
      }
      for (MeterReading r : d.getMeterReadings()) {
        JsonNode meter = r.extra("meterId");
        if (meter == null || r.getTimeWindow() == null) {
          Log.warnf(
              "utility %s sent a meter reading without meterId or timeWindow in transaction %s; ignored",
              m.senderId(), m.context().getTransactionId());
          continue;
        }
        var start = r.getTimeWindow().startInstant();
        int minutes = (int) Duration.between(start, r.getTimeWindow().endInstant()).toMinutes();
        var block =
            new org.uei.p2p.model.trade.MeterReading(
                meter.asText(),
                start,
                minutes,
                orZero(r.getConsumedEnergy()),
                orZero(r.getProducedEnergy()));
        MeterReadingStore.PutResult put = meterData.put(block);
        switch (put.outcome()) {
          case ADDED ->
              Log.infof("meter %s %s from utility %s stored", block.meterId(), start, m.senderId());
          case UNCHANGED -> {}
          default ->
              Log.warnf(
                  "meter %s %s from utility %s refused (%s): stored %s kWh in / %s kWh out",
                  block.meterId(),
                  start,
                  m.senderId(),
                  put.outcome(),
                  put.stored().importKwh(),
                  put.stored().exportKwh());
        }
      }
    }
  }

  /**
   * Keeps the curtailment of a utility's on_update and relays it to the buyer platform of the
   * order.
   */
  void curtailment(InboundMessage m) {
    List<OrderItem> items = items(m);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CascadeRequest r =
                  CascadeRequest.<CascadeRequest>find(
                          "cascadeTransactionId = ?1 and orderId is not null "
                              + "order by createdAt desc",
                          m.context().getTransactionId())
                      .firstResult();
              SellerOrder o = SellerOrder.findById(r.orderId);
              OrderMessage relay = quotes.withPaymentTerms(orders.view(o), "AUTHORIZED");
              boolean any = false;
              for (int i = 0;
                  i < items.size() && i < relay.getOrder().getOrderItems().size();
                  i++) {
                EnergyTradeDelivery d = delivery(items.get(i));
                if (d == null || d.getCurtailedQuantity() == null) {
                  continue;
                }
                // kept for settlement: the curtailed kWh leave the contract of that slot
                curtailments.record(
                    o, i + 1, m.senderId(), d.getCurtailedQuantity(), d.getCurtailmentReason());
                EnergyTradeDelivery copy = new EnergyTradeDelivery();
                copy.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
                copy.setType(EnergyTradeDelivery.TYPE);
                copy.setDeliveryStatus(d.getDeliveryStatus());
                copy.setDeliveryMode(d.getDeliveryMode());
                copy.setCurtailedQuantity(d.getCurtailedQuantity());
                copy.setCurtailmentReason(d.getCurtailmentReason());
                copy.setLastUpdated(d.getLastUpdated());
                EnergyOrderItem eoi =
                    relay
                        .getOrder()
                        .getOrderItems()
                        .get(i)
                        .getOrderItemAttributes()
                        .as(EnergyOrderItem.class)
                        .orElseThrow();
                eoi.setFulfillmentAttributes(copy);
                any = true;
              }
              if (any) {
                notifications.send(o, Action.ON_UPDATE, relay);
                Log.infof(
                    "curtailment of order %s from utility %s relayed to %s",
                    o.id, m.senderId(), o.bapId);
              }
            });
  }

  private static List<OrderItem> items(InboundMessage m) {
    if (m.envelope().getMessage() instanceof OrderMessage om
        && om.getOrder() != null
        && om.getOrder().getOrderItems() != null) {
      return om.getOrder().getOrderItems();
    }
    return List.of();
  }

  private static EnergyTradeDelivery delivery(OrderItem item) {
    if (item.getOrderItemAttributes() == null) {
      return null;
    }
    EnergyOrderItem eoi = item.getOrderItemAttributes().as(EnergyOrderItem.class).orElse(null);
    return eoi == null || eoi.getFulfillmentAttributes() == null
        ? null
        : eoi.getFulfillmentAttributes().as(EnergyTradeDelivery.class).orElse(null);
  }

  private static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
