package org.uei.p2p.bpp.ledger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.uei.p2p.market.ledger.LedgerCaller;
import org.uei.p2p.market.ledger.LedgerQuery;
import org.uei.p2p.market.ledger.LedgerRecord;
import org.uei.p2p.market.ledger.LedgerStore;

/**
 * The ledger in the node's database. Races are settled by the database: a second insert of a key
 * breaks {@code ledger_record_key}, an update of a row someone else changed matches no row of its
 * version; both come back as {@link LedgerStore.ConcurrentWriteException} for the ledger to retry.
 */
@ApplicationScoped
public class JpaLedgerStore implements LedgerStore {

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    try {
      return QuarkusTransaction.requiringNew().call(work::get);
    } catch (RuntimeException e) {
      throw lostRace(e);
    }
  }

  @Override
  public Optional<LedgerRecord> find(String transactionId, String orderItemId) {
    return LedgerEntry.<LedgerEntry>find(
            "transactionId = ?1 and orderItemId = ?2", transactionId, orderItemId)
        .firstResultOptional()
        .map(LedgerEntry::record);
  }

  @Override
  public List<LedgerRecord> ofMeter(String meterId, Instant start, Instant end) {
    return LedgerEntry.<LedgerEntry>list(
            "(buyerId = ?1 or sellerId = ?1) and deliveryStartTime = ?2"
                + " and deliveryEndTime = ?3 order by recordId",
            meterId,
            start,
            end)
        .stream()
        .map(LedgerEntry::record)
        .toList();
  }

  @Override
  public void insert(LedgerRecord record) {
    LedgerEntry e = new LedgerEntry();
    e.copy(record);
    e.version = record.version();
    e.persist();
    flush();
  }

  @Override
  public void update(LedgerRecord record) {
    LedgerEntry e = LedgerEntry.findById(record.recordId());
    if (e == null || e.version != record.version() - 1) {
      throw new ConcurrentWriteException(
          "record " + record.recordId() + " changed since it was read", null);
    }
    e.copy(record);
    flush();
  }

  @Override
  public List<LedgerRecord> search(LedgerQuery q, LedgerCaller caller) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> args = new HashMap<>();
    if (caller.isDiscom()) {
      cond(where, args, "(discomIdBuyer = :me or discomIdSeller = :me)", "me", caller.discomId());
    } else {
      cond(
          where,
          args,
          "(platformIdBuyer = :me or platformIdSeller = :me)",
          "me",
          caller.subscriberId());
    }
    eq(where, args, "transactionId", q.transactionId());
    eq(where, args, "orderItemId", q.orderItemId());
    eq(where, args, "recordId", q.recordId());
    eq(where, args, "buyerId", q.buyerId());
    eq(where, args, "sellerId", q.sellerId());
    eq(where, args, "discomIdBuyer", q.discomIdBuyer());
    eq(where, args, "discomIdSeller", q.discomIdSeller());
    eq(where, args, "platformIdBuyer", q.platformIdBuyer());
    eq(where, args, "platformIdSeller", q.platformIdSeller());
    range(where, args, "creationTime", q.creationTimeFrom(), q.creationTimeTo());
    range(where, args, "tradeTime", q.tradeTimeFrom(), q.tradeTimeTo());
    range(where, args, "deliveryStartTime", q.deliveryStartFrom(), q.deliveryStartTo());
    range(where, args, "deliveryEndTime", q.deliveryEndFrom(), q.deliveryEndTo());
    eq(
        where,
        args,
        "statusBuyerDiscom",
        q.statusBuyerDiscom() == null ? null : q.statusBuyerDiscom().name());
    eq(
        where,
        args,
        "statusSellerDiscom",
        q.statusSellerDiscom() == null ? null : q.statusSellerDiscom().name());
    String dir = q.ascending() ? "asc" : "desc";
    // Records without the sort field (tradeTime is optional) come last either way, as in
    // LedgerQuery.order().
    String jpql =
        "from LedgerEntry where "
            + where
            + " order by case when "
            + q.sort().name()
            + " is null then 1 else 0 end, "
            + q.sort().name()
            + " "
            + dir
            + ", recordId "
            + dir;
    TypedQuery<LedgerEntry> query = Panache.getEntityManager().createQuery(jpql, LedgerEntry.class);
    args.forEach(query::setParameter);
    List<LedgerRecord> out = new ArrayList<>();
    for (LedgerEntry e :
        query.setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList()) {
      out.add(e.record());
    }
    return out;
  }

  private static void eq(
      StringBuilder where, Map<String, Object> args, String field, Object value) {
    if (value != null) {
      cond(where, args, field + " = :" + field, field, value);
    }
  }

  private static void range(
      StringBuilder where, Map<String, Object> args, String field, Instant from, Instant to) {
    if (from != null) {
      cond(where, args, field + " >= :" + field + "From", field + "From", from);
    }
    if (to != null) {
      cond(where, args, field + " <= :" + field + "To", field + "To", to);
    }
  }

  private static void cond(
      StringBuilder where, Map<String, Object> args, String clause, String name, Object value) {
    if (!where.isEmpty()) {
      where.append(" and ");
    }
    where.append(clause);
    args.put(name, value);
  }

  private static void flush() {
    try {
      Panache.getEntityManager().flush();
    } catch (RuntimeException e) {
      throw lostRace(e);
    }
  }

  /** A lost race as {@link ConcurrentWriteException}; anything else unchanged. */
  private static RuntimeException lostRace(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConcurrentWriteException c) {
        return c;
      }
      boolean duplicateKey =
          t instanceof ConstraintViolationException c
              && c.getConstraintName() != null
              && c.getConstraintName()
                  .toLowerCase(java.util.Locale.ROOT)
                  .contains("ledger_record_key");
      if (t instanceof OptimisticLockException
          || t instanceof StaleStateException
          || duplicateKey) {
        return new ConcurrentWriteException("another request wrote the record first", e);
      }
    }
    return e;
  }
}
