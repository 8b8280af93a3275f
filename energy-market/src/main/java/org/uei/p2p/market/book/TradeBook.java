package org.uei.p2p.market.book;

import java.util.List;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.Trade;

/**
 * The trades a node knows about, looked up the way the market needs them: per meter and slot for
 * caps and allocation, per slot for a day's allocation run.
 */
public interface TradeBook {

  /**
   * Open (not cancelled) trades in {@code slot} where {@code meterId} is the buyer or the seller
   * meter.
   */
  List<Trade> openTrades(String meterId, DeliverySlot slot);

  /** Every trade, in the order it was recorded. */
  List<Trade> all();
}
