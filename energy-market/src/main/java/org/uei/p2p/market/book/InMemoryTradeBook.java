package org.uei.p2p.market.book;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.Trade;

/**
 * A {@link TradeBook} held in memory and indexed by meter and slot start. Recording a trade with an
 * id already present replaces it (a status change or curtailment). Thread-safe by synchronisation:
 * the book is written once per trade and read per allocation run.
 */
public final class InMemoryTradeBook implements TradeBook {
  private final Map<String, Trade> byId = new LinkedHashMap<>();
  private final Map<String, List<Trade>> byMeterAndSlot = new LinkedHashMap<>();

  /** Records a new trade or replaces the trade with the same id. */
  public synchronized void record(Trade trade) {
    Trade previous = byId.put(trade.tradeId(), trade);
    if (previous != null) {
      index(previous)
          .forEach(
              key -> byMeterAndSlot.get(key).removeIf(t -> t.tradeId().equals(trade.tradeId())));
    }
    index(trade)
        .forEach(key -> byMeterAndSlot.computeIfAbsent(key, k -> new ArrayList<>(2)).add(trade));
  }

  @Override
  public synchronized List<Trade> openTrades(String meterId, DeliverySlot slot) {
    List<Trade> trades = byMeterAndSlot.getOrDefault(key(meterId, slot), List.of());
    List<Trade> open = new ArrayList<>(trades.size());
    for (Trade t : trades) {
      if (t.status().isOpen() && t.slot().equals(slot)) {
        open.add(t);
      }
    }
    return open;
  }

  @Override
  public synchronized List<Trade> all() {
    return List.copyOf(byId.values());
  }

  private static List<String> index(Trade t) {
    String buyerKey = key(t.buyer().meterId(), t.slot());
    String sellerKey = key(t.seller().meterId(), t.slot());
    return buyerKey.equals(sellerKey) ? List.of(buyerKey) : List.of(buyerKey, sellerKey);
  }

  private static String key(String meterId, DeliverySlot slot) {
    return meterId + '|' + slot.start().getEpochSecond();
  }
}
