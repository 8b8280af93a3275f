package org.uei.p2p.market.allocation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * A trade with both sides' allocations in: the settled quantity is the smaller of the two, because
 * energy counts as traded only if the seller injected it and the buyer drew it.
 *
 * @param trade the trade
 * @param buyerKwh allocation from the buyer's meter
 * @param sellerKwh allocation from the seller's meter
 */
public record ReconciledTrade(Trade trade, BigDecimal buyerKwh, BigDecimal sellerKwh) {

  /** Validates that both allocations are present. */
  public ReconciledTrade {
    Objects.requireNonNull(trade, "trade");
    Objects.requireNonNull(buyerKwh, "buyer allocation");
    Objects.requireNonNull(sellerKwh, "seller allocation");
  }

  /** Energy that counts as traded: {@code min(buyer, seller)}. */
  public BigDecimal settledKwh() {
    return buyerKwh.min(sellerKwh);
  }

  /** Contracted energy that did not settle. */
  public BigDecimal unsettledKwh() {
    return trade.quantityKwh().subtract(settledKwh());
  }

  /**
   * The side that caused the shortfall: the one whose allocation is smaller. Empty when nothing is
   * short, or when both sides fell short by the same amount (both caused it).
   */
  public Optional<TradeSide> shortfallSide() {
    int c = buyerKwh.compareTo(sellerKwh);
    if (unsettledKwh().signum() == 0 || c == 0) {
      return Optional.empty();
    }
    return Optional.of(c < 0 ? TradeSide.BUYER : TradeSide.SELLER);
  }
}
