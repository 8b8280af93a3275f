package org.uei.p2p.market.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.allocation.MeterAllocator;
import org.uei.p2p.market.ledger.LedgerException.Code;
import org.uei.p2p.market.ledger.LedgerResults.Line;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/** What DISCOMs write on records: metrics and status of one side, and meter allocations. */
final class DiscomWrites {
  // The ledger API allocates pro-rata; the same allocator the utility node uses for its meters.
  private static final MeterAllocator ALLOCATOR = new MeterAllocator(AllocationMethod.PRO_RATA);

  private DiscomWrites() {}

  /**
   * {@code r} with {@code metrics} merged into {@code side}'s (same type replaced) and its status
   * set when given; empty when that changes nothing.
   */
  static Optional<LedgerRecord> apply(
      LedgerRecord r,
      TradeSide side,
      List<ValidationMetric> metrics,
      LedgerStatus status,
      Instant now) {
    List<ValidationMetric> merged = new ArrayList<>(r.metrics(side));
    boolean changed = false;
    for (ValidationMetric m : metrics) {
      int at = indexOf(merged, m.validationMetricType());
      if (at < 0) {
        merged.add(m);
        changed = true;
      } else if (merged.get(at).validationMetricValue().compareTo(m.validationMetricValue()) != 0) {
        merged.set(at, m);
        changed = true;
      }
    }
    LedgerStatus current = side == TradeSide.BUYER ? r.statusBuyerDiscom() : r.statusSellerDiscom();
    changed |= status != null && status != current;
    if (!changed) {
      return Optional.empty();
    }
    LedgerRecord.Builder b = r.toBuilder().updatedAt(now).version(r.version() + 1);
    LedgerStatus next = status == null ? current : status;
    if (side == TradeSide.BUYER) {
      b.buyerMetrics(merged).statusBuyerDiscom(next).buyerDiscomUpdatedAt(now);
    } else {
      b.sellerMetrics(merged).statusSellerDiscom(next).sellerDiscomUpdatedAt(now);
    }
    return Optional.of(b.build());
  }

  /**
   * Shares {@code req}'s meter actual over the meter's ENERGY records of the window whose meter
   * side belongs to the calling DISCOM, and writes the shares.
   */
  static LedgerResults.Allocation allocate(LedgerStore store, AllocateRequest req, Instant now) {
    String meter = req.meterId();
    List<LedgerRecord> found =
        store.ofMeter(meter, req.deliveryStartTime(), req.deliveryEndTime()).stream()
            .filter(r -> r.energyQty().signum() > 0)
            .toList();
    if (found.isEmpty()) {
      throw new LedgerException(
          Code.PRC_NOT_FOUND,
          "No ENERGY trades found for meterId="
              + meter
              + " in delivery window "
              + req.deliveryStartTime()
              + " to "
              + req.deliveryEndTime(),
          "meterId");
    }
    // A DISCOM allocates its own meters only: the side of each record where the meter sits must be
    // its side.
    List<LedgerRecord> mine =
        found.stream()
            .filter(
                r -> sideOf(r, meter).map(s -> req.discomId().equals(r.discomId(s))).orElse(false))
            .toList();
    if (mine.isEmpty()) {
      throw LedgerException.forbidden(
          "Discom "
              + req.discomId()
              + " is not the DISCOM of meter "
              + meter
              + " on any of the "
              + found.size()
              + " matched trade(s)");
    }
    DeliverySlot slot = new DeliverySlot(req.deliveryStartTime(), req.deliveryEndTime());
    BigDecimal actual = req.actualImported();
    SlotEnergy energy =
        new SlotEnergy(
            meter,
            slot,
            actual.max(BigDecimal.ZERO),
            actual.negate().max(BigDecimal.ZERO),
            Duration.between(slot.start(), slot.end()).toMinutes());
    Map<String, LedgerRecord> byId = new HashMap<>();
    List<Trade> trades = new ArrayList<>(mine.size());
    for (LedgerRecord r : mine) {
      byId.put(r.recordId(), r);
      trades.add(trade(r, slot));
    }
    List<Line> lines = new ArrayList<>();
    for (Allocation a : ALLOCATOR.allocate(energy, trades)) {
      LedgerRecord r = byId.get(a.tradeId());
      MetricType type =
          a.side() == TradeSide.BUYER ? MetricType.ACTUAL_PULLED : MetricType.ACTUAL_PUSHED;
      Optional<LedgerRecord> next =
          apply(
              r,
              a.side(),
              List.of(new ValidationMetric(type, a.allocatedKwh())),
              req.status(),
              now);
      next.ifPresent(store::update);
      lines.add(new Line(next.orElse(r), a.side(), a.contractedKwh(), a.allocatedKwh(), type));
    }
    return new LedgerResults.Allocation(lines);
  }

  /**
   * Which side {@code meter} is on in {@code r}; the buyer side first, as the allocator decides.
   */
  private static Optional<TradeSide> sideOf(LedgerRecord r, String meter) {
    if (meter.equals(r.buyerId())) {
      return Optional.of(TradeSide.BUYER);
    }
    return meter.equals(r.sellerId()) ? Optional.of(TradeSide.SELLER) : Optional.empty();
  }

  private static Trade trade(LedgerRecord r, DeliverySlot slot) {
    UnitPrice price =
        r.pricedEnergyLine()
            .map(
                d ->
                    new UnitPrice(
                        d.pricePerUnit(),
                        d.priceCurrency() == null
                            ? UnitPrice.INR
                            : Currency.getInstance(d.priceCurrency())))
            .orElse(new UnitPrice(BigDecimal.ZERO, UnitPrice.INR));
    Instant agreed = r.tradeTime() != null ? r.tradeTime() : r.creationTime();
    return new Trade(
        r.recordId(),
        r.platformIdBuyer(),
        r.platformIdSeller(),
        new MeterPoint(r.buyerId(), r.discomIdBuyer()),
        new MeterPoint(r.sellerId(), r.discomIdSeller()),
        slot,
        r.energyQty(),
        price,
        TradeStatus.CONFIRMED,
        agreed);
  }

  private static int indexOf(List<ValidationMetric> metrics, MetricType type) {
    for (int i = 0; i < metrics.size(); i++) {
      if (metrics.get(i).validationMetricType() == type) {
        return i;
      }
    }
    return -1;
  }
}
