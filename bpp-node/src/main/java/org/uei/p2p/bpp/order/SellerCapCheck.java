package org.uei.p2p.bpp.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.market.rules.RuleViolation;
import org.uei.p2p.model.trade.Trade;

/**
 * The seller-cap check of trades about to be stored, made in the storing transaction and one after
 * the other per seller meter, so that concurrent orders cannot together sell more than a meter's
 * cap. The trading rules live elsewhere ({@code TradePolicy}); orders only ask.
 */
public interface SellerCapCheck {

  /** A trade over its seller meter's cap: its index among the trades checked, and why. */
  record OverCap(int index, RuleViolation violation) {}

  /** The first of {@code trades} that would take its seller meter over its cap; empty if none. */
  Optional<OverCap> lockedOverCap(List<Trade> trades, Instant now);
}
