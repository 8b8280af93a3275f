package org.uei.p2p.market.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@code /ledger/get} filter: every non-null field must match (ids exactly, time windows
 * inclusive), then one page in the requested order. Which records the caller may see at all is
 * {@link LedgerCaller#maySee}, applied on top.
 */
public record LedgerQuery(
    String transactionId,
    String orderItemId,
    String recordId,
    String buyerId,
    String sellerId,
    String discomIdBuyer,
    String discomIdSeller,
    String platformIdBuyer,
    String platformIdSeller,
    Instant creationTimeFrom,
    Instant creationTimeTo,
    Instant tradeTimeFrom,
    Instant tradeTimeTo,
    Instant deliveryStartFrom,
    Instant deliveryStartTo,
    Instant deliveryEndFrom,
    Instant deliveryEndTo,
    LedgerStatus statusBuyerDiscom,
    LedgerStatus statusSellerDiscom,
    int limit,
    int offset,
    Sort sort,
    boolean ascending) {

  /** Default page size, as the spec says. */
  public static final int DEFAULT_LIMIT = 50;

  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  /** Largest offset; past it a report is better served by narrower time windows. */
  public static final int MAX_OFFSET = 1_000_000;

  /** Fields a page can be ordered by; ties are broken by recordId so pages never overlap. */
  public enum Sort {
    creationTime(LedgerRecord::creationTime),
    tradeTime(LedgerRecord::tradeTime),
    deliveryStartTime(LedgerRecord::deliveryStartTime),
    deliveryEndTime(LedgerRecord::deliveryEndTime);

    private final Function<LedgerRecord, Instant> key;

    Sort(Function<LedgerRecord, Instant> key) {
      this.key = key;
    }
  }

  /** Defaults the page: 50 records, newest first by creationTime. */
  public LedgerQuery {
    sort = sort == null ? Sort.creationTime : sort;
  }

  /** Every record the caller may see, first page. */
  public static LedgerQuery all() {
    return byKey(null, null);
  }

  /** The record of one key (either half may be null: any). */
  public static LedgerQuery byKey(String transactionId, String orderItemId) {
    return new LedgerQuery(
        transactionId,
        orderItemId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        DEFAULT_LIMIT,
        0,
        Sort.creationTime,
        false);
  }

  /** Whether {@code r} passes every filter. */
  public boolean matches(LedgerRecord r) {
    return eq(transactionId, r.transactionId())
        && eq(orderItemId, r.orderItemId())
        && eq(recordId, r.recordId())
        && eq(buyerId, r.buyerId())
        && eq(sellerId, r.sellerId())
        && eq(discomIdBuyer, r.discomIdBuyer())
        && eq(discomIdSeller, r.discomIdSeller())
        && eq(platformIdBuyer, r.platformIdBuyer())
        && eq(platformIdSeller, r.platformIdSeller())
        && within(r.creationTime(), creationTimeFrom, creationTimeTo)
        && within(r.tradeTime(), tradeTimeFrom, tradeTimeTo)
        && within(r.deliveryStartTime(), deliveryStartFrom, deliveryStartTo)
        && within(r.deliveryEndTime(), deliveryEndFrom, deliveryEndTo)
        && (statusBuyerDiscom == null || statusBuyerDiscom == r.statusBuyerDiscom())
        && (statusSellerDiscom == null || statusSellerDiscom == r.statusSellerDiscom());
  }

  /** The page order: the sort field (records without it last), then recordId. */
  public Comparator<LedgerRecord> order() {
    Comparator<Instant> byTime = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
    Comparator<LedgerRecord> c = Comparator.comparing(sort.key, Comparator.nullsLast(byTime));
    Comparator<LedgerRecord> byId = Comparator.comparing(LedgerRecord::recordId);
    return c.thenComparing(ascending ? byId : byId.reversed());
  }

  private static boolean eq(String wanted, String actual) {
    return wanted == null || Objects.equals(wanted, actual);
  }

  private static boolean within(Instant t, Instant from, Instant to) {
    if (from == null && to == null) {
      return true;
    }
    return t != null && (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
  }
}
