package org.uei.p2p.market.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where ledger records live. Implementations guard concurrent writers in storage (a unique key on
 * transactionId + orderItemId, a version check on every update), so that several ledger instances
 * can share one database; {@link Ledger} retries an operation that lost such a race.
 */
public interface LedgerStore {

  /** Another writer got there first: the operation is to be retried from a fresh read. */
  class ConcurrentWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Runs {@code work} in one transaction: all of its writes happen or none. */
  <T> T inTransaction(Supplier<T> work);

  /** The record of the key. */
  Optional<LedgerRecord> find(String transactionId, String orderItemId);

  /** Records whose buyerId or sellerId is {@code meterId} with exactly this delivery window. */
  List<LedgerRecord> ofMeter(String meterId, Instant deliveryStartTime, Instant deliveryEndTime);

  /**
   * Stores a new record.
   *
   * @throws ConcurrentWriteException when a record of the same key already exists
   */
  void insert(LedgerRecord record);

  /**
   * Replaces the stored record with {@code record}, whose version is one more than the stored
   * one's.
   *
   * @throws ConcurrentWriteException when the stored version is not {@code record.version() - 1}
   */
  void update(LedgerRecord record);

  /**
   * One page of the records matching {@code query} that {@code caller} may see, in the query's
   * order.
   */
  List<LedgerRecord> search(LedgerQuery query, LedgerCaller caller);
}
