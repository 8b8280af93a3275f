package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;

/**
 * Nets what platforms owe each other over a period. Only energy crosses platforms: the buyer
 * platform collects from its buyer and pays the seller platform, which pays its seller; fees stay
 * with each side's own platform and network charges and deviation go to DISCOMs through their
 * bills. Two platforms that each sell to the other's customers pay only the difference.
 */
public final class PlatformNetting {
  private final SettlementPolicy policy;

  /** Netting with {@code policy}'s payment deadline. */
  public PlatformNetting(SettlementPolicy policy) {
    this.policy = policy;
  }

  /**
   * Net amounts per platform pair for trades whose slot starts in {@code [periodStart, periodEnd)},
   * due {@link SettlementPolicy#paymentDueAfter()} after {@code finalAllocationAt}. Ordered by pair.
   */
  public List<PlatformNetAmount> net(List<TradeSettlement> settlements, Instant periodStart, Instant periodEnd,
                     Instant finalAllocationAt) {
    Map<String, Map<String, Pair>> pairs = new TreeMap<>();
    for (TradeSettlement s : settlements) {
      Trade t = s.trade();
      if (t.slot().start().isBefore(periodStart) || !t.slot().start().isBefore(periodEnd)) {
        continue;
      }
      String bap = t.buyerPlatformId();
      String bpp = t.sellerPlatformId();
      if (bap.equals(bpp)) {
        continue;
      }
      boolean bapFirst = bap.compareTo(bpp) < 0;
      String first = bapFirst ? bap : bpp;
      String second = bapFirst ? bpp : bap;
      Pair p = pairs.computeIfAbsent(first, k -> new TreeMap<>())
          .computeIfAbsent(second, k -> new Pair(first, second, t.price().currency()));
      BigDecimal energy = s.amount(SettlementLineType.ENERGY, Payee.BUYER);
      if (bapFirst) {
        p.firstOwes = p.firstOwes.add(energy);
      } else {
        p.secondOwes = p.secondOwes.add(energy);
      }
      p.trades++;
    }
    Instant due = finalAllocationAt.plus(policy.paymentDueAfter());
    List<PlatformNetAmount> out = new ArrayList<>(pairs.size());
    for (Pair p : pairs.values().stream().flatMap(m -> m.values().stream()).toList()) {
      boolean firstPays = p.firstOwes.compareTo(p.secondOwes) >= 0;
      out.add(new PlatformNetAmount(firstPays ? p.first : p.second, firstPays ? p.second : p.first,
          p.firstOwes.subtract(p.secondOwes).abs(), p.currency,
          firstPays ? p.firstOwes : p.secondOwes, firstPays ? p.secondOwes : p.firstOwes,
          p.trades, periodStart, periodEnd, due));
    }
    return out;
  }

  private static final class Pair {
    final String first;
    final String second;
    final Currency currency;
    BigDecimal firstOwes = BigDecimal.ZERO;
    BigDecimal secondOwes = BigDecimal.ZERO;
    long trades;

    Pair(String first, String second, Currency currency) {
      this.first = first;
      this.second = second;
      this.currency = currency;
    }
  }
}
