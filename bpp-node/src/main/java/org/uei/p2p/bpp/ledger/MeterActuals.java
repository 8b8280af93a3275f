package org.uei.p2p.bpp.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Resource;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The meter-actuals exchange between a ledger provider and its DISCOM, in the devkit's shape: the
 * ledger's {@code status} carries a DatasetItem resource with one TimeSeries per meter window
 * (ENERGY_CONSUMPTION, values empty); the DISCOM's {@code on_status} returns it with the values
 * filled, kWh imported (negative: exported), or still empty where its data is incomplete.
 */
public final class MeterActuals {

  /** The payload type of a meter's energy. */
  public static final String ENERGY_CONSUMPTION = "ENERGY_CONSUMPTION";

  private static final JsonNodeFactory F = new JsonNodeFactory(true);
  private static final String DATASET_CTX =
      "https://schema.nfh.global/DatasetItem/1.1/context.jsonld";
  private static final String SERIES_CTX =
      "https://schema.nfh.global/BecknTimeSeries/v1.0/context.jsonld";

  private MeterActuals() {}

  /**
   * One meter window of a message.
   *
   * @param meterId {@code resourceName}
   * @param kwh the value, or null when the values are empty
   * @param path the JSON path of the interval
   */
  public record Reading(String meterId, Instant start, Instant end, BigDecimal kwh, String path) {}

  /** The status message asking {@code discomId} for {@code windows}. */
  static Wave2Message request(String contractId, String discomId, List<MeterWindow> windows) {
    ObjectNode m = F.objectNode();
    ObjectNode c = m.putObject("contract").put("id", contractId);
    c.putObject("status").put("code", "ACTIVE");
    ObjectNode cm = c.putArray("commitments").addObject().put("id", "meter-actuals");
    cm.putObject("status").putObject("descriptor").put("code", "ACTIVE");
    String dsId = "meter-actuals-" + contractId;
    ObjectNode r = cm.putArray("resources").addObject().put("id", dsId);
    r.putObject("descriptor").put("name", "Meter energy request - " + discomId);
    ObjectNode a =
        r.putObject("resourceAttributes")
            .put("@context", DATASET_CTX)
            .put("@type", Resource.DATASET_ITEM)
            .put("schema:identifier", dsId);
    ArrayNode data = a.putArray("dataPayload");
    for (MeterWindow w : windows) {
      ObjectNode ts =
          data.addObject()
              .put("@context", SERIES_CTX)
              .put("@type", TimeSeries.TYPE)
              .put("resourceName", w.meterId())
              .put("clientName", discomId);
      ts.putObject("intervalPeriod")
          .put("start", w.start().toString())
          .put("duration", Duration.between(w.start(), w.end()).toString());
      ts.putArray("payloadDescriptors")
          .addObject()
          .put("objectType", TimeSeries.PayloadDescriptor.REPORT)
          .put("payloadType", ENERGY_CONSUMPTION)
          .put("units", "KWH");
      ts.putArray("intervals")
          .addObject()
          .put("id", 0)
          .putArray("payloads")
          .addObject()
          .put("type", ENERGY_CONSUMPTION)
          .putArray("values");
    }
    cm.putObject("offer").put("id", "meter-actuals").putArray("resourceIds").add(dsId);
    return Wave2Message.of(m);
  }

  /**
   * Every meter window of a status or on_status.
   *
   * @throws TradeCodecException with the path of a series or value that is not as {@link #request}
   *     writes it
   */
  public static List<Reading> read(Contract c) throws TradeCodecException {
    if (c == null) {
      throw new TradeCodecException("message.contract", "is required");
    }
    List<Reading> out = new ArrayList<>();
    for (Commitment cm : c.commitments()) {
      if (cm == null) {
        throw new TradeCodecException(c.pathOf("commitments"), "must hold objects");
      }
      for (Resource r : cm.resources()) {
        if (r == null) {
          throw new TradeCodecException(cm.pathOf("resources"), "must hold objects");
        }
        for (TimeSeries ts : r.dataPayload()) {
          series(ts, out);
        }
      }
    }
    if (out.isEmpty()) {
      throw new TradeCodecException(
          c.pathOf("commitments"),
          "carries no meter series: a DatasetItem resource with dataPayload TimeSeries is expected");
    }
    return out;
  }

  private static void series(TimeSeries ts, List<Reading> out) throws TradeCodecException {
    String meter = ts.resourceName();
    if (meter == null || meter.isBlank()) {
      throw new TradeCodecException(ts.pathOf("resourceName"), "is required: the meter id");
    }
    for (TimeSeries.Interval in : ts.intervals()) {
      if (in == null || in.id() == null) {
        throw new TradeCodecException(ts.pathOf("intervals"), "every interval has an id");
      }
      TimeSeries.Slot slot =
          ts.slotOf(in)
              .orElseThrow(
                  () ->
                      new TradeCodecException(
                          ts.pathOf("intervalPeriod"), "a start and a duration are required"));
      if (slot.duration().isNegative() || slot.duration().isZero()) {
        throw new TradeCodecException(ts.pathOf("intervalPeriod.duration"), "must be positive");
      }
      TimeSeries.Payload p =
          in.payload(ENERGY_CONSUMPTION)
              .orElseThrow(
                  () ->
                      new TradeCodecException(
                          in.pathOf("payloads"), "is missing " + ENERGY_CONSUMPTION));
      List<JsonNode> vs = p.values();
      BigDecimal kwh = null;
      if (vs.size() > 1) {
        throw new TradeCodecException(p.pathOf("values"), "holds one value per interval");
      } else if (vs.size() == 1) {
        if (!vs.get(0).isNumber()) {
          throw new TradeCodecException(p.pathOf("values") + "[0]", "must be a number of kWh");
        }
        kwh = vs.get(0).decimalValue();
      }
      out.add(new Reading(meter, slot.start(), slot.start().plus(slot.duration()), kwh, in.path()));
    }
  }

  /**
   * The answer to a status: its contract with each interval's ENERGY_CONSUMPTION values set to
   * {@code values} of that window, left empty where that gives null.
   */
  public static Wave2Message answer(Contract request, Function<Reading, BigDecimal> values)
      throws TradeCodecException {
    ObjectNode contract = request.toJson();
    ObjectNode root = F.objectNode();
    root.set("contract", contract);
    Contract view = Wave2Message.of(root).contract();
    for (Reading r : read(view)) {
      BigDecimal v = values.apply(r);
      ArrayNode vs = valuesAt(root, r.path());
      vs.removeAll();
      if (v != null) {
        vs.add(v);
      }
    }
    return Wave2Message.of(root);
  }

  // Paths are the model's own (a.b[0].c), written by the views of this very tree.
  private static ArrayNode valuesAt(ObjectNode root, String intervalPath) {
    JsonNode n = root;
    for (String step : intervalPath.substring("message.".length()).split("\\.")) {
      int bracket = step.indexOf('[');
      String name = bracket < 0 ? step : step.substring(0, bracket);
      n = n.get(name);
      if (bracket >= 0) {
        n = n.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
      }
    }
    for (JsonNode p : n.get("payloads")) {
      if (p instanceof ObjectNode o && ENERGY_CONSUMPTION.equals(o.path("type").asText())) {
        return o.get("values") instanceof ArrayNode a ? a : o.putArray("values");
      }
    }
    throw new IllegalStateException("read() found the payload at " + intervalPath);
  }
}
