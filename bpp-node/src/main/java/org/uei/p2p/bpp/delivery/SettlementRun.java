package org.uei.p2p.bpp.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.uei.p2p.bpp.beckn.Notifications;
import org.uei.p2p.bpp.beckn.OrderQuotes;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.OrderStatus;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.order.SellerOrderLine;
import org.uei.p2p.bpp.ueiv1.UeiV1Reports;
import org.uei.p2p.market.allocation.DiscomAllocationRun;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.allocation.TradeReconciliation;
import org.uei.p2p.market.meter.MeterReadingStore;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.market.settlement.Curtailment;
import org.uei.p2p.model.codec.UeiV1DeliveryReport;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.audit.AuditLog;

/**
 * Allocation and settlement of one delivery day: the day's confirmed trades whose meters have
 * complete data for their slot are allocated with energy-market (per DISCOM, both sides), stored,
 * and every order whose lines are all allocated is settled and reported to the buyer platform on
 * the wire the order was confirmed on: an {@code on_status} with the delivery and the final invoice
 * (wave 1: payment AUTHORIZED; UEI v1: order COMPLETE, NOT_PAID), then an {@code on_update} with
 * the settlement complete (wave 1: SETTLED, txnRef, paidAt; UEI v1: PAID, {@code
 * params.transaction_id}, {@code time}). Wave-2 contracts are not this run's: their DISCOMs'
 * ledgers allocate them ({@link OrderTrades#deliveredLines}). Running a day again allocates only
 * what was missing, so a late MDMS file is picked up by the next run. {@link NightlySettlement}
 * runs it every night.
 */
@ApplicationScoped
public class SettlementRun {

  /**
   * What a run did.
   *
   * @param day delivery day
   * @param allocated trades allocated by this run
   * @param awaitingData trades left for lack of complete meter data
   * @param settledOrders orders settled and reported by this run
   */
  public record Result(
      LocalDate day,
      List<String> allocated,
      List<String> awaitingData,
      List<String> settledOrders) {}

  @Inject AgroalDataSource dataSource;
  @Inject DeliveryConfig config;
  @Inject OrderTrades orderTrades;
  @Inject OrderService orders;
  @Inject OrderQuotes quotes;
  @Inject Notifications notifications;
  @Inject UeiV1Reports ueiV1Reports;
  @Inject Settlements settlements;
  @Inject AuditLog auditLog;
  @Inject org.uei.p2p.node.store.NamedLocks locks;
  @Inject org.uei.p2p.node.clock.MarketClock marketClock;

  /** Allocates and settles delivery day {@code day} (in the network's zone). */
  @Transactional
  @io.micrometer.core.annotation.Timed(
      value = "uei.settlement.runs",
      description = "Allocation and settlement runs of a delivery day")
  public Result run(LocalDate day) {
    // One run at a time on this node's database, whichever instance started it.
    locks.lock("settlement-run");
    ZoneId zone = ZoneId.of(config.zone());
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    // market time: the payment due date (72 h after final allocation) follows the market's day
    Instant now = marketClock.now();
    try (Connection c = dataSource.getConnection()) {
      AllocationLedger ledger = new AllocationLedger(c);
      MeterReadingStore store = MeterDataService.store(c);
      Map<String, Curtailment> curtailed = TradeCurtailments.inPeriod(c, from, to);
      List<String> allocated = new ArrayList<>();
      Set<String> touchedOrders = new LinkedHashSet<>();
      Map<String, SellerOrderLine> lineOf = new HashMap<>();
      List<Trade> complete = new ArrayList<>();
      List<String> awaiting = new ArrayList<>();
      Map<String, SlotEnergy[]> metered = new HashMap<>();
      List<Trade> incomplete = new ArrayList<>();
      for (SellerOrderLine l : orderTrades.deliveredLines(from, to)) {
        Trade t = orderTrades.trade(l.order, l);
        lineOf.put(t.tradeId(), l);
        Curtailment k = curtailed.get(t.tradeId());
        if (k != null && k.remainingOf(t.quantityKwh()).signum() == 0) {
          // curtailed whole: nothing to allocate, nothing owed
          if (!ledger.allocated(t.tradeId())) {
            allocate(
                ledger,
                t,
                l,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                now);
            allocated.add(t.tradeId());
            touchedOrders.add(l.order.id);
          }
          continue;
        }
        if (k != null) {
          // the meters' energy is shared over what the DISCOM let the trade deliver
          t = t.withQuantity(k.remainingOf(t.quantityKwh()));
        }
        SlotEnergy buyer = store.energy(t.buyer().meterId(), t.slot());
        SlotEnergy seller = store.energy(t.seller().meterId(), t.slot());
        if (buyer.complete() && seller.complete()) {
          complete.add(t);
          metered.put(t.tradeId(), new SlotEnergy[] {buyer, seller});
        } else {
          incomplete.add(t);
        }
      }
      for (Trade t : holdBackConnected(complete, incomplete)) {
        if (!ledger.allocated(t.tradeId())) {
          awaiting.add(t.tradeId());
        }
      }
      // Every trade of a meter and slot takes part, settled ones too, so that pro-rata shares are
      // computed over all of them; those already allocated keep their stored allocation.
      TradeReconciliation reconciliation = new TradeReconciliation();
      complete.forEach(reconciliation::expect);
      Set<String> discoms = new LinkedHashSet<>();
      complete.forEach(
          t -> {
            discoms.add(t.buyer().discomId());
            discoms.add(t.seller().discomId());
          });
      DiscomAllocationRun allocation =
          new DiscomAllocationRun(new SlotAggregator(store), config.allocationMethod());
      for (String discom : discoms) {
        reconciliation.recordAll(allocation.allocate(discom, complete));
      }
      for (ReconciledTrade r : reconciliation.reconciledTrades()) {
        String id = r.trade().tradeId();
        if (ledger.allocated(id)) {
          continue;
        }
        SellerOrderLine l = lineOf.get(id);
        SlotEnergy[] m = metered.get(id);
        allocate(
            ledger,
            r.trade(),
            l,
            m[0].importKwh(),
            m[1].exportKwh(),
            r.buyerKwh(),
            r.sellerKwh(),
            now);
        allocated.add(id);
        touchedOrders.add(l.order.id);
      }
      List<String> settled = new ArrayList<>();
      for (String orderId : touchedOrders) {
        if (settle(ledger, SellerOrder.findById(orderId), now)) {
          settled.add(orderId);
        }
      }
      return new Result(day, allocated, awaiting, settled);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "settlement run for " + day + " failed: " + e.getMessage(), e);
    }
  }

  private void allocate(
      AllocationLedger ledger,
      Trade t,
      SellerOrderLine l,
      BigDecimal buyerMetered,
      BigDecimal sellerMetered,
      BigDecimal buyerKwh,
      BigDecimal sellerKwh,
      Instant now)
      throws SQLException {
    AllocationLedger.Row row =
        new AllocationLedger.Row(
            t.tradeId(),
            l.order.id,
            l.lineNo(),
            buyerMetered,
            sellerMetered,
            buyerKwh,
            sellerKwh,
            now);
    ledger.insert(row, t.slot().start());
    auditLog.appendRecord(AuditRecords.allocation(row, l.order.transactionId));
  }

  /**
   * Moves out of {@code complete} every trade that shares a meter and slot, directly or through
   * other trades, with a trade in {@code incomplete}, and returns all trades left waiting. A
   * meter's energy is shared over all its trades at once: allocating part of them before the rest
   * have data would give each of them a share computed without the others.
   */
  private static List<Trade> holdBackConnected(List<Trade> complete, List<Trade> incomplete) {
    Set<String> blocked = new HashSet<>();
    incomplete.forEach(t -> blocked.addAll(meterSlots(t)));
    List<Trade> waiting = new ArrayList<>(incomplete);
    boolean changed = !blocked.isEmpty();
    while (changed) {
      changed = false;
      for (Iterator<Trade> it = complete.iterator(); it.hasNext(); ) {
        Trade t = it.next();
        List<String> keys = meterSlots(t);
        if (keys.stream().anyMatch(blocked::contains)) {
          it.remove();
          waiting.add(t);
          changed |= blocked.addAll(keys);
        }
      }
    }
    return waiting;
  }

  private static List<String> meterSlots(Trade t) {
    String slot = "@" + t.slot().start();
    return List.of(t.buyer().meterId() + slot, t.seller().meterId() + slot);
  }

  private boolean settle(AllocationLedger ledger, SellerOrder o, Instant now) throws SQLException {
    List<AllocationLedger.Row> rows = ledger.ofOrder(o.id);
    if (rows.size() != o.lines.size() || ledger.settlement(o.id).isPresent()) {
      return false;
    }
    List<Trade> trades = new ArrayList<>();
    List<Curtailment> cuts = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    BigDecimal amount = BigDecimal.ZERO;
    for (int i = 0; i < o.lines.size(); i++) {
      Trade t = orderTrades.trade(o, o.lines.get(i));
      trades.add(t);
      AllocationLedger.Row r = rows.get(i);
      Curtailment k = TradeCurtailments.of(ledger.connection(), t.tradeId()).orElse(null);
      cuts.add(k);
      BigDecimal value =
          settlements
              .calculator()
              .settle(new ReconciledTrade(t, r.buyerKwh(), r.sellerKwh()), k)
              .amount(SettlementLineType.ENERGY, Payee.BUYER);
      values.add(value);
      amount = amount.add(value);
    }
    String txnRef =
        "STL-" + UUID.nameUUIDFromBytes(o.id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    AllocationLedger.OrderSettlement s =
        new AllocationLedger.OrderSettlement(
            "SETTLED",
            amount,
            trades.get(0).price().currency().getCurrencyCode(),
            txnRef,
            now,
            now);
    ledger.insertSettlement(o.id, s);
    auditLog.appendRecord(AuditRecords.settlement(o.id, o.transactionId, s));
    o.status = OrderStatus.COMPLETED;
    o.updatedAt = now;
    if (o.wireGeneration() == WireGeneration.UEI_V1) {
      reportOnUeiV1(o, rows, cuts, values, s, now);
    } else {
      reportOnWave1(o, trades, rows, cuts, s, now);
    }
    return true;
  }

  // The buyer platform hears on the order's wire: a UEI v1 order in Beckn 1.1.0 shapes.
  private void reportOnUeiV1(
      SellerOrder o,
      List<AllocationLedger.Row> rows,
      List<Curtailment> cuts,
      List<BigDecimal> values,
      AllocationLedger.OrderSettlement s,
      Instant now) {
    List<UeiV1DeliveryReport.Line> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      AllocationLedger.Row r = rows.get(i);
      Curtailment k = cuts.get(i);
      lines.add(
          new UeiV1DeliveryReport.Line(
              r.buyerKwh().min(r.sellerKwh()),
              r.sellerMeteredKwh(),
              r.sellerKwh(),
              r.buyerMeteredKwh(),
              r.buyerKwh(),
              values.get(i),
              k == null ? null : k.curtailedKwh(),
              k == null ? null : k.reason()));
    }
    ueiV1Reports.send(
        o,
        UeiV1Action.ON_STATUS,
        lines,
        new UeiV1DeliveryReport.Payment(
            UeiV1DeliveryReport.NOT_PAID, s.amount(), s.currency(), null, null),
        now);
    ueiV1Reports.send(
        o,
        UeiV1Action.ON_UPDATE,
        lines,
        new UeiV1DeliveryReport.Payment(
            UeiV1DeliveryReport.PAID, s.amount(), s.currency(), s.txnRef(), s.paidAt().toString()),
        now);
  }

  private void reportOnWave1(
      SellerOrder o,
      List<Trade> trades,
      List<AllocationLedger.Row> rows,
      List<Curtailment> cuts,
      AllocationLedger.OrderSettlement s,
      Instant now) {
    OrderMessage delivery = quotes.withPaymentTerms(orders.view(o), "AUTHORIZED");
    DeliveryMessages.addDelivery(delivery, trades, rows, cuts, now);
    DeliveryMessages.setPayment(delivery, s, "AUTHORIZED");
    notifications.send(o, Action.ON_STATUS, delivery);

    OrderMessage paid = quotes.withPaymentTerms(orders.view(o), "SETTLED");
    DeliveryMessages.addDelivery(paid, trades, rows, cuts, now);
    DeliveryMessages.setPayment(paid, s, "SETTLED");
    notifications.send(o, Action.ON_UPDATE, paid);
  }
}
