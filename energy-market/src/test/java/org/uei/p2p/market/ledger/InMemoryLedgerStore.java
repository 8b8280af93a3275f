package org.uei.p2p.market.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A single-threaded store for the domain tests: the same key and version rules as the database
 * store, and a transaction that puts everything back when the work throws.
 */
final class InMemoryLedgerStore implements LedgerStore {
  private Map<String, LedgerRecord> records = new LinkedHashMap<>();

  /** Updates still to fail as if another writer had won, to exercise the retry. */
  int lostRaces;

  int updates;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Map<String, LedgerRecord> before = new LinkedHashMap<>(records);
    try {
      return work.get();
    } catch (RuntimeException e) {
      records = before;
      throw e;
    }
  }

  @Override
  public Optional<LedgerRecord> find(String transactionId, String orderItemId) {
    return Optional.ofNullable(records.get(transactionId + "\n" + orderItemId));
  }

  @Override
  public List<LedgerRecord> ofMeter(String meterId, Instant start, Instant end) {
    return records.values().stream()
        .filter(
            r ->
                (meterId.equals(r.buyerId()) || meterId.equals(r.sellerId()))
                    && start.equals(r.deliveryStartTime())
                    && end.equals(r.deliveryEndTime()))
        .toList();
  }

  @Override
  public void insert(LedgerRecord r) {
    if (records.putIfAbsent(r.transactionId() + "\n" + r.orderItemId(), r) != null) {
      throw new ConcurrentWriteException("duplicate key", null);
    }
  }

  @Override
  public void update(LedgerRecord r) {
    String key = r.transactionId() + "\n" + r.orderItemId();
    LedgerRecord stored = records.get(key);
    if (stored == null || stored.version() != r.version() - 1) {
      throw new ConcurrentWriteException("stale version", null);
    }
    if (lostRaces > 0) {
      lostRaces--;
      throw new ConcurrentWriteException("another writer won", null);
    }
    updates++;
    records.put(key, r);
  }

  @Override
  public List<LedgerRecord> search(LedgerQuery q, LedgerCaller caller) {
    return records.values().stream()
        .filter(caller::maySee)
        .filter(q::matches)
        .sorted(q.order())
        .skip(q.offset())
        .limit(q.limit())
        .toList();
  }

  int size() {
    return records.size();
  }
}
