package org.uei.p2p.bpp.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.market.ledger.LedgerRecord;
import org.uei.p2p.market.ledger.LedgerResults;
import org.uei.p2p.market.ledger.MetricType;
import org.uei.p2p.market.ledger.TradeDetail;
import org.uei.p2p.market.ledger.TradeType;
import org.uei.p2p.market.ledger.TradeUnit;
import org.uei.p2p.market.ledger.ValidationMetric;
import org.uei.p2p.model.json.BecknJson;

/**
 * The ledger API's JSON out, and the trade lines and metrics as the {@code ledger_record} columns
 * keep them.
 */
final class LedgerJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private LedgerJson() {}

  /** A {@code ledgerRecord} in the spec's field order; absent fields are left out. */
  static ObjectNode record(LedgerRecord r) {
    ObjectNode n = F.objectNode();
    n.put("creationTime", r.creationTime().toString())
        .put("recordId", r.recordId())
        .put("transactionId", r.transactionId())
        .put("orderItemId", r.orderItemId())
        .put("platformIdBuyer", r.platformIdBuyer())
        .put("platformIdSeller", r.platformIdSeller())
        .put("discomIdBuyer", r.discomIdBuyer())
        .put("discomIdSeller", r.discomIdSeller())
        .put("buyerId", r.buyerId())
        .put("sellerId", r.sellerId());
    if (r.tradeTime() != null) {
      n.put("tradeTime", r.tradeTime().toString());
    }
    n.put("deliveryStartTime", r.deliveryStartTime().toString())
        .put("deliveryEndTime", r.deliveryEndTime().toString());
    n.set("tradeDetails", lines(r.tradeDetails()));
    if (!r.buyerMetrics().isEmpty()) {
      n.set("buyerFulfillmentValidationMetrics", metrics(r.buyerMetrics()));
    }
    if (!r.sellerMetrics().isEmpty()) {
      n.set("sellerFulfillmentValidationMetrics", metrics(r.sellerMetrics()));
    }
    if (r.statusBuyerDiscom() != null) {
      n.put("statusBuyerDiscom", r.statusBuyerDiscom().name());
    }
    if (r.statusSellerDiscom() != null) {
      n.put("statusSellerDiscom", r.statusSellerDiscom().name());
    }
    if (r.networkId() != null) {
      n.put("networkId", r.networkId());
    }
    return n.put("rowDigest", r.rowDigest());
  }

  /** {@code ledgerWriteResponse}. */
  static ObjectNode write(LedgerResults.Write w) {
    ObjectNode n = F.objectNode();
    return n.put("success", true)
        .put("recordId", w.record().recordId())
        .put("creationTime", w.record().creationTime().toString())
        .put("rowDigest", w.record().rowDigest())
        .put("message", w.outcome().message());
  }

  /** {@code ledgerAllocateResponse}. */
  static ObjectNode allocation(LedgerResults.Allocation a) {
    ObjectNode n = F.objectNode().put("success", true);
    ArrayNode lines = n.putArray("allocations");
    for (LedgerResults.Line l : a.allocations()) {
      lines
          .addObject()
          .put("recordId", l.record().recordId())
          .put("transactionId", l.record().transactionId())
          .put("orderItemId", l.record().orderItemId())
          .put("tradeQty", plain(l.tradeQty()))
          .put("allocatedQty", plain(l.allocatedQty()))
          .put("side", l.side().name())
          .put("metricType", l.metricType().name())
          .put("rowDigest", l.record().rowDigest());
    }
    return n.put("totalMatched", a.totalMatched())
        .put("totalAllocated", plain(a.totalAllocated()))
        .put("message", a.totalMatched() + " trade(s) allocated");
  }

  /** {@code ledgerGetResponse}. */
  static ObjectNode records(List<LedgerRecord> records) {
    ObjectNode n = F.objectNode();
    ArrayNode out = n.putArray("records");
    records.forEach(r -> out.add(record(r)));
    return n.put("count", records.size());
  }

  static ArrayNode lines(List<TradeDetail> lines) {
    ArrayNode a = F.arrayNode();
    for (TradeDetail d : lines) {
      ObjectNode o =
          a.addObject()
              .put("tradeType", d.tradeType().name())
              .put("tradeQty", plain(d.tradeQty()))
              .put("tradeUnit", d.tradeUnit().name());
      if (d.pricePerUnit() != null) {
        o.put("pricePerUnit", plain(d.pricePerUnit()));
      }
      if (d.priceCurrency() != null) {
        o.put("priceCurrency", d.priceCurrency());
      }
    }
    return a;
  }

  static ArrayNode metrics(List<ValidationMetric> metrics) {
    ArrayNode a = F.arrayNode();
    for (ValidationMetric m : metrics) {
      a.addObject()
          .put("validationMetricType", m.validationMetricType().name())
          .put("validationMetricValue", plain(m.validationMetricValue()));
    }
    return a;
  }

  static String linesText(List<TradeDetail> lines) {
    return BecknJson.writeString(lines(lines));
  }

  static String metricsText(List<ValidationMetric> metrics) {
    return BecknJson.writeString(metrics(metrics));
  }

  /** Trade lines read back from their column, written by {@link #linesText}. */
  static List<TradeDetail> linesOf(String text) {
    List<TradeDetail> out = new ArrayList<>();
    for (JsonNode o : tree(text)) {
      out.add(
          new TradeDetail(
              TradeType.valueOf(o.get("tradeType").asText()),
              o.get("tradeQty").decimalValue(),
              TradeUnit.valueOf(o.get("tradeUnit").asText()),
              o.hasNonNull("pricePerUnit") ? o.get("pricePerUnit").decimalValue() : null,
              o.hasNonNull("priceCurrency") ? o.get("priceCurrency").asText() : null));
    }
    return out;
  }

  /** Metrics read back from their column, written by {@link #metricsText}. */
  static List<ValidationMetric> metricsOf(String text) {
    List<ValidationMetric> out = new ArrayList<>();
    for (JsonNode o : tree(text)) {
      out.add(
          new ValidationMetric(
              MetricType.valueOf(o.get("validationMetricType").asText()),
              o.get("validationMetricValue").decimalValue()));
    }
    return out;
  }

  private static JsonNode tree(String text) {
    try {
      return BecknJson.readTree(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(
          "ledger_record holds JSON this node did not write: " + e.getMessage(), e);
    }
  }

  /** Never in exponent form: 10, not 1E+1. */
  static BigDecimal plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
