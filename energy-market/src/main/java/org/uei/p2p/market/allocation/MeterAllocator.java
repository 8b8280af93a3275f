package org.uei.p2p.market.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Allocates one meter's measured energy in one slot over that meter's trades there, the way a
 * DISCOM does from its meter data (D+1).
 *
 * <p>The meter's position is netted as in the DEG ledger's meter-based allocation: contracted net
 * drawal {@code N = Σ bought − Σ sold}, measured net drawal {@code A = import − export}, delivered
 * fraction {@code r = clamp(A / N, 0, 1)} ({@code r = 1} when {@code N = 0}). Energy flowing the
 * wrong way gives {@code r = 0}; more than contracted gives {@code r = 1}. For the usual meter that
 * only sells (or only buys) in a slot this is {@code min(1, metered / Σ tr)}. Each side of the
 * meter then delivered {@code r × Σ side}, which is shared over that side's trades pro-rata or
 * FIFO, in 0.01 kWh that never add up to more than was delivered.
 */
public final class MeterAllocator {
  private static final Comparator<Trade> AGREED_ORDER =
      Comparator.comparing(Trade::agreedAt).thenComparing(Trade::tradeId);

  private final AllocationMethod method;

  /** An allocator sharing shortfalls by {@code method}. */
  public MeterAllocator(AllocationMethod method) {
    this.method = method;
  }

  /**
   * Allocations for every trade in {@code trades} in which {@code energy}'s meter is the buyer or
   * the seller; trades of other meters or other slots are a caller error.
   */
  public List<Allocation> allocate(SlotEnergy energy, List<Trade> trades) {
    String meterId = energy.meterId();
    List<Trade> bought = new ArrayList<>();
    List<Trade> sold = new ArrayList<>();
    for (Trade t : trades) {
      if (!t.slot().equals(energy.slot())) {
        throw new IllegalArgumentException("trade " + t.tradeId() + " is for slot " + t.slot()
            + ", not " + energy.slot());
      }
      if (t.buyer().meterId().equals(meterId)) {
        bought.add(t);
      } else if (t.seller().meterId().equals(meterId)) {
        sold.add(t);
      } else {
        throw new IllegalArgumentException("trade " + t.tradeId() + " does not involve meter " + meterId);
      }
    }
    BigDecimal boughtKwh = sum(bought);
    BigDecimal soldKwh = sum(sold);
    BigDecimal measured = energy.netImportKwh();
    List<Allocation> out = new ArrayList<>(trades.size());
    if (sold.isEmpty() || bought.isEmpty()) {
      // One direction only: r x sum is the measured flow in that direction, capped at the sum;
      // computed directly because it is exact and this is the path almost every meter takes.
      BigDecimal flow = sold.isEmpty() ? measured : measured.negate();
      BigDecimal contracted = sold.isEmpty() ? boughtKwh : soldKwh;
      BigDecimal delivered = flow.signum() <= 0 ? BigDecimal.ZERO : flow.min(contracted);
      share(meterId, sold.isEmpty() ? TradeSide.BUYER : TradeSide.SELLER, sold.isEmpty() ? bought : sold,
          delivered, out);
      return out;
    }
    BigDecimal ratio = deliveredFraction(boughtKwh.subtract(soldKwh), measured);
    share(meterId, TradeSide.BUYER, bought, boughtKwh.multiply(ratio), out);
    share(meterId, TradeSide.SELLER, sold, soldKwh.multiply(ratio), out);
    return out;
  }

  static BigDecimal deliveredFraction(BigDecimal contractedNet, BigDecimal measuredNet) {
    if (contractedNet.signum() == 0) {
      return BigDecimal.ONE;
    }
    BigDecimal r = measuredNet.divide(contractedNet, MathContext.DECIMAL128);
    if (r.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return r.compareTo(BigDecimal.ONE) >= 0 ? BigDecimal.ONE : r;
  }

  private void share(String meterId, TradeSide side, List<Trade> trades, BigDecimal delivered, List<Allocation> out) {
    if (trades.isEmpty()) {
      return;
    }
    if (method == AllocationMethod.FIFO) {
      trades.sort(AGREED_ORDER);
    }
    List<BigDecimal> weights = new ArrayList<>(trades.size());
    trades.forEach(t -> weights.add(t.quantityKwh()));
    List<BigDecimal> shares = method == AllocationMethod.FIFO
        ? EnergyShares.fifo(weights, delivered) : EnergyShares.proRata(weights, delivered);
    for (int i = 0; i < trades.size(); i++) {
      Trade t = trades.get(i);
      out.add(new Allocation(t.tradeId(), side, meterId, t.quantityKwh(), shares.get(i)));
    }
  }

  private static BigDecimal sum(List<Trade> trades) {
    BigDecimal s = BigDecimal.ZERO;
    for (Trade t : trades) {
      s = s.add(t.quantityKwh());
    }
    return s;
  }
}
