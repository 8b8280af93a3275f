package org.uei.p2p.conformance.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * One run against a ledger provider: one trade of the ledger's DISCOM (seller side), new for the
 * run, so that what the kit reads back is what it wrote.
 */
final class Wave2LedgerRun {

  private static final BigDecimal QTY = new BigDecimal("1.00");
  private static final BigDecimal PRICE = new BigDecimal("6.25");

  /** The seller meter's export in the allocated window: less than the quantity traded. */
  private static final BigDecimal EXPORTED = new BigDecimal("0.60");

  private final LedgerCalls calls;
  private final Wave2LedgerConformance.Config config;
  private final Wave2LedgerConformance.Identities ids;
  private final String transactionId = UUID.randomUUID().toString();
  private final String run = transactionId.substring(0, 8);
  private final String sellerMeter = "TEST_CONFORMANCE_SELLER_" + run;
  private final String buyerMeter = "TEST_CONFORMANCE_BUYER_" + run;
  // A window of yesterday: delivered, so the DISCOM may record and allocate it.
  private final Instant start =
      Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS);
  private final Instant end = start.plus(1, ChronoUnit.HOURS);

  Wave2LedgerRun(LedgerCalls calls, Wave2LedgerConformance.Config config) {
    this.calls = calls;
    this.config = config;
    this.ids = config.identities();
  }

  void all(Consumer<CaseResult> record) {
    record.accept(refused(Wave2LedgerCases.UNSIGNED, null));
    KitIdentity seller = ids.sellerPlatform();
    record.accept(
        refused(
            Wave2LedgerCases.WRONG_KEY,
            BecknSigner.of(seller.subscriberId(), seller.keyId(), Ed25519KeyPair.generate())));
    BecknClient.Sent put = calls.post("put", seller, put());
    String recordId = LedgerCalls.tree(put).path("recordId").asText(null);
    CaseResult written = put(put, recordId);
    record.accept(written);
    if (!written.acceptable()) {
      for (ConformanceCase c :
          List.of(
              Wave2LedgerCases.PUT_IDEMPOTENT,
              Wave2LedgerCases.PUT_BY_OTHERS,
              Wave2LedgerCases.RECORD,
              Wave2LedgerCases.ALLOCATE,
              Wave2LedgerCases.GET_FILTERED)) {
        record.accept(CaseResult.notRun(c, "needs a record; see " + Wave2LedgerCases.PUT.id()));
      }
    } else {
      record.accept(idempotent(recordId));
      record.accept(putByOthers());
      record.accept(recordByDiscom());
      record.accept(allocateByDiscom());
      record.accept(strangerSeesNothing());
    }
    record.accept(badInput());
  }

  /** The seller platform's put of the run's trade. */
  private ObjectNode put() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("role", "SELLER")
        .put("transactionId", transactionId)
        .put("orderItemId", "1")
        .put("platformIdBuyer", ids.buyerPlatform().subscriberId())
        .put("platformIdSeller", ids.sellerPlatform().subscriberId())
        .put("discomIdBuyer", config.otherDiscom())
        .put("discomIdSeller", config.discomId())
        .put("buyerId", buyerMeter)
        .put("sellerId", sellerMeter)
        .put("tradeTime", start.minus(6, ChronoUnit.HOURS).toString())
        .put("deliveryStartTime", start.toString())
        .put("deliveryEndTime", end.toString())
        .put("clientReference", "conformance-contract-" + run);
    n.putArray("tradeDetails")
        .addObject()
        .put("tradeType", "ENERGY")
        .put("tradeQty", QTY)
        .put("tradeUnit", "KWH")
        .put("pricePerUnit", PRICE)
        .put("priceCurrency", "INR");
    return n;
  }

  private ObjectNode byTransaction() {
    return JsonNodeFactory.instance.objectNode().put("transactionId", transactionId);
  }

  /** A put signed wrongly or not at all must get 401 and write nothing. */
  private CaseResult refused(ConformanceCase c, BecknSigner signer) {
    BecknClient.Sent sent = calls.post("put", signer, put());
    List<Exchange> ev = new ArrayList<>(List.of(sent.evidence(c.title())));
    if (sent.answer().status() != 401) {
      return CaseResult.failed(c, "expected HTTP 401, got " + status(sent), ev);
    }
    BecknClient.Sent get = calls.post("get", ids.sellerPlatform(), byTransaction());
    ev.add(get.evidence("/ledger/get by the seller platform"));
    if (get.answer().status() == 200 && count(get) > 0) {
      return CaseResult.failed(c, "answered 401 but wrote the record all the same", ev);
    }
    return CaseResult.passed(c, "HTTP 401", ev);
  }

  private CaseResult put(BecknClient.Sent put, String recordId) {
    ConformanceCase c = Wave2LedgerCases.PUT;
    List<Exchange> ev =
        new ArrayList<>(List.of(put.evidence("/ledger/put by the seller platform")));
    if (put.answer().status() != 200
        || !LedgerCalls.tree(put).path("success").asBoolean(false)
        || recordId == null) {
      return CaseResult.failed(
          c, "expected HTTP 200 with success and a recordId, got " + status(put), ev);
    }
    for (KitIdentity reader : List.of(ids.sellerPlatform(), ids.buyerPlatform(), ids.discom())) {
      BecknClient.Sent get = calls.post("get", reader, byTransaction());
      ev.add(get.evidence("/ledger/get by " + reader.subscriberId()));
      String wrong = sameRecord(get, recordId);
      if (wrong != null) {
        return CaseResult.failed(c, reader.subscriberId() + " reads " + wrong, ev);
      }
    }
    return CaseResult.passed(
        c,
        "record "
            + recordId
            + " written; the seller platform, the buyer platform and the DISCOM each read it",
        ev);
  }

  /** Why {@code get} is not exactly the run's record {@code recordId} with its facts, or null. */
  private String sameRecord(BecknClient.Sent get, String recordId) {
    if (get.answer().status() != 200) {
      return "nothing: /ledger/get answered " + status(get);
    }
    JsonNode records = LedgerCalls.tree(get).path("records");
    if (records.size() != 1) {
      return records.size() + " records of the transaction, not 1";
    }
    JsonNode r = records.get(0);
    List<String> wrong = new ArrayList<>();
    expect(wrong, r, "recordId", recordId);
    expect(wrong, r, "platformIdSeller", ids.sellerPlatform().subscriberId());
    expect(wrong, r, "platformIdBuyer", ids.buyerPlatform().subscriberId());
    expect(wrong, r, "discomIdSeller", config.discomId());
    expect(wrong, r, "sellerId", sellerMeter);
    JsonNode qty = r.path("tradeDetails").path(0).path("tradeQty");
    if (!qty.isNumber() || qty.decimalValue().compareTo(QTY) != 0) {
      wrong.add("tradeDetails[0].tradeQty " + qty + ", not " + QTY.toPlainString());
    }
    return wrong.isEmpty() ? null : "a record with " + String.join("; ", wrong);
  }

  private CaseResult idempotent(String recordId) {
    ConformanceCase c = Wave2LedgerCases.PUT_IDEMPOTENT;
    BecknClient.Sent again = calls.post("put", ids.sellerPlatform(), put());
    List<Exchange> ev = new ArrayList<>(List.of(again.evidence("the same /ledger/put again")));
    String second = LedgerCalls.tree(again).path("recordId").asText(null);
    if (again.answer().status() != 200) {
      return CaseResult.failed(c, "the repeated put got " + status(again), ev);
    }
    if (!recordId.equals(second)) {
      return CaseResult.failed(
          c, "the repeated put names record " + second + ", not " + recordId, ev);
    }
    BecknClient.Sent get = calls.post("get", ids.sellerPlatform(), byTransaction());
    ev.add(get.evidence("/ledger/get by the seller platform"));
    String wrong = sameRecord(get, recordId);
    return wrong == null
        ? CaseResult.passed(c, "HTTP 200, record " + recordId + ", still one record", ev)
        : CaseResult.failed(c, "after the repeated put the seller platform reads " + wrong, ev);
  }

  private CaseResult putByOthers() {
    ConformanceCase c = Wave2LedgerCases.PUT_BY_OTHERS;
    BecknClient.Sent before = calls.post("get", ids.sellerPlatform(), byTransaction());
    List<Exchange> ev =
        new ArrayList<>(List.of(before.evidence("/ledger/get by the seller platform, before")));
    ObjectNode changed = put();
    // Another buyer meter: a put accepted from the wrong signer would show in the record.
    changed.put("orderItemId", "2");
    for (KitIdentity who : List.of(ids.discom(), ids.stranger())) {
      BecknClient.Sent sent = calls.post("put", who, changed);
      ev.add(sent.evidence("/ledger/put by " + who.subscriberId()));
      if (sent.answer().status() != 403) {
        return CaseResult.failed(
            c,
            "a put by "
                + (who == ids.discom() ? "the DISCOM " : "a platform party to nothing ")
                + who.subscriberId()
                + " got "
                + status(sent)
                + ", not HTTP 403",
            ev);
      }
    }
    BecknClient.Sent after = calls.post("get", ids.sellerPlatform(), byTransaction());
    ev.add(after.evidence("/ledger/get by the seller platform, after"));
    // What the refused puts must not have changed, whatever the records were before.
    JsonNode was = LedgerCalls.tree(before).path("records");
    JsonNode is = LedgerCalls.tree(after).path("records");
    return was.equals(is)
        ? CaseResult.passed(c, "the DISCOM's and a stranger's puts got HTTP 403", ev)
        : CaseResult.failed(
            c,
            "the refused puts changed the records: "
                + was.size()
                + " record(s) before, "
                + is.size()
                + " after",
            ev);
  }

  private ObjectNode recordBody() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("role", "SELLER_DISCOM")
        .put("transactionId", transactionId)
        .put("orderItemId", "1")
        .put("discomIdSeller", config.discomId());
    n.putArray("sellerFulfillmentValidationMetrics")
        .addObject()
        .put("validationMetricType", "ACTUAL_PUSHED")
        .put("validationMetricValue", new BigDecimal("0.90"));
    return n;
  }

  private CaseResult recordByDiscom() {
    ConformanceCase c = Wave2LedgerCases.RECORD;
    BecknClient.Sent platform = calls.post("record", ids.sellerPlatform(), recordBody());
    List<Exchange> ev =
        new ArrayList<>(List.of(platform.evidence("/ledger/record by the seller platform")));
    if (platform.answer().status() != 403) {
      return CaseResult.failed(
          c, "the seller platform's record got " + status(platform) + ", not HTTP 403", ev);
    }
    BecknClient.Sent discom = calls.post("record", ids.discom(), recordBody());
    ev.add(discom.evidence("/ledger/record by the DISCOM"));
    if (discom.answer().status() != 200) {
      return CaseResult.failed(c, "the DISCOM's record got " + status(discom), ev);
    }
    return CaseResult.passed(c, "the platform's record got HTTP 403, the DISCOM's HTTP 200", ev);
  }

  private CaseResult allocateByDiscom() {
    ConformanceCase c = Wave2LedgerCases.ALLOCATE;
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("meterId", sellerMeter)
        .put("discomId", config.discomId())
        .put("deliveryStartTime", start.toString())
        .put("deliveryEndTime", end.toString())
        // The seller meter exported: a negative import.
        .put("actualImported", EXPORTED.negate());
    BecknClient.Sent platform = calls.post("allocate", ids.sellerPlatform(), body);
    List<Exchange> ev =
        new ArrayList<>(List.of(platform.evidence("/ledger/allocate by the seller platform")));
    if (platform.answer().status() != 403) {
      return CaseResult.failed(
          c, "the seller platform's allocate got " + status(platform) + ", not HTTP 403", ev);
    }
    BecknClient.Sent discom = calls.post("allocate", ids.discom(), body);
    ev.add(discom.evidence("/ledger/allocate by the DISCOM"));
    if (discom.answer().status() != 200) {
      return CaseResult.failed(c, "the DISCOM's allocate got " + status(discom), ev);
    }
    for (JsonNode a : LedgerCalls.tree(discom).path("allocations")) {
      if (!transactionId.equals(a.path("transactionId").asText())) {
        continue;
      }
      JsonNode q = a.path("allocatedQty");
      if (!q.isNumber() || q.decimalValue().signum() < 0 || q.decimalValue().compareTo(QTY) > 0) {
        return CaseResult.failed(
            c, "the trade's allocatedQty is " + q + ", not between 0 and " + QTY, ev);
      }
      return CaseResult.passed(
          c,
          "the platform's allocate got HTTP 403; the DISCOM's allocated "
              + q.decimalValue().toPlainString()
              + " kWh of the trade",
          ev);
    }
    return CaseResult.failed(c, "the DISCOM's allocation does not name the trade", ev);
  }

  private CaseResult strangerSeesNothing() {
    ConformanceCase c = Wave2LedgerCases.GET_FILTERED;
    BecknClient.Sent get = calls.post("get", ids.stranger(), byTransaction());
    List<Exchange> ev = List.of(get.evidence("/ledger/get by a platform party to nothing"));
    if (get.answer().status() != 200) {
      return CaseResult.failed(c, "expected HTTP 200 with no records, got " + status(get), ev);
    }
    int n = count(get);
    return n == 0
        ? CaseResult.passed(c, "HTTP 200 with no records", ev)
        : CaseResult.failed(c, "a platform party to nothing reads " + n + " record(s)", ev);
  }

  private CaseResult badInput() {
    ConformanceCase c = Wave2LedgerCases.BAD_INPUT;
    ObjectNode body = put();
    body.put("orderItemId", "3");
    ((ObjectNode) body.path("tradeDetails").get(0)).put("tradeQty", "one");
    BecknClient.Sent sent = calls.post("put", ids.sellerPlatform(), body);
    List<Exchange> ev = List.of(sent.evidence("/ledger/put with a string tradeQty"));
    JsonNode err = LedgerCalls.tree(sent);
    if (sent.answer().status() != 400) {
      return CaseResult.failed(c, "expected HTTP 400, got " + status(sent), ev);
    }
    if (err.path("code").asText("").isBlank()) {
      return CaseResult.failed(c, "the error names no code: " + sent.answer().text(), ev);
    }
    String field = err.path("details").path("field").asText("");
    if (!field.endsWith("tradeQty")) {
      return CaseResult.failed(
          c, "the error's details.field is '" + field + "', not tradeDetails[0].tradeQty", ev);
    }
    return CaseResult.passed(c, "HTTP 400 " + err.path("code").asText() + " at " + field, ev);
  }

  private static int count(BecknClient.Sent get) {
    return LedgerCalls.tree(get).path("records").size();
  }

  private static String status(BecknClient.Sent sent) {
    if (sent.answer().status() == 0) {
      return "no answer (" + sent.answer().problem() + ")";
    }
    JsonNode n = LedgerCalls.tree(sent);
    String code = n.path("code").asText("");
    return "HTTP " + sent.answer().status() + (code.isEmpty() ? "" : " " + code);
  }

  private static void expect(List<String> wrong, JsonNode n, String field, String value) {
    String got = n.path(field).asText(null);
    if (!value.equals(got)) {
      wrong.add(
          field + " " + (got == null ? "missing" : "'" + got + "'") + ", not '" + value + "'");
    }
  }
}
