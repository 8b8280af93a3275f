package org.uei.p2p.bpp.utility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.model.json.JsonView;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.TimeSeries;

/**
 * DISCOM limit checks on an IES wave-2 contract. DiscomLimitCheck v2.0 is a pack for {@code
 * Performance.performanceAttributes} in the init/on_init exchange, so each trade (one interval of a
 * commitment, the codec's order line) gets one {@code contract.performance[]} entry with id {@code
 * discom-limit-check-<line number>}, naming its commitment, with {@code buyerSide} and/or {@code
 * sellerSide} filled by the DISCOM of that meter. Per trade because each has its own slot, quantity
 * and meters.
 */
public final class Wave2LimitChecks {

  /** The pack's JSON-LD context. */
  public static final String CONTEXT =
      "https://schema.nfh.global/DiscomLimitCheck/v2.0/context.jsonld";

  /** The pack's type. */
  public static final String TYPE = "DiscomLimitCheck";

  /** The results a side may report. */
  public static final Set<String> RESULTS = Set.of("OK", "REJECTED", "ADJUSTED");

  private static final String ID_PREFIX = "discom-limit-check-";
  private static final JsonNodeFactory F = new JsonNodeFactory(true);

  private Wave2LimitChecks() {}

  /**
   * Where one trade sits in the contract.
   *
   * @param commitmentId its commitment's id (may be null when the sender gave none)
   * @param intervalPath the JSON path of its interval
   */
  public record Line(String commitmentId, String intervalPath) {
    /** The path of the trade's requested quantity. */
    public String quantityPath() {
      return intervalPath + ".payloads[type=" + TimeSeries.REQUESTED_QTY + "]";
    }
  }

  /** One side's reported result. */
  public record SideResult(String result, BigDecimal remainingKwh) {}

  /** The contract's trades in the codec's line order: intervals of all commitments, wire order. */
  public static List<Line> lines(Contract c) {
    List<Line> out = new ArrayList<>();
    for (Commitment cm : c.commitments()) {
      TimeSeries ts = cm == null ? null : cm.commitmentAttributes();
      if (ts == null) {
        continue;
      }
      for (TimeSeries.Interval in : ts.intervals()) {
        if (in != null) {
          out.add(new Line(cm.id(), in.path()));
        }
      }
    }
    return out;
  }

  /** Sets one side's result on trade {@code line} (0-based) of {@code contract}. */
  public static void put(
      ObjectNode contract,
      int line,
      String commitmentId,
      DeliverySlot slot,
      BigDecimal quantityKwh,
      TradeSide side,
      String discomParticipantId,
      String result,
      BigDecimal remainingKwh) {
    ObjectNode entry = entry(contract, line);
    if (entry == null) {
      entry = newEntry(contract, line, commitmentId, slot, quantityKwh);
    }
    ObjectNode s =
        ((ObjectNode) entry.get("performanceAttributes"))
            .putObject(side == TradeSide.BUYER ? "buyerSide" : "sellerSide");
    s.put("discomParticipantId", discomParticipantId);
    s.put("limitCheckResult", result);
    s.set("remainingHeadroomKwh", DecimalNode.valueOf(remainingKwh.max(BigDecimal.ZERO)));
    JsonNode attrs = entry.get("performanceAttributes");
    boolean refused =
        "REJECTED".equals(attrs.path("buyerSide").path("limitCheckResult").asText())
            || "REJECTED".equals(attrs.path("sellerSide").path("limitCheckResult").asText());
    entry.putObject("status").put("code", refused ? "REJECTED" : "OK");
  }

  /**
   * The well-formed sides of trade {@code line} that {@code contract} reports (a result of {@link
   * #RESULTS} and a headroom of zero or more); anything else is left out.
   */
  public static Map<TradeSide, SideResult> read(JsonNode contract, int line) {
    Map<TradeSide, SideResult> out = new EnumMap<>(TradeSide.class);
    ObjectNode entry = contract instanceof ObjectNode o ? entry(o, line) : null;
    if (entry == null) {
      return out;
    }
    JsonNode attrs = entry.path("performanceAttributes");
    for (TradeSide side : TradeSide.values()) {
      JsonNode s = attrs.path(side == TradeSide.BUYER ? "buyerSide" : "sellerSide");
      String result = s.path("limitCheckResult").asText(null);
      JsonNode kwh = s.get("remainingHeadroomKwh");
      if (result == null || !RESULTS.contains(result) || kwh == null || !kwh.isNumber()) {
        continue;
      }
      BigDecimal remaining = JsonView.decimalOf(kwh);
      if (remaining != null && remaining.signum() >= 0) {
        out.put(side, new SideResult(result, remaining));
      }
    }
    return out;
  }

  private static ObjectNode entry(ObjectNode contract, int line) {
    JsonNode all = contract.get("performance");
    if (all == null || !all.isArray()) {
      return null;
    }
    for (JsonNode p : all) {
      if (p instanceof ObjectNode o
          && (ID_PREFIX + (line + 1)).equals(o.path("id").asText())
          && o.get("performanceAttributes") instanceof ObjectNode) {
        return o;
      }
    }
    return null;
  }

  private static ObjectNode newEntry(
      ObjectNode contract, int line, String commitmentId, DeliverySlot slot, BigDecimal kwh) {
    ArrayNode all =
        contract.get("performance") instanceof ArrayNode a ? a : contract.putArray("performance");
    ObjectNode e = all.addObject().put("id", ID_PREFIX + (line + 1));
    e.putObject("status").put("code", "OK");
    if (commitmentId != null) {
      e.putArray("commitmentIds").add(commitmentId);
    }
    ObjectNode a = e.putObject("performanceAttributes").put("@context", CONTEXT).put("@type", TYPE);
    a.putObject("deliveryWindow")
        .put("@type", "beckn:TimePeriod")
        .put("schema:startTime", slot.start().toString())
        .put("schema:endTime", slot.end().toString());
    a.putObject("tradeQuantity").put("unitCode", "KWH").set("unitQuantity", F.numberNode(kwh));
    return e;
  }
}
