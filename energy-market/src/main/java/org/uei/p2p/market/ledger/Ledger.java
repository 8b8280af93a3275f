package org.uei.p2p.market.ledger;

import static org.uei.p2p.market.ledger.LedgerChecks.id;
import static org.uei.p2p.market.ledger.LedgerChecks.instant;
import static org.uei.p2p.market.ledger.LedgerChecks.optionalId;
import static org.uei.p2p.market.ledger.LedgerChecks.optionalInstant;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.uei.p2p.market.ledger.LedgerException.Code;
import org.uei.p2p.market.ledger.LedgerResults.Outcome;
import org.uei.p2p.market.ledger.LedgerResults.Write;
import org.uei.p2p.model.trade.TradeSide;

/**
 * The ledger of one DISCOM's ledger provider: the four operations of the DEG Ledger Service API
 * with their access rules. Platforms {@link #put} trade facts, DISCOMs {@link #record} actuals and
 * statuses and {@link #allocate} meter actuals, anyone {@link #get}s the records it is a party to.
 * Each operation runs in one store transaction and is retried from a fresh read when a concurrent
 * writer won (the store detects that), so it applies whole or not at all.
 */
public final class Ledger {
  private static final int ATTEMPTS = 5;

  private final LedgerStore store;
  private final String discomId;
  private final Clock clock;

  /**
   * A ledger over {@code store} keeping the trades of {@code discomId}'s consumers.
   *
   * @param clock gives creation and update times
   */
  public Ledger(LedgerStore store, String discomId, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.discomId = Objects.requireNonNull(discomId, "discomId");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The DISCOM whose trades this ledger keeps. */
  public String discomId() {
    return discomId;
  }

  /**
   * Creates the record of {@code transactionId + orderItemId} or merges the fields sent into it.
   * Trade facts are written once: sending a field again with the same value changes nothing, with
   * another value is a {@link Code#PRC_CONFLICT}.
   */
  public Write put(LedgerCaller caller, PutRequest req) {
    if (caller.isDiscom()) {
      throw LedgerException.forbidden(
          "a DISCOM records through /ledger/record or /ledger/allocate;"
              + " /ledger/put is for the buyer and seller platforms");
    }
    if (req.role() == null) {
      throw LedgerException.missing("role");
    }
    if (!req.role().platform()) {
      throw LedgerException.invalid(
          "role", "role must be BUYER or SELLER on /ledger/put, not " + req.role());
    }
    id(req.transactionId(), "transactionId");
    id(req.orderItemId(), "orderItemId");
    TradeSide side = req.role() == LedgerRole.BUYER ? TradeSide.BUYER : TradeSide.SELLER;
    String ownField = side == TradeSide.BUYER ? "platformIdBuyer" : "platformIdSeller";
    String own =
        id(side == TradeSide.BUYER ? req.platformIdBuyer() : req.platformIdSeller(), ownField);
    if (!own.equals(caller.subscriberId())) {
      throw LedgerException.forbidden(caller + " cannot write as " + ownField + " " + own);
    }
    optionalId(req.recordId(), "recordId");
    optionalId(
        side == TradeSide.BUYER ? req.platformIdSeller() : req.platformIdBuyer(),
        side == TradeSide.BUYER ? "platformIdSeller" : "platformIdBuyer");
    optionalId(req.discomIdBuyer(), "discomIdBuyer");
    optionalId(req.discomIdSeller(), "discomIdSeller");
    optionalId(req.buyerId(), "buyerId");
    optionalId(req.sellerId(), "sellerId");
    optionalId(req.networkId(), "networkId");
    optionalId(req.clientReference(), "clientReference");
    optionalInstant(req.tradeTime(), "tradeTime");
    optionalInstant(req.deliveryStartTime(), "deliveryStartTime");
    optionalInstant(req.deliveryEndTime(), "deliveryEndTime");
    LedgerChecks.window(req.deliveryStartTime(), req.deliveryEndTime(), "deliveryEndTime");
    LedgerChecks.tradeDetails(req.tradeDetails(), "tradeDetails");
    return retry(
        () -> {
          Optional<LedgerRecord> existing = store.find(req.transactionId(), req.orderItemId());
          if (existing.isEmpty()) {
            LedgerRecord r = PutMerge.create(req, discomId, "rec-" + UUID.randomUUID(), now());
            store.insert(r);
            return new Write(r, Outcome.CREATED);
          }
          LedgerRecord r = existing.get();
          if (req.recordId() != null && !req.recordId().equals(r.recordId())) {
            throw new LedgerException(
                Code.PRC_CONFLICT,
                "recordId "
                    + req.recordId()
                    + " is not the record of transactionId="
                    + r.transactionId()
                    + " and orderItemId="
                    + r.orderItemId()
                    + " ("
                    + r.recordId()
                    + ")",
                "recordId");
          }
          if (!caller.subscriberId().equals(r.platformId(side))) {
            throw LedgerException.forbidden(
                "record "
                    + r.recordId()
                    + " belongs to "
                    + side.name().toLowerCase()
                    + " platform "
                    + r.platformId(side)
                    + ", not "
                    + caller.subscriberId());
          }
          Optional<LedgerRecord> merged = PutMerge.merge(r, req, now());
          merged.ifPresent(store::update);
          return new Write(
              merged.orElse(r), merged.isPresent() ? Outcome.UPDATED : Outcome.UNCHANGED);
        });
  }

  /**
   * A DISCOM's actuals and status on its side of an existing record. Metrics replace earlier ones
   * of the same type; the others stay.
   */
  public Write record(LedgerCaller caller, RecordRequest req) {
    if (!caller.isDiscom()) {
      throw LedgerException.forbidden(
          "/ledger/record is for DISCOMs; " + caller + " writes through /ledger/put");
    }
    if (req.role() == null) {
      throw LedgerException.missing("role");
    }
    if (req.role().platform()) {
      throw LedgerException.invalid(
          "role",
          "role must be BUYER_DISCOM or SELLER_DISCOM on /ledger/record, not " + req.role());
    }
    id(req.transactionId(), "transactionId");
    id(req.orderItemId(), "orderItemId");
    optionalId(req.recordId(), "recordId");
    optionalId(req.note(), "note");
    optionalId(req.clientReference(), "clientReference");
    TradeSide side = req.role() == LedgerRole.BUYER_DISCOM ? TradeSide.BUYER : TradeSide.SELLER;
    String prefix = side == TradeSide.BUYER ? "buyer" : "seller";
    String discomField = side == TradeSide.BUYER ? "discomIdBuyer" : "discomIdSeller";
    String metricsField = prefix + "FulfillmentValidationMetrics";
    String statusField = side == TradeSide.BUYER ? "statusBuyerDiscom" : "statusSellerDiscom";
    List<ValidationMetric> metrics =
        side == TradeSide.BUYER ? req.buyerMetrics() : req.sellerMetrics();
    LedgerStatus status =
        side == TradeSide.BUYER ? req.statusBuyerDiscom() : req.statusSellerDiscom();
    String foreign =
        side == TradeSide.BUYER
            ? firstSet(
                "discomIdSeller",
                req.discomIdSeller(),
                "sellerFulfillmentValidationMetrics",
                req.sellerMetrics(),
                "statusSellerDiscom",
                req.statusSellerDiscom())
            : firstSet(
                "discomIdBuyer",
                req.discomIdBuyer(),
                "buyerFulfillmentValidationMetrics",
                req.buyerMetrics(),
                "statusBuyerDiscom",
                req.statusBuyerDiscom());
    if (foreign != null) {
      throw LedgerException.invalid(
          foreign,
          req.role()
              + " may only write "
              + metricsField
              + " and "
              + statusField
              + ", not "
              + foreign);
    }
    String named =
        id(side == TradeSide.BUYER ? req.discomIdBuyer() : req.discomIdSeller(), discomField);
    if (!named.equals(caller.discomId())) {
      throw LedgerException.forbidden(caller + " cannot write as " + discomField + " " + named);
    }
    if (metrics == null) {
      throw LedgerException.missing(metricsField);
    }
    LedgerChecks.metrics(metrics, metricsField);
    MetricType actual =
        side == TradeSide.BUYER ? MetricType.ACTUAL_PULLED : MetricType.ACTUAL_PUSHED;
    if (metrics.stream().noneMatch(m -> m.validationMetricType() == actual)) {
      throw new LedgerException(
          Code.SCH_MISSING_REQUIRED, metricsField + " must contain " + actual, metricsField);
    }
    return retry(
        () -> {
          LedgerRecord r =
              store
                  .find(req.transactionId(), req.orderItemId())
                  .orElseThrow(
                      () ->
                          new LedgerException(
                              Code.PRC_NOT_FOUND,
                              "No ledger record found for transactionId="
                                  + req.transactionId()
                                  + " and orderItemId="
                                  + req.orderItemId(),
                              ""));
          if (req.recordId() != null && !req.recordId().equals(r.recordId())) {
            throw new LedgerException(
                Code.PRC_NOT_FOUND,
                "No ledger record "
                    + req.recordId()
                    + " for transactionId="
                    + req.transactionId()
                    + " and orderItemId="
                    + req.orderItemId(),
                "recordId");
          }
          if (!caller.discomId().equals(r.discomId(side))) {
            throw LedgerException.forbidden(
                caller
                    + " is not the "
                    + prefix
                    + " DISCOM of record "
                    + r.recordId()
                    + " ("
                    + r.discomId(side)
                    + " is)");
          }
          Optional<LedgerRecord> next = DiscomWrites.apply(r, side, metrics, status, now());
          next.ifPresent(store::update);
          return new Write(next.orElse(r), next.isPresent() ? Outcome.UPDATED : Outcome.UNCHANGED);
        });
  }

  /**
   * Shares a meter's actual over its ENERGY trades of one delivery window pro-rata by quantity and
   * writes each share as the allocated side's ACTUAL_PULLED / ACTUAL_PUSHED, all or none.
   */
  public LedgerResults.Allocation allocate(LedgerCaller caller, AllocateRequest req) {
    if (!caller.isDiscom()) {
      throw LedgerException.forbidden("/ledger/allocate is for DISCOMs, not " + caller);
    }
    id(req.meterId(), "meterId");
    String discom = id(req.discomId(), "discomId");
    if (!discom.equals(caller.discomId())) {
      throw LedgerException.forbidden(caller + " cannot allocate as DISCOM " + discom);
    }
    instant(req.deliveryStartTime(), "deliveryStartTime");
    instant(req.deliveryEndTime(), "deliveryEndTime");
    LedgerChecks.window(req.deliveryStartTime(), req.deliveryEndTime(), "deliveryEndTime");
    LedgerChecks.number(req.actualImported(), "actualImported", true);
    optionalId(req.clientReference(), "clientReference");
    return retry(() -> DiscomWrites.allocate(store, req, now()));
  }

  /** The records matching {@code query} that {@code caller} is a party to, one page. */
  public List<LedgerRecord> get(LedgerCaller caller, LedgerQuery query) {
    if (query.limit() < 1 || query.limit() > LedgerQuery.MAX_LIMIT) {
      throw LedgerException.invalid(
          "limit", "limit must be between 1 and " + LedgerQuery.MAX_LIMIT);
    }
    if (query.offset() < 0 || query.offset() > LedgerQuery.MAX_OFFSET) {
      throw LedgerException.invalid(
          "offset", "offset must be between 0 and " + LedgerQuery.MAX_OFFSET);
    }
    return store.inTransaction(() -> store.search(query, caller));
  }

  /** The name of the first of (name, value) pairs whose value is set, or null. */
  private static String firstSet(Object... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        return (String) namesAndValues[i];
      }
    }
    return null;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private <T> T retry(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return store.inTransaction(work);
      } catch (LedgerStore.ConcurrentWriteException e) {
        if (attempt == ATTEMPTS) {
          throw new LedgerException(
              Code.PRC_CONFLICT,
              "the record was written concurrently "
                  + ATTEMPTS
                  + " times while this request was applied; send it again",
              "");
        }
      }
    }
  }
}
