package org.uei.p2p.market.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.uei.p2p.market.ledger.LedgerException.Code;

/** A platform's put turned into a new record, or merged into an existing one. */
final class PutMerge {
  private PutMerge() {}

  /**
   * The first version of a record: every trade fact is required, and one side must be this ledger's
   * DISCOM.
   */
  static LedgerRecord create(PutRequest req, String discomId, String recordId, Instant now) {
    if (req.recordId() != null) {
      throw LedgerException.invalid(
          "recordId",
          "recordId is assigned by the ledger; no record exists yet for"
              + " transactionId="
              + req.transactionId()
              + " and orderItemId="
              + req.orderItemId());
    }
    required(req.platformIdBuyer(), "platformIdBuyer", req);
    required(req.platformIdSeller(), "platformIdSeller", req);
    required(req.discomIdBuyer(), "discomIdBuyer", req);
    required(req.discomIdSeller(), "discomIdSeller", req);
    required(req.buyerId(), "buyerId", req);
    required(req.sellerId(), "sellerId", req);
    required(req.deliveryStartTime(), "deliveryStartTime", req);
    required(req.deliveryEndTime(), "deliveryEndTime", req);
    required(req.tradeDetails(), "tradeDetails", req);
    if (!discomId.equals(req.discomIdBuyer()) && !discomId.equals(req.discomIdSeller())) {
      throw LedgerException.forbidden(
          "this ledger keeps the trades of DISCOM "
              + discomId
              + "; neither discomIdBuyer "
              + req.discomIdBuyer()
              + " nor discomIdSeller "
              + req.discomIdSeller()
              + " is "
              + discomId);
    }
    return new LedgerRecord.Builder()
        .recordId(recordId)
        .transactionId(req.transactionId())
        .orderItemId(req.orderItemId())
        .creationTime(now)
        .platformIdBuyer(req.platformIdBuyer())
        .platformIdSeller(req.platformIdSeller())
        .discomIdBuyer(req.discomIdBuyer())
        .discomIdSeller(req.discomIdSeller())
        .buyerId(req.buyerId())
        .sellerId(req.sellerId())
        .tradeTime(req.tradeTime())
        .deliveryStartTime(req.deliveryStartTime())
        .deliveryEndTime(req.deliveryEndTime())
        .tradeDetails(req.tradeDetails())
        .networkId(req.networkId())
        .updatedAt(now)
        .version(0)
        .build();
  }

  /**
   * {@code r} with the fields of {@code req} it lacked, or empty when {@code req} adds nothing.
   *
   * @throws LedgerException PRC_CONFLICT naming the first field sent with a value other than the
   *     stored one
   */
  static Optional<LedgerRecord> merge(LedgerRecord r, PutRequest req, Instant now) {
    LedgerRecord.Builder b = r.toBuilder();
    boolean changed = false;
    changed |=
        merge(
            r,
            "platformIdBuyer",
            req.platformIdBuyer(),
            r.platformIdBuyer(),
            Objects::equals,
            b::platformIdBuyer);
    changed |=
        merge(
            r,
            "platformIdSeller",
            req.platformIdSeller(),
            r.platformIdSeller(),
            Objects::equals,
            b::platformIdSeller);
    changed |=
        merge(
            r,
            "discomIdBuyer",
            req.discomIdBuyer(),
            r.discomIdBuyer(),
            Objects::equals,
            b::discomIdBuyer);
    changed |=
        merge(
            r,
            "discomIdSeller",
            req.discomIdSeller(),
            r.discomIdSeller(),
            Objects::equals,
            b::discomIdSeller);
    changed |= merge(r, "buyerId", req.buyerId(), r.buyerId(), Objects::equals, b::buyerId);
    changed |= merge(r, "sellerId", req.sellerId(), r.sellerId(), Objects::equals, b::sellerId);
    changed |= merge(r, "tradeTime", req.tradeTime(), r.tradeTime(), Objects::equals, b::tradeTime);
    changed |=
        merge(
            r,
            "deliveryStartTime",
            req.deliveryStartTime(),
            r.deliveryStartTime(),
            Objects::equals,
            b::deliveryStartTime);
    changed |=
        merge(
            r,
            "deliveryEndTime",
            req.deliveryEndTime(),
            r.deliveryEndTime(),
            Objects::equals,
            b::deliveryEndTime);
    changed |=
        merge(
            r,
            "tradeDetails",
            req.tradeDetails(),
            r.tradeDetails().isEmpty() ? null : r.tradeDetails(),
            PutMerge::sameLines,
            b::tradeDetails);
    changed |= merge(r, "networkId", req.networkId(), r.networkId(), Objects::equals, b::networkId);
    if (!changed) {
      return Optional.empty();
    }
    return Optional.of(b.updatedAt(now).version(r.version() + 1).build());
  }

  private static <T> boolean merge(
      LedgerRecord r, String field, T sent, T stored, BiPredicate<T, T> same, Consumer<T> set) {
    if (sent == null) {
      return false;
    }
    if (stored == null) {
      set.accept(sent);
      return true;
    }
    if (!same.test(sent, stored)) {
      throw new LedgerException(
          Code.PRC_CONFLICT,
          field
              + " of record "
              + r.recordId()
              + " (transactionId="
              + r.transactionId()
              + ", orderItemId="
              + r.orderItemId()
              + ") is already "
              + shown(stored)
              + "; a put may repeat a trade fact but not change it",
          field);
    }
    return false;
  }

  private static String shown(Object v) {
    return v instanceof List<?> l ? l.size() + " trade line(s) with other values" : "'" + v + "'";
  }

  private static boolean sameLines(List<TradeDetail> a, List<TradeDetail> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).sameAs(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static void required(Object value, String field, PutRequest req) {
    if (value == null) {
      throw new LedgerException(
          Code.SCH_MISSING_REQUIRED,
          field
              + " is required to create the record of"
              + " transactionId="
              + req.transactionId()
              + " and orderItemId="
              + req.orderItemId(),
          field);
    }
  }
}
