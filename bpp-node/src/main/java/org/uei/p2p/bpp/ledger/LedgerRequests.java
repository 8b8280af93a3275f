package org.uei.p2p.bpp.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.uei.p2p.market.ledger.AllocateRequest;
import org.uei.p2p.market.ledger.LedgerException;
import org.uei.p2p.market.ledger.LedgerException.Code;
import org.uei.p2p.market.ledger.LedgerQuery;
import org.uei.p2p.market.ledger.LedgerRole;
import org.uei.p2p.market.ledger.LedgerStatus;
import org.uei.p2p.market.ledger.MetricType;
import org.uei.p2p.market.ledger.PutRequest;
import org.uei.p2p.market.ledger.RecordRequest;
import org.uei.p2p.market.ledger.TradeDetail;
import org.uei.p2p.market.ledger.TradeType;
import org.uei.p2p.market.ledger.TradeUnit;
import org.uei.p2p.market.ledger.ValidationMetric;

/**
 * Reads the ledger API's request bodies into the domain's requests. The spec's schemas allow no
 * other members ({@code additionalProperties: false}), so an unknown member is refused by its path,
 * as is a member of the wrong JSON type; what the values must be is the domain's to check.
 */
final class LedgerRequests {
  private static final Set<String> PUT =
      Set.of(
          "role",
          "transactionId",
          "orderItemId",
          "recordId",
          "platformIdBuyer",
          "platformIdSeller",
          "discomIdBuyer",
          "discomIdSeller",
          "buyerId",
          "sellerId",
          "tradeTime",
          "deliveryStartTime",
          "deliveryEndTime",
          "tradeDetails",
          "clientReference");
  private static final Set<String> RECORD =
      Set.of(
          "role",
          "transactionId",
          "orderItemId",
          "recordId",
          "discomIdBuyer",
          "discomIdSeller",
          "buyerFulfillmentValidationMetrics",
          "sellerFulfillmentValidationMetrics",
          "statusBuyerDiscom",
          "statusSellerDiscom",
          "note",
          "clientReference");
  private static final Set<String> ALLOCATE =
      Set.of(
          "meterId",
          "discomId",
          "deliveryStartTime",
          "deliveryEndTime",
          "actualImported",
          "status",
          "clientReference");
  private static final Set<String> GET =
      Set.of(
          "transactionId",
          "orderItemId",
          "recordId",
          "buyerId",
          "sellerId",
          "discomIdBuyer",
          "discomIdSeller",
          "platformIdBuyer",
          "platformIdSeller",
          "creationTimeFrom",
          "creationTimeTo",
          "tradeTimeFrom",
          "tradeTimeTo",
          "deliveryStartFrom",
          "deliveryStartTo",
          "deliveryEndFrom",
          "deliveryEndTo",
          "limit",
          "offset",
          "statusBuyerDiscom",
          "statusSellerDiscom",
          "sort",
          "sortOrder");
  private static final Set<String> LINE =
      Set.of("tradeType", "tradeQty", "tradeUnit", "pricePerUnit", "priceCurrency");
  private static final Set<String> METRIC = Set.of("validationMetricType", "validationMetricValue");

  private LedgerRequests() {}

  static PutRequest put(JsonNode n) {
    members(n, PUT, "");
    return new PutRequest(
        en(n, "role", LedgerRole.class, ""),
        str(n, "transactionId", ""),
        str(n, "orderItemId", ""),
        str(n, "recordId", ""),
        str(n, "platformIdBuyer", ""),
        str(n, "platformIdSeller", ""),
        str(n, "discomIdBuyer", ""),
        str(n, "discomIdSeller", ""),
        str(n, "buyerId", ""),
        str(n, "sellerId", ""),
        time(n, "tradeTime"),
        time(n, "deliveryStartTime"),
        time(n, "deliveryEndTime"),
        lines(n.get("tradeDetails")),
        null,
        str(n, "clientReference", ""));
  }

  static RecordRequest record(JsonNode n) {
    members(n, RECORD, "");
    return new RecordRequest(
        en(n, "role", LedgerRole.class, ""),
        str(n, "transactionId", ""),
        str(n, "orderItemId", ""),
        str(n, "recordId", ""),
        str(n, "discomIdBuyer", ""),
        str(n, "discomIdSeller", ""),
        metrics(n, "buyerFulfillmentValidationMetrics"),
        metrics(n, "sellerFulfillmentValidationMetrics"),
        en(n, "statusBuyerDiscom", LedgerStatus.class, ""),
        en(n, "statusSellerDiscom", LedgerStatus.class, ""),
        str(n, "note", ""),
        str(n, "clientReference", ""));
  }

  static AllocateRequest allocate(JsonNode n) {
    members(n, ALLOCATE, "");
    return new AllocateRequest(
        str(n, "meterId", ""),
        str(n, "discomId", ""),
        time(n, "deliveryStartTime"),
        time(n, "deliveryEndTime"),
        number(n, "actualImported", ""),
        en(n, "status", LedgerStatus.class, ""),
        str(n, "clientReference", ""));
  }

  static LedgerQuery get(JsonNode n) {
    members(n, GET, "");
    String order = str(n, "sortOrder", "");
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw invalid("sortOrder", "sortOrder must be asc or desc");
    }
    return new LedgerQuery(
        str(n, "transactionId", ""),
        str(n, "orderItemId", ""),
        str(n, "recordId", ""),
        str(n, "buyerId", ""),
        str(n, "sellerId", ""),
        str(n, "discomIdBuyer", ""),
        str(n, "discomIdSeller", ""),
        str(n, "platformIdBuyer", ""),
        str(n, "platformIdSeller", ""),
        time(n, "creationTimeFrom"),
        time(n, "creationTimeTo"),
        time(n, "tradeTimeFrom"),
        time(n, "tradeTimeTo"),
        time(n, "deliveryStartFrom"),
        time(n, "deliveryStartTo"),
        time(n, "deliveryEndFrom"),
        time(n, "deliveryEndTo"),
        statusFilter(n, "statusBuyerDiscom"),
        statusFilter(n, "statusSellerDiscom"),
        integer(n, "limit", LedgerQuery.DEFAULT_LIMIT),
        integer(n, "offset", 0),
        en(n, "sort", LedgerQuery.Sort.class, ""),
        "asc".equals(order));
  }

  /** An empty string skips the filter, as the spec allows. */
  private static LedgerStatus statusFilter(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v != null && v.isTextual() && v.asText().isEmpty()
        ? null
        : en(n, name, LedgerStatus.class, "");
  }

  private static List<TradeDetail> lines(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw invalid("tradeDetails", "tradeDetails must be an array");
    }
    List<TradeDetail> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      String at = "tradeDetails[" + i + "].";
      JsonNode o = v.get(i);
      members(o, LINE, at);
      out.add(
          new TradeDetail(
              required(en(o, "tradeType", TradeType.class, at), at + "tradeType"),
              required(number(o, "tradeQty", at), at + "tradeQty"),
              required(en(o, "tradeUnit", TradeUnit.class, at), at + "tradeUnit"),
              number(o, "pricePerUnit", at),
              str(o, "priceCurrency", at)));
    }
    return out;
  }

  private static List<ValidationMetric> metrics(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw invalid(name, name + " must be an array");
    }
    List<ValidationMetric> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      String at = name + "[" + i + "].";
      JsonNode o = v.get(i);
      members(o, METRIC, at);
      out.add(
          new ValidationMetric(
              required(
                  en(o, "validationMetricType", MetricType.class, at), at + "validationMetricType"),
              required(number(o, "validationMetricValue", at), at + "validationMetricValue")));
    }
    return out;
  }

  private static void members(JsonNode n, Set<String> allowed, String at) {
    if (n == null || !n.isObject()) {
      String where = at.isEmpty() ? "the request body" : at.substring(0, at.length() - 1);
      throw invalid(at.isEmpty() ? "" : where, where + " must be a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw invalid(at + name, at + name + " is not a member of this request");
      }
    }
  }

  private static String str(JsonNode n, String name, String at) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(at + name, at + name + " must be a string");
    }
    return v.asText();
  }

  private static Instant time(JsonNode n, String name) {
    String s = str(n, name, "");
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          name,
          name
              + " must be an RFC 3339 date-time such as 2026-01-15T11:00:00Z, not '"
              + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
              + "'");
    }
  }

  private static BigDecimal number(JsonNode n, String name, String at) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw invalid(at + name, at + name + " must be a number");
    }
    return v.decimalValue();
  }

  private static int integer(JsonNode n, String name, int dflt) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw invalid(name, name + " must be a whole number");
    }
    return v.intValue();
  }

  private static <E extends Enum<E>> E en(JsonNode n, String name, Class<E> type, String at) {
    String s = str(n, name, at);
    if (s == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    throw invalid(at + name, at + name + " must be one of " + names);
  }

  private static <T> T required(T v, String path) {
    if (v == null) {
      throw new LedgerException(Code.SCH_MISSING_REQUIRED, path + " is required", path);
    }
    return v;
  }

  private static LedgerException invalid(String path, String message) {
    return new LedgerException(Code.SCH_FIELD_NOT_ALLOWED, message, path);
  }
}
