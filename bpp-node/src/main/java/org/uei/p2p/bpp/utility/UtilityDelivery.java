package org.uei.p2p.bpp.utility;

import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.delivery.MeterDataImported;
import org.uei.p2p.bpp.delivery.MeterDataService;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.energy.EnergyTradeDelivery;
import org.uei.p2p.model.energy.MeterReading;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave1.CoreContexts;
import org.uei.p2p.model.wave1.TimePeriod;
import org.uei.p2p.node.domain.Refusal;

/**
 * What the DISCOM tells platforms after the trade: once a recorded trade's meter has complete data
 * for its slot, one {@code on_status} with the meter's reading and this DISCOM's pro-rata
 * allocation of it (over every trade recorded for that meter and slot); and curtailments, as an
 * {@code on_update} with the curtailed quantity and reason.
 */
@ApplicationScoped
public class UtilityDelivery {

  /** EnergyTradeDelivery's curtailment reasons. */
  public static final Set<String> REASONS =
      Set.of("GRID_OUTAGE", "EMERGENCY", "CONGESTION", "MAINTENANCE", "OTHER");

  // Reports run off the thread that committed the import: a new transaction cannot start there.
  private final ExecutorService reporter =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "uei-utility-reports");
            t.setDaemon(true);
            return t;
          });

  @Inject BppConfig config;
  @Inject org.uei.p2p.node.store.NamedLocks locks;
  @Inject UtilityLedger ledger;
  @Inject UtilityOrders orders;
  @Inject MeterDataService meterData;

  void imported(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeterDataImported event) {
    if (config.utilityMode()) {
      reporter.execute(
          () -> {
            try {
              reportDue();
            } catch (RuntimeException e) {
              Log.errorf(e, "delivery reports after a meter data import failed");
            }
          });
    }
  }

  /**
   * Reports every recorded side whose meter now has complete data for the slot and was not reported
   * yet.
   *
   * @return ids of the trade sides reported
   */
  public List<String> reportDue() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              // One pass at a time across instances, so that no side is reported twice.
              locks.lock("utility-delivery-reports");
              List<String> reported = new java.util.ArrayList<>();
              for (UtilityTrade t :
                  UtilityTrade.<UtilityTrade>list(
                      "status <> ?1 order by createdAt", UtilityTrade.CANCELLED)) {
                for (TradeSide side : orders.sidesOf(t)) {
                  String id = t.id + "/" + side;
                  if (DeliveryReport.findById(id) != null) {
                    continue;
                  }
                  String meter = side == TradeSide.BUYER ? t.buyerMeterId : t.sellerMeterId;
                  DeliverySlot slot = new DeliverySlot(t.slotStart, t.slotEnd);
                  SlotEnergy energy = meterData.energy(meter, slot);
                  if (!energy.complete()) {
                    continue;
                  }
                  List<Trade> sharing =
                      UtilityTrade.open(meter, t.slotStart).stream()
                          .map(x -> x.trade(x.orderId))
                          .toList();
                  BigDecimal allocated =
                      meterData.allocate(ledger.discomId(), sharing).stream()
                          .filter(a -> a.tradeId().equals(t.id) && a.side() == side)
                          .map(Allocation::allocatedKwh)
                          .findFirst()
                          .orElse(BigDecimal.ZERO);
                  report(t, meter, energy, allocated);
                  DeliveryReport r = new DeliveryReport();
                  r.id = id;
                  r.tradeId = t.id;
                  r.side = side.name();
                  r.meterId = meter;
                  r.allocatedKwh = allocated;
                  r.reportedAt = Instant.now();
                  r.persist();
                  reported.add(id);
                }
              }
              return reported;
            });
  }

  private void report(UtilityTrade t, String meter, SlotEnergy energy, BigDecimal allocated) {
    UtilityOrder o = UtilityOrder.findById(t.orderId);
    if (UtilityOrder.WAVE2.equals(o.wire)) {
      // Wave-2 delivery reaches the platforms through the DISCOMs' ledgers (daily on_status),
      // not as a wave-1 report from this node; the allocation is kept above all the same.
      return;
    }
    OrderMessage m = orders.view(o);
    EnergyTradeDelivery d = delivery("COMPLETED");
    MeterReading r = new MeterReading();
    r.setTimeWindow(TimePeriod.of(t.slotStart, t.slotEnd));
    r.setConsumedEnergy(energy.importKwh());
    r.setProducedEnergy(energy.exportKwh());
    r.setAllocatedEnergy(allocated);
    r.setUnit("kWh");
    r.putExtra("meterId", TextNode.valueOf(meter));
    d.setMeterReadings(new java.util.ArrayList<>(List.of(r)));
    d.setDeliveredQuantity(allocated);
    attach(m, t.lineNo - 1, d);
    orders.notify(o, Action.ON_STATUS, m);
  }

  /**
   * Curtails line {@code item} (1-based) of a recorded order by {@code kwh} and tells the platform.
   *
   * @return the curtailed trade
   */
  public UtilityTrade curtail(String orderId, int item, BigDecimal kwh, String reason) {
    String why = reason == null || reason.isBlank() ? "OTHER" : reason.trim().toUpperCase();
    if (!REASONS.contains(why)) {
      throw Refusal.invalid(
          "reason must be one of " + new java.util.TreeSet<>(REASONS) + ", not '" + reason + "'");
    }
    if (kwh == null || kwh.signum() <= 0) {
      throw Refusal.invalid("curtailedKwh must be greater than 0");
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              UtilityOrder o = UtilityOrder.findById(orderId == null ? "" : orderId);
              if (o == null || UtilityOrder.CANCELLED.equals(o.status)) {
                throw Refusal.notFound("no confirmed order '" + orderId + "'");
              }
              if (UtilityOrder.WAVE2.equals(o.wire)) {
                throw Refusal.invalid(
                    "order '"
                        + orderId
                        + "' is a wave-2 contract: wave 2 has no curtailment notice");
              }
              UtilityTrade t = UtilityTrade.findById(orderId + "/" + item);
              if (t == null) {
                throw Refusal.notFound("order '" + orderId + "' has no item " + item);
              }
              if (kwh.compareTo(t.quantityKwh) > 0) {
                throw Refusal.invalid(
                    "cannot curtail "
                        + kwh.toPlainString()
                        + " kWh of a "
                        + t.quantityKwh.toPlainString()
                        + " kWh trade");
              }
              t.status = UtilityTrade.CURTAILED;
              t.curtailedKwh = kwh;
              t.curtailmentReason = why;
              OrderMessage m = orders.view(o);
              EnergyTradeDelivery d = delivery("IN_PROGRESS");
              d.setCurtailedQuantity(kwh);
              d.setCurtailmentReason(why);
              attach(m, item - 1, d);
              orders.notify(o, Action.ON_UPDATE, m);
              return t;
            });
  }

  private static EnergyTradeDelivery delivery(String status) {
    EnergyTradeDelivery d = new EnergyTradeDelivery();
    d.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
    d.setType(EnergyTradeDelivery.TYPE);
    d.setDeliveryStatus(status);
    d.setDeliveryMode("GRID_INJECTION");
    d.setLastUpdated(Instant.now().toString());
    return d;
  }

  private static void attach(OrderMessage m, int item, EnergyTradeDelivery d) {
    EnergyOrderItem eoi = LimitChecks.pack(m.getOrder().getOrderItems().get(item));
    eoi.setFulfillmentAttributes(d);
  }
}
