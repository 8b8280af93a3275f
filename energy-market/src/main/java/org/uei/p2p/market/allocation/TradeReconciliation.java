package org.uei.p2p.market.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Brings together the two sides of every trade. Buyer and seller are often metered by different
 * DISCOMs that report on their own schedule, so allocations arrive per side in any order; a trade
 * is reconciled once both sides have reported, and the settled quantity is then the minimum of the
 * two (the DEG ledger's rule). A DISCOM that re-reports a side (corrected meter data) replaces its
 * earlier allocation. Not thread-safe.
 */
public final class TradeReconciliation {
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Registers a trade whose allocations are expected. */
  public void expect(Trade trade) {
    Entry previous = entries.get(trade.tradeId());
    if (previous == null) {
      entries.put(trade.tradeId(), new Entry(trade));
    } else {
      previous.trade = trade;
    }
  }

  /** Records one side's allocation of an expected trade. */
  public void record(Allocation allocation) {
    Entry e = entries.get(allocation.tradeId());
    if (e == null) {
      throw new IllegalArgumentException("allocation for unknown trade " + allocation.tradeId());
    }
    if (!e.trade.party(allocation.side()).meterId().equals(allocation.meterId())) {
      throw new IllegalArgumentException(
          "allocation for trade "
              + e.trade.tradeId()
              + " names meter "
              + allocation.meterId()
              + ", but its "
              + allocation.side()
              + " meter is "
              + e.trade.party(allocation.side()).meterId());
    }
    if (allocation.side() == TradeSide.BUYER) {
      e.buyer = allocation.allocatedKwh();
    } else {
      e.seller = allocation.allocatedKwh();
    }
  }

  /** Records every allocation in {@code allocations}. */
  public void recordAll(List<Allocation> allocations) {
    allocations.forEach(this::record);
  }

  /** The reconciled trade, once both sides have reported. */
  public Optional<ReconciledTrade> reconciled(String tradeId) {
    Entry e = entries.get(tradeId);
    return e == null || !e.complete() ? Optional.empty() : Optional.of(e.reconciled());
  }

  /** Every trade both sides have reported on, in the order the trades were expected. */
  public List<ReconciledTrade> reconciledTrades() {
    List<ReconciledTrade> out = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      if (e.complete()) {
        out.add(e.reconciled());
      }
    }
    return out;
  }

  /** Trades still waiting for one or both sides, with the sides missing. */
  public Map<String, List<TradeSide>> awaiting() {
    Map<String, List<TradeSide>> out = new HashMap<>();
    for (Entry e : entries.values()) {
      List<TradeSide> missing = new ArrayList<>(2);
      if (e.buyer == null) {
        missing.add(TradeSide.BUYER);
      }
      if (e.seller == null) {
        missing.add(TradeSide.SELLER);
      }
      if (!missing.isEmpty()) {
        out.put(e.trade.tradeId(), missing);
      }
    }
    return out;
  }

  private static final class Entry {
    Trade trade;
    BigDecimal buyer;
    BigDecimal seller;

    Entry(Trade trade) {
      this.trade = trade;
    }

    boolean complete() {
      return buyer != null && seller != null;
    }

    ReconciledTrade reconciled() {
      return new ReconciledTrade(trade, buyer, seller);
    }
  }
}
