package org.uei.p2p.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.TimeSeries;

/**
 * The wave-2 JSON shapes the codec writes: parties, the DEGContract, the contract table. Members
 * come in the order the devkit writes them, so a message the codec built reads like one a joiner's
 * platform sent.
 */
final class Wave2Writer {

  static final String KWH = "KWH";
  private static final JsonNodeFactory F = new JsonNodeFactory(true);
  private static final String CTX = "https://schema.nfh.global/";

  private Wave2Writer() {}

  static ObjectNode object() {
    return F.objectNode();
  }

  /** A party whose attributes are an EnergyCustomer with {@code meterId}. */
  static ObjectNode customer(String id, String meterId, String utilityCustomerId) {
    ObjectNode p = F.objectNode().put("id", id);
    ObjectNode a = p.putObject("participantAttributes");
    a.put("@context", CTX + "EnergyCustomer/v2.0/context.jsonld")
        .put("@type", "EnergyCustomer")
        .put("meterId", meterId);
    if (utilityCustomerId != null) {
      a.put("utilityCustomerId", utilityCustomerId);
    }
    return p;
  }

  /** A DISCOM party: its UPADHI code as id, a DiscomLedgerProvider as attributes. */
  static ObjectNode discom(LedgerProvider l) {
    ObjectNode p = F.objectNode().put("id", l.discomId());
    p.putObject("participantAttributes")
        .put("@context", CTX + "DiscomLedgerProvider/v1.0/context.jsonld")
        .put("@type", "DiscomLedgerProvider")
        .put("discomId", l.discomSubscriberId())
        .put("discomUri", l.discomUri())
        .put("ledgerId", l.ledgerId())
        .put("ledgerUri", l.ledgerUri());
    return p;
  }

  /**
   * The DEGContract: the four roles in the devkit's order ({@code null} ids are unbound) and the
   * policy.
   */
  static ObjectNode degContract(
      String buyerPlatform,
      String sellerPlatform,
      String buyerDiscom,
      String sellerDiscom,
      PolicyReference policy) {
    ObjectNode dc =
        F.objectNode()
            .put("@context", CTX + "DEGContract/v2.0/context.jsonld")
            .put("@type", DegContract.TYPE);
    ArrayNode roles = dc.putArray("roles");
    String[] ids = {buyerPlatform, sellerPlatform, buyerDiscom, sellerDiscom};
    for (int i = 0; i < ids.length; i++) {
      roles.addObject().put("role", DegContract.P2P_ROLES.get(i)).put("participantId", ids[i]);
    }
    dc.putObject("policy").put("url", policy.url()).put("queryPath", policy.queryPath());
    return dc;
  }

  /**
   * An EnergyResource for the seller's meter, its id the meter id (as wave 1 names items by meter).
   */
  static ObjectNode resource(MeterPoint seller, BigDecimal kwh) {
    ObjectNode r = F.objectNode().put("id", seller.meterId());
    r.putObject("descriptor").put("name", "Energy from meter " + seller.meterId());
    if (kwh != null) {
      r.putObject("quantity")
          .put("@type", "Quantity")
          .put("unitCode", KWH)
          .put("unitQuantity", kwh);
    }
    r.putObject("resourceAttributes")
        .put("@context", CTX + "EnergyResource/v2.0/context.jsonld")
        .put("@type", "EnergyResource")
        .put("id", seller.meterId());
    return r;
  }

  /**
   * An empty table over the grid of {@code first}, declaring {@code columns} (PRICE_PER_KWH in
   * {@code currency}).
   */
  static ObjectNode table(DeliverySlot first, String currency, List<String> columns) {
    ObjectNode ts =
        F.objectNode()
            .put("@context", CTX + "BecknTimeSeries/v1.0/context.jsonld")
            .put("@type", TimeSeries.TYPE);
    ts.putObject("intervalPeriod")
        .put("start", first.start().toString())
        .put("duration", first.duration().toString());
    ArrayNode ds = ts.putArray("payloadDescriptors");
    for (String c : columns) {
      ObjectNode d = ds.addObject();
      boolean event =
          c.equals(TimeSeries.PRICE_PER_KWH)
              || c.equals(TimeSeries.AVAILABLE_QTY)
              || c.equals(TimeSeries.REQUESTED_QTY);
      d.put("objectType", event ? "EVENT_PAYLOAD_DESCRIPTOR" : "REPORT_PAYLOAD_DESCRIPTOR")
          .put("payloadType", c);
      if (c.equals(TimeSeries.PRICE_PER_KWH)) {
        d.put("currency", currency);
      } else {
        d.put("units", TimeSeries.TEXT_TYPES.contains(c) ? "STRING" : KWH);
      }
      d.put("insertedBy", insertedBy(c));
    }
    ts.putArray("intervals");
    return ts;
  }

  /**
   * The interval id of {@code slot} in a table starting with {@code first}, or -1 when off its
   * grid.
   */
  static int intervalId(DeliverySlot first, DeliverySlot slot) {
    Duration step = first.duration();
    Duration offset = Duration.between(first.start(), slot.start());
    if (!slot.duration().equals(step)
        || offset.isNegative()
        || offset.toNanos() % step.toNanos() != 0) {
      return -1;
    }
    long id = offset.toNanos() / step.toNanos();
    return id > Integer.MAX_VALUE ? -1 : (int) id;
  }

  /**
   * Appends an interval with numeric payloads, in column order; {@code null} values are left out.
   */
  static void interval(ObjectNode table, int id, List<String> columns, List<BigDecimal> values) {
    ObjectNode in = ((ArrayNode) table.get("intervals")).addObject().put("id", id);
    ArrayNode ps = in.putArray("payloads");
    for (int i = 0; i < columns.size(); i++) {
      if (values.get(i) != null) {
        ps.addObject().put("type", columns.get(i)).putArray("values").add(values.get(i));
      }
    }
  }

  private static String insertedBy(String column) {
    return switch (column) {
      case TimeSeries.PRICE_PER_KWH, TimeSeries.AVAILABLE_QTY -> DegContract.SELLER_PLATFORM;
      case TimeSeries.REQUESTED_QTY -> DegContract.BUYER_PLATFORM;
      case TimeSeries.BUYER_DISCOM_ALLOC, TimeSeries.BUYER_DISCOM_STATUS ->
          DegContract.BUYER_DISCOM;
      default -> DegContract.SELLER_DISCOM;
    };
  }
}
