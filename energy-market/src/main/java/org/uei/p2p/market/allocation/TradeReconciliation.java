package org.uei.p2p.market.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Brings together the two sides of every trade. Buyer and seller are often metered by different
 * DISCOMs that report on their own schedule, so allocations arrive per side in any order; a trade
 * is reconciled once both sides have reported, and the settled quantity is then the minimum of
 * the two (the DEG ledger's rule). A DISCOM that re-reports a side (corrected meter data) replaces
 * its earlier allocation. Not thread-safe.
 */
public final class TradeReconciliation {
    private final Map<String, Trade> trades = new HashMap<>();
    private final Map<String, EnumMap<TradeSide, BigDecimal>> reported = new HashMap<>();

    /** Registers a trade whose allocations are expected. */
    public void expect(Trade trade) {
        trades.put(trade.tradeId(), trade);
    }

    /** Records one side's allocation of an expected trade. */
    public void record(Allocation allocation) {
        Trade trade = trades.get(allocation.tradeId());
        if (trade == null) {
            throw new IllegalArgumentException("allocation for unknown trade " + allocation.tradeId());
        }
        if (!trade.party(allocation.side()).meterId().equals(allocation.meterId())) {
            throw new IllegalArgumentException("allocation for trade " + trade.tradeId() + " names meter "
                    + allocation.meterId() + ", but its " + allocation.side() + " meter is "
                    + trade.party(allocation.side()).meterId());
        }
        reported.computeIfAbsent(trade.tradeId(), k -> new EnumMap<>(TradeSide.class))
                .put(allocation.side(), allocation.allocatedKwh());
    }

    /** Records every allocation in {@code allocations}. */
    public void recordAll(List<Allocation> allocations) {
        allocations.forEach(this::record);
    }

    /** The reconciled trade, once both sides have reported. */
    public Optional<ReconciledTrade> reconciled(String tradeId) {
        Trade trade = trades.get(tradeId);
        EnumMap<TradeSide, BigDecimal> sides = reported.get(tradeId);
        if (trade == null || sides == null || sides.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new ReconciledTrade(trade, sides.get(TradeSide.BUYER), sides.get(TradeSide.SELLER)));
    }

    /** Every trade both sides have reported on. */
    public List<ReconciledTrade> reconciledTrades() {
        List<ReconciledTrade> out = new ArrayList<>();
        for (String id : trades.keySet()) {
            reconciled(id).ifPresent(out::add);
        }
        return out;
    }

    /** Trades still waiting for one or both sides, with the sides missing. */
    public Map<String, List<TradeSide>> awaiting() {
        Map<String, List<TradeSide>> out = new HashMap<>();
        for (Trade t : trades.values()) {
            EnumMap<TradeSide, BigDecimal> sides = reported.getOrDefault(t.tradeId(), new EnumMap<>(TradeSide.class));
            List<TradeSide> missing = new ArrayList<>(2);
            for (TradeSide s : TradeSide.values()) {
                if (!sides.containsKey(s)) {
                    missing.add(s);
                }
            }
            if (!missing.isEmpty()) {
                out.put(t.tradeId(), missing);
            }
        }
        return out;
    }
}
