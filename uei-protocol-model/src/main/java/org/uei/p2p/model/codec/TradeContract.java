package org.uei.p2p.model.codec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.PolicyReference;

/**
 * A {@link TradeOrder} with what an IES wave-2 contract carries beyond it: the policy reference,
 * both DISCOMs' ledger providers, the DISCOMs' allocations and final quantities per trade, and the
 * revenue flows of the settlement. Trade ids are those of {@link TradeOrder#trades}: the order id
 * (or transaction id) plus the line number.
 *
 * @param order the order: parties, lines, status
 * @param policy the governing policy, or {@code null} when not named
 * @param buyerLedger the buyer DISCOM and its ledger, or {@code null}
 * @param sellerLedger the seller DISCOM and its ledger, or {@code null}
 * @param allocations the DISCOMs' allocations, per trade and side (empty before delivery)
 * @param finalKwh settled energy per trade id (empty before final allocation)
 * @param revenueFlows the settlement's flows (empty before settlement)
 */
public record TradeContract(
    TradeOrder order,
    PolicyReference policy,
    LedgerProvider buyerLedger,
    LedgerProvider sellerLedger,
    List<Allocation> allocations,
    Map<String, BigDecimal> finalKwh,
    List<MoneyFlow> revenueFlows) {

  /** Requires the order; copies the collections. */
  public TradeContract {
    Objects.requireNonNull(order, "order");
    allocations = List.copyOf(allocations);
    finalKwh = Map.copyOf(finalKwh);
    revenueFlows = List.copyOf(revenueFlows);
  }

  /** An order before delivery, with its policy and ledgers. */
  public static TradeContract of(
      TradeOrder order,
      PolicyReference policy,
      LedgerProvider buyerLedger,
      LedgerProvider sellerLedger) {
    return new TradeContract(
        order, policy, buyerLedger, sellerLedger, List.of(), Map.of(), List.of());
  }
}
