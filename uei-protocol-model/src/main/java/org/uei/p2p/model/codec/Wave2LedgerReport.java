package org.uei.p2p.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The ledger allocation report: the compact contract a DISCOM's ledger provider sends the platforms
 * in a wave-2 {@code on_status} once it has allocated its DISCOM's meter actuals. The ledger keeps
 * per-trade records, not the contract, so the report carries only what it knows: one commitment per
 * record, its id the record's {@code orderItemId} (the trade's 1-based line number in the
 * contract), and a one-interval TimeSeries with the DISCOM's allocation and its status for the
 * trade's delivery window. A DISCOM on both sides of a trade writes both sides in one commitment.
 *
 * <p>This class is the only writer and reader of the shape, so both ends agree on it by
 * construction.
 */
public final class Wave2LedgerReport {

  /** The allocation state the ledger reports once a window is allocated. */
  public static final String COMPLETED = "COMPLETED";

  private static final String CTX = "https://schema.nfh.global/BecknTimeSeries/v1.0/context.jsonld";

  private Wave2LedgerReport() {}

  /**
   * One reported allocation: the trade's line ({@code orderItemId}), the DISCOM's side, the
   * delivery window, the allocated energy in kWh and its status.
   */
  public record Line(
      String orderItemId,
      TradeSide side,
      Instant start,
      Instant end,
      BigDecimal kwh,
      String status) {
    /** Checks the members. */
    public Line {
      Objects.requireNonNull(orderItemId, "orderItemId");
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(kwh, "kwh");
      Objects.requireNonNull(status, "status");
      if (orderItemId.isBlank() || status.isBlank()) {
        throw new IllegalArgumentException("orderItemId and status must not be blank");
      }
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("the window must end after it starts");
      }
      if (kwh.signum() < 0) {
        throw new IllegalArgumentException("an allocation is never negative: " + kwh);
      }
    }
  }

  /**
   * The report contract for contract {@code contractId}: one commitment per {@code orderItemId}, in
   * the order the lines first name it.
   *
   * @throws IllegalArgumentException when there are no lines, a line's side appears twice for one
   *     {@code orderItemId}, or the sides of one {@code orderItemId} disagree on the window
   */
  public static Contract write(String contractId, List<Line> lines) {
    if (contractId == null || contractId.isBlank()) {
      throw new IllegalArgumentException("a report names its contract");
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a report has at least one line");
    }
    Map<String, List<Line>> byItem = new LinkedHashMap<>();
    for (Line l : lines) {
      List<Line> same = byItem.computeIfAbsent(l.orderItemId(), k -> new ArrayList<>());
      for (Line other : same) {
        if (other.side() == l.side()) {
          throw new IllegalArgumentException(
              "line " + l.orderItemId() + " has two " + l.side() + " allocations");
        }
        if (!other.start().equals(l.start()) || !other.end().equals(l.end())) {
          throw new IllegalArgumentException(
              "the sides of line " + l.orderItemId() + " disagree on the window");
        }
      }
      same.add(l);
    }
    ObjectNode m = Wave2Writer.object();
    ObjectNode c = m.putObject("contract").put("id", contractId);
    c.putObject("status").put("code", "ACTIVE");
    ArrayNode cs = c.putArray("commitments");
    byItem.forEach((item, sides) -> cs.add(commitment(item, sides)));
    return Wave2Message.of(m).contract();
  }

  private static ObjectNode commitment(String item, List<Line> sides) {
    Line first = sides.get(0);
    ObjectNode cm = Wave2Writer.object().put("id", item);
    cm.putObject("status").putObject("descriptor").put("code", "ACTIVE");
    ObjectNode ts =
        cm.putObject("commitmentAttributes").put("@context", CTX).put("@type", TimeSeries.TYPE);
    ts.putObject("intervalPeriod")
        .put("start", first.start().toString())
        .put("duration", Duration.between(first.start(), first.end()).toString());
    ArrayNode ds = ts.putArray("payloadDescriptors");
    ArrayNode ps = ts.putArray("intervals").addObject().put("id", 0).putArray("payloads");
    for (Line l : sides) {
      String role =
          l.side() == TradeSide.SELLER ? DegContract.SELLER_DISCOM : DegContract.BUYER_DISCOM;
      ds.addObject()
          .put("objectType", TimeSeries.PayloadDescriptor.REPORT)
          .put("payloadType", allocType(l.side()))
          .put("units", Wave2Writer.KWH)
          .put("insertedBy", role);
      ds.addObject()
          .put("objectType", TimeSeries.PayloadDescriptor.REPORT)
          .put("payloadType", statusType(l.side()))
          .put("units", "STRING")
          .put("insertedBy", role);
      ps.addObject().put("type", allocType(l.side())).putArray("values").add(l.kwh());
      ps.addObject().put("type", statusType(l.side())).putArray("values").add(l.status());
    }
    return cm;
  }

  /**
   * Whether {@code c} has the report's shape: commitments without an offer whose tables carry only
   * DISCOM allocations and their states. A full contract (with offers and prices) is not a report.
   */
  public static boolean isReport(Contract c) {
    if (c == null || c.commitments().isEmpty()) {
      return false;
    }
    for (Commitment cm : c.commitments()) {
      if (cm == null || cm.offer() != null || cm.commitmentAttributes() == null) {
        return false;
      }
      List<TimeSeries.PayloadDescriptor> ds = cm.commitmentAttributes().payloadDescriptors();
      if (ds.isEmpty() || ds.stream().anyMatch(d -> d == null || !reported(d.payloadType()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every line of report {@code c}, in commitment order (seller side first within a commitment).
   *
   * @throws TradeCodecException with the JSON path of the first member that is not as {@link
   *     #write} writes it
   */
  public static List<Line> read(Contract c) throws TradeCodecException {
    if (c == null) {
      throw new TradeCodecException("message.contract", "is required");
    }
    need(c.id() != null && !c.id().isBlank(), c.pathOf("id"), "is required: the contract id");
    List<Commitment> cs = c.commitments();
    need(!cs.isEmpty(), c.pathOf("commitments"), "is required: one commitment per trade line");
    List<Line> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < cs.size(); i++) {
      Commitment cm = cs.get(i);
      need(cm != null, c.pathOf("commitments") + "[" + i + "]", "must be an object");
      String id = cm.id();
      need(id != null && !id.isBlank(), cm.pathOf("id"), "is required: the trade's line number");
      need(ids.add(id), cm.pathOf("id"), "line '" + id + "' appears twice");
      need(
          cm.offer() == null,
          cm.pathOf("offer"),
          "must be absent: a ledger report carries allocations only");
      out.addAll(lines(id, cm));
    }
    return out;
  }

  /**
   * The lines of {@code side} in report {@code c}, by {@code orderItemId}.
   *
   * @throws TradeCodecException as {@link #read(Contract)}
   */
  public static Map<String, Line> read(Contract c, TradeSide side) throws TradeCodecException {
    Map<String, Line> out = new LinkedHashMap<>();
    for (Line l : read(c)) {
      if (l.side() == side) {
        out.put(l.orderItemId(), l);
      }
    }
    return out;
  }

  private static List<Line> lines(String id, Commitment cm) throws TradeCodecException {
    TimeSeries ts = cm.commitmentAttributes();
    need(ts != null, cm.pathOf("commitmentAttributes"), "is required: the allocation table");
    TimeSeries.IntervalPeriod ip = ts.intervalPeriod();
    need(ip != null, ts.pathOf("intervalPeriod"), "is required: the delivery window");
    Instant start = instant(ip.start(), ip.pathOf("start"));
    Duration length = duration(ip.duration(), ip.pathOf("duration"));
    Set<String> declared = new HashSet<>();
    for (TimeSeries.PayloadDescriptor d : ts.payloadDescriptors()) {
      if (d != null && d.payloadType() != null) {
        need(
            reported(d.payloadType()),
            d.pathOf("payloadType"),
            "'" + d.payloadType() + "' is not a DISCOM allocation or its status");
        declared.add(d.payloadType());
      }
    }
    List<TimeSeries.Interval> ins = ts.intervals();
    need(
        ins.size() == 1 && ins.get(0) != null && Integer.valueOf(0).equals(ins.get(0).id()),
        ts.pathOf("intervals"),
        "must be one interval with id 0: the trade's delivery window");
    TimeSeries.Interval in = ins.get(0);
    for (TimeSeries.Payload p : in.payloads()) {
      need(p != null && p.type() != null, in.pathOf("payloads"), "every payload has a type");
      need(
          declared.contains(p.type()),
          p.pathOf("type"),
          "'" + p.type() + "' is not declared in payloadDescriptors");
    }
    List<Line> out = new ArrayList<>();
    for (TradeSide side : List.of(TradeSide.SELLER, TradeSide.BUYER)) {
      if (in.payload(allocType(side)).isEmpty() && in.payload(statusType(side)).isEmpty()) {
        continue;
      }
      BigDecimal kwh = kwh(in, allocType(side));
      String status = status(in, statusType(side));
      out.add(new Line(id, side, start, start.plus(length), kwh, status));
    }
    need(
        !out.isEmpty(),
        in.pathOf("payloads"),
        "must carry SELLER_DISCOM_ALLOC or BUYER_DISCOM_ALLOC");
    return out;
  }

  private static BigDecimal kwh(TimeSeries.Interval in, String type) throws TradeCodecException {
    TimeSeries.Payload p = payload(in, type);
    List<JsonNode> vs = p.values();
    need(vs.size() == 1, p.pathOf("values"), "must hold one value: the allocated kWh");
    need(vs.get(0).isNumber(), p.pathOf("values") + "[0]", "must be a number of kWh");
    BigDecimal v = vs.get(0).decimalValue();
    need(v.signum() >= 0, p.pathOf("values") + "[0]", "must not be negative");
    return v;
  }

  private static String status(TimeSeries.Interval in, String type) throws TradeCodecException {
    TimeSeries.Payload p = payload(in, type);
    List<JsonNode> vs = p.values();
    need(vs.size() == 1, p.pathOf("values"), "must hold one value: the allocation's status");
    need(
        vs.get(0).isTextual() && !vs.get(0).asText().isBlank(),
        p.pathOf("values") + "[0]",
        "must be a status such as COMPLETED");
    return vs.get(0).asText();
  }

  private static TimeSeries.Payload payload(TimeSeries.Interval in, String type)
      throws TradeCodecException {
    TimeSeries.Payload p = in.payload(type).orElse(null);
    need(p != null, in.pathOf("payloads"), "is missing " + type);
    return p;
  }

  private static Instant instant(String s, String path) throws TradeCodecException {
    need(s != null, path, "is required: an RFC 3339 time");
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      throw new TradeCodecException(path, "'" + s + "' is not an RFC 3339 time", e);
    }
  }

  private static Duration duration(String s, String path) throws TradeCodecException {
    need(s != null, path, "is required: an ISO-8601 duration");
    Duration d;
    try {
      d = Duration.parse(s);
    } catch (RuntimeException e) {
      throw new TradeCodecException(path, "'" + s + "' is not a fixed ISO-8601 duration", e);
    }
    need(!d.isNegative() && !d.isZero(), path, "must be longer than zero");
    return d;
  }

  private static boolean reported(String type) {
    return TimeSeries.SELLER_DISCOM_ALLOC.equals(type)
        || TimeSeries.SELLER_DISCOM_STATUS.equals(type)
        || TimeSeries.BUYER_DISCOM_ALLOC.equals(type)
        || TimeSeries.BUYER_DISCOM_STATUS.equals(type);
  }

  /** The allocation column of {@code side}: SELLER_DISCOM_ALLOC or BUYER_DISCOM_ALLOC. */
  public static String allocType(TradeSide side) {
    return side == TradeSide.SELLER
        ? TimeSeries.SELLER_DISCOM_ALLOC
        : TimeSeries.BUYER_DISCOM_ALLOC;
  }

  private static String statusType(TradeSide side) {
    return side == TradeSide.SELLER
        ? TimeSeries.SELLER_DISCOM_STATUS
        : TimeSeries.BUYER_DISCOM_STATUS;
  }

  private static void need(boolean ok, String path, String message) throws TradeCodecException {
    if (!ok) {
      throw new TradeCodecException(path, message);
    }
  }
}
