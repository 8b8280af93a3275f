package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;

/**
 * Nets what platforms owe each other over a period. Only energy crosses platforms: the buyer
 * platform collects from its buyer and pays the seller platform, which pays its seller; fees stay
 * with each side's own platform and network charges and deviation go to DISCOMs through their
 * bills. Two platforms that each sell to the other's customers pay only the difference.
 */
public final class PlatformNetting {
  private static final int RECENT_ROUTES = 8;

  private final SettlementPolicy policy;

  /** Netting with {@code policy}'s payment deadline. */
  public PlatformNetting(SettlementPolicy policy) {
    this.policy = policy;
  }

  /**
   * Net amounts per platform pair for trades whose slot starts in {@code [periodStart, periodEnd)},
   * due {@link SettlementPolicy#paymentDueAfter()} after {@code finalAllocationAt}. Ordered by
   * pair.
   */
  public List<PlatformNetAmount> net(
      List<TradeSettlement> settlements,
      Instant periodStart,
      Instant periodEnd,
      Instant finalAllocationAt) {
    Accumulator acc = accumulator(periodStart, periodEnd, finalAllocationAt);
    settlements.forEach(acc::add);
    return acc.result();
  }

  /**
   * Netting of the same period one settlement at a time, for a settlement run that does not keep
   * its settlements: the result is what {@link #net} gives for all settlements added.
   */
  public Accumulator accumulator(
      Instant periodStart, Instant periodEnd, Instant finalAllocationAt) {
    return new Accumulator(
        periodStart, periodEnd, finalAllocationAt.plus(policy.paymentDueAfter()));
  }

  /** Running totals per platform pair; not thread-safe. */
  public static final class Accumulator {
    private final Instant periodStart;
    private final Instant periodEnd;
    private final Instant due;
    private final Map<String, Map<String, Pair>> pairs = new TreeMap<>();

    /**
     * The routes (buyer platform, seller platform) met most recently: a run meets the same few over
     * and over, often in turn, so that remembering only the last one would not do.
     */
    private final Route[] recent = new Route[RECENT_ROUTES];

    private int oldest;

    private Accumulator(Instant periodStart, Instant periodEnd, Instant due) {
      this.periodStart = periodStart;
      this.periodEnd = periodEnd;
      this.due = due;
    }

    /** Adds one settlement; those outside the period or within one platform change nothing. */
    public void add(TradeSettlement s) {
      add(s.trade(), energyPaidByBuyer(s));
    }

    /**
     * Adds a settlement of {@code t} in which the buyer pays {@code energy} for energy: for a run
     * that computes only that amount of each settlement instead of building it.
     */
    void add(Trade t, BigDecimal energy) {
      if (t.slot().start().isBefore(periodStart) || !t.slot().start().isBefore(periodEnd)) {
        return;
      }
      String bap = t.buyerPlatformId();
      String bpp = t.sellerPlatformId();
      if (bap.equals(bpp)) {
        return;
      }
      Route r = route(bap, bpp, t);
      Pair p = r.pair;
      if (r.bapFirst) {
        p.firstOwes.add(energy);
      } else {
        p.secondOwes.add(energy);
      }
      p.trades++;
    }

    /** The route from {@code bap} to {@code bpp}, remembered in place of the oldest one. */
    private Route route(String bap, String bpp, Trade t) {
      for (Route r : recent) {
        if (r == null) {
          break;
        }
        if (r.bap.equals(bap) && r.bpp.equals(bpp)) {
          return r;
        }
      }
      boolean bapFirst = bap.compareTo(bpp) < 0;
      String first = bapFirst ? bap : bpp;
      String second = bapFirst ? bpp : bap;
      Pair p =
          pairs
              .computeIfAbsent(first, k -> new TreeMap<>())
              .computeIfAbsent(second, k -> new Pair(first, second, t.price().currency()));
      Route r = new Route(bap, bpp, bapFirst, p);
      recent[oldest] = r;
      oldest = (oldest + 1) % recent.length;
      return r;
    }

    /**
     * {@code s.amount(ENERGY, BUYER)}: when one line matches and its scale is not negative (an
     * amount in paise always is), that sum is the line's amount itself, so it is taken as it is.
     */
    private static BigDecimal energyPaidByBuyer(TradeSettlement s) {
      SettlementLine only = null;
      // by index: an iterator would be one more object per trade netted
      List<SettlementLine> lines = s.lines();
      for (int i = 0; i < lines.size(); i++) {
        SettlementLine l = lines.get(i);
        if (l.type() == SettlementLineType.ENERGY && l.payer() == Payee.BUYER) {
          if (only != null) {
            return s.amount(SettlementLineType.ENERGY, Payee.BUYER);
          }
          only = l;
        }
      }
      return only == null
          ? BigDecimal.ZERO
          : only.amount().scale() >= 0
              ? only.amount()
              : s.amount(SettlementLineType.ENERGY, Payee.BUYER);
    }

    /** Net amounts per platform pair of the settlements added so far, ordered by pair. */
    public List<PlatformNetAmount> result() {
      List<PlatformNetAmount> out = new ArrayList<>();
      for (Map<String, Pair> bySecond : pairs.values()) {
        for (Pair p : bySecond.values()) {
          BigDecimal firstOwes = p.firstOwes.total();
          BigDecimal secondOwes = p.secondOwes.total();
          boolean firstPays = firstOwes.compareTo(secondOwes) >= 0;
          out.add(
              new PlatformNetAmount(
                  firstPays ? p.first : p.second,
                  firstPays ? p.second : p.first,
                  firstOwes.subtract(secondOwes).abs(),
                  p.currency,
                  firstPays ? firstOwes : secondOwes,
                  firstPays ? secondOwes : firstOwes,
                  p.trades,
                  periodStart,
                  periodEnd,
                  due));
        }
      }
      return out;
    }
  }

  /** Trades from a buyer platform to a seller platform, and the pair they are netted in. */
  private record Route(String bap, String bpp, boolean bapFirst, Pair pair) {}

  private static final class Pair {
    final String first;
    final String second;
    final Currency currency;
    final PaiseSum firstOwes = new PaiseSum();
    final PaiseSum secondOwes = new PaiseSum();
    long trades;

    Pair(String first, String second, Currency currency) {
      this.first = first;
      this.second = second;
      this.currency = currency;
    }
  }
}
