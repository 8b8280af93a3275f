package org.uei.p2p.market.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.uei.p2p.market.exact.ExactDecimals;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.market.meter.SlotSums;
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
    List<Allocation> out = new ArrayList<>(trades.size());
    allocate(
        energy,
        trades,
        (i, side, kwh) -> {
          Trade t = trades.get(i);
          out.add(new Allocation(t.tradeId(), side, meterId, t.quantityKwh(), kwh));
        });
    return out;
  }

  /** Receives the share of the trade at {@code index} in the list being allocated. */
  interface ShareSink {
    void share(int index, TradeSide side, BigDecimal kwh);
  }

  /**
   * The shares of {@link #allocate(SlotEnergy, List)}, handed to {@code sink} in the order of its
   * result (buyer side first) by index into {@code trades}, without an {@link Allocation} each.
   */
  void allocate(SlotEnergy energy, List<Trade> trades, ShareSink sink) {
    String meterId = energy.meterId();
    int n = trades.size();
    if (n == 1) {
      allocateOne(energy, trades.get(0), sink);
      return;
    }
    int[] bought = new int[n];
    int[] sold = new int[n];
    int buys = 0;
    int sells = 0;
    BigDecimal boughtKwh = BigDecimal.ZERO;
    BigDecimal soldKwh = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      Trade t = trades.get(i);
      if (!t.slot().equals(energy.slot())) {
        throw new IllegalArgumentException(
            "trade " + t.tradeId() + " is for slot " + t.slot() + ", not " + energy.slot());
      }
      if (t.buyer().meterId().equals(meterId)) {
        bought[buys++] = i;
        boughtKwh = boughtKwh.add(t.quantityKwh());
      } else if (t.seller().meterId().equals(meterId)) {
        sold[sells++] = i;
        soldKwh = soldKwh.add(t.quantityKwh());
      } else {
        throw new IllegalArgumentException(
            "trade " + t.tradeId() + " does not involve meter " + meterId);
      }
    }
    BigDecimal measured = energy.netImportKwh();
    if (sells == 0 || buys == 0) {
      // One direction only: r x sum is the measured flow in that direction, capped at the sum;
      // computed directly because it is exact and this is the path almost every meter takes.
      BigDecimal flow = sells == 0 ? measured : measured.negate();
      BigDecimal contracted = sells == 0 ? boughtKwh : soldKwh;
      BigDecimal delivered = flow.signum() <= 0 ? BigDecimal.ZERO : flow.min(contracted);
      if (sells == 0) {
        share(TradeSide.BUYER, trades, bought, buys, delivered, sink);
      } else {
        share(TradeSide.SELLER, trades, sold, sells, delivered, sink);
      }
      return;
    }
    BigDecimal ratio = deliveredFraction(boughtKwh.subtract(soldKwh), measured);
    share(TradeSide.BUYER, trades, bought, buys, boughtKwh.multiply(ratio), sink);
    share(TradeSide.SELLER, trades, sold, sells, soldKwh.multiply(ratio), sink);
  }

  /**
   * The one-trade case, by far the most frequent: the one-direction path below for a single trade,
   * without the lists. The share depends only on the values of the delivered energy and the
   * quantity, so capping at the quantity itself gives what capping at the summed quantity does.
   */
  void allocateOne(SlotEnergy energy, Trade t, ShareSink sink) {
    if (!t.slot().equals(energy.slot())) {
      throw new IllegalArgumentException(
          "trade " + t.tradeId() + " is for slot " + t.slot() + ", not " + energy.slot());
    }
    TradeSide side;
    if (t.buyer().meterId().equals(energy.meterId())) {
      side = TradeSide.BUYER;
    } else if (t.seller().meterId().equals(energy.meterId())) {
      side = TradeSide.SELLER;
    } else {
      throw new IllegalArgumentException(
          "trade " + t.tradeId() + " does not involve meter " + energy.meterId());
    }
    // export - import is exactly the negated net import, scale included
    BigDecimal flow =
        side == TradeSide.BUYER
            ? energy.netImportKwh()
            : energy.exportKwh().subtract(energy.importKwh());
    BigDecimal q = t.quantityKwh();
    BigDecimal delivered = flow.signum() <= 0 ? BigDecimal.ZERO : flow.min(q);
    sink.share(
        0,
        side,
        method == AllocationMethod.FIFO
            ? EnergyShares.fifoOne(q, delivered)
            : EnergyShares.proRataOne(q, delivered));
  }

  /**
   * {@link #allocateOne(SlotEnergy, Trade, ShareSink)} for a trade whose meter on {@code side} has
   * {@code sums} in the trade's slot, as a {@link MeterSlotGroups} group makes sure: the same
   * share, from the same difference of the sums, without the {@link SlotEnergy}.
   */
  void allocateOne(TradeSide side, SlotSums sums, Trade t, ShareSink sink) {
    sink.share(0, side, share(side, sums, t.quantityKwh()));
  }

  /**
   * The share of a trade of quantity {@code q} whose meter on {@code side} has {@code sums}: the
   * flow that way (import minus export for the buyer, export minus import for the seller) capped at
   * {@code q}, as {@link #allocateOne(SlotEnergy, Trade, ShareSink)} computes it from the {@code
   * BigDecimal} difference. Pro-rata, with the flow and {@code q} exact as {@code long}s at one
   * scale, that is {@code q} when the flow reaches it, else the flow rounded down to 0.01 kWh, the
   * only object built; anything else goes through {@code BigDecimal}.
   */
  private BigDecimal share(TradeSide side, SlotSums sums, BigDecimal q) {
    int scale = Math.max(sums.importScale(), sums.exportScale());
    long in = ExactDecimals.scaledTo(sums.importUnscaled(), scale - sums.importScale());
    long out = ExactDecimals.scaledTo(sums.exportUnscaled(), scale - sums.exportScale());
    if (in == ExactDecimals.NOT_EXACT || out == ExactDecimals.NOT_EXACT) {
      BigDecimal flow =
          side == TradeSide.BUYER
              ? sums.importKwh().subtract(sums.exportKwh())
              : sums.exportKwh().subtract(sums.importKwh());
      return shareOf(q, flow.signum() <= 0 ? BigDecimal.ZERO : flow.min(q));
    }
    // both are at least zero, so the difference cannot overflow
    long flow = side == TradeSide.BUYER ? in - out : out - in;
    if (flow <= 0) {
      return shareOf(q, BigDecimal.ZERO);
    }
    if (method == AllocationMethod.PRO_RATA) {
      long qUnscaled = ExactDecimals.unscaled(q);
      if (qUnscaled != ExactDecimals.NOT_EXACT) {
        int common = Math.max(scale, q.scale());
        long f = ExactDecimals.scaledTo(flow, common - scale);
        long c = ExactDecimals.scaledTo(qUnscaled, common - q.scale());
        if (f != ExactDecimals.NOT_EXACT && c != ExactDecimals.NOT_EXACT) {
          if (f >= c) {
            // min(flow, q) is then q in value, and the share depends on the value alone
            return EnergyShares.proRataOne(q, q);
          }
          int drop = scale - EnergyShares.SCALE;
          long floor =
              drop <= 0
                  ? ExactDecimals.scaledTo(flow, -drop)
                  : drop > ExactDecimals.MAX_POWER
                      ? 0
                      : flow / ExactDecimals.pow10(drop); // flow > 0: truncation is floor
          if (floor != ExactDecimals.NOT_EXACT) {
            return BigDecimal.valueOf(floor, EnergyShares.SCALE);
          }
        }
      }
    }
    return shareOf(q, BigDecimal.valueOf(flow, scale).min(q));
  }

  /** The share of a trade of quantity {@code q} of which {@code delivered} was delivered. */
  private BigDecimal shareOf(BigDecimal q, BigDecimal delivered) {
    return method == AllocationMethod.FIFO
        ? EnergyShares.fifoOne(q, delivered)
        : EnergyShares.proRataOne(q, delivered);
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

  /** Shares {@code delivered} over the trades at {@code index[0, count)} of one side. */
  private void share(
      TradeSide side,
      List<Trade> trades,
      int[] index,
      int count,
      BigDecimal delivered,
      ShareSink sink) {
    if (count == 0) {
      return;
    }
    if (method == AllocationMethod.FIFO && count > 1) {
      // stable, like sorting the trades themselves: ties keep list order
      Integer[] order = new Integer[count];
      for (int k = 0; k < count; k++) {
        order[k] = index[k];
      }
      Arrays.sort(order, Comparator.comparing((Integer i) -> trades.get(i), AGREED_ORDER));
      for (int k = 0; k < count; k++) {
        index[k] = order[k];
      }
    }
    List<BigDecimal> weights = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      weights.add(trades.get(index[k]).quantityKwh());
    }
    List<BigDecimal> shares =
        method == AllocationMethod.FIFO
            ? EnergyShares.fifo(weights, delivered)
            : EnergyShares.proRata(weights, delivered);
    for (int k = 0; k < count; k++) {
      sink.share(index[k], side, shares.get(k));
    }
  }
}
