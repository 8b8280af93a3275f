package org.uei.p2p.bpp.utility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.model.json.NumberBounds;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.node.domain.Refusal;

/**
 * The DISCOM operator's API of a utility node: its consumers (meter, account, sanctioned load,
 * installed capacity), the trades platforms recorded, a meter's remaining headroom, and
 * curtailments. Plain JSON, not Beckn; only in utility mode.
 */
@Path("/utility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UtilityResource {

  @Inject BppConfig config;
  @Inject UtilityLedger ledger;
  @Inject UtilityOrders orders;
  @Inject UtilityDelivery delivery;
  @Inject UtilityCredentials credentials;

  /** One consumer or an array; a known meter is updated. */
  @POST
  @Path("/consumers")
  @Transactional
  public Response register(JsonNode body) {
    on();
    List<UtilityConsumer> saved = new ArrayList<>();
    if (body == null || !(body.isObject() || body.isArray())) {
      throw Refusal.invalid("send a consumer object or an array of them");
    }
    for (JsonNode n : body.isArray() ? body : List.of(body)) {
      String meter = text(n, "meterId", true);
      UtilityConsumer c = UtilityConsumer.findById(meter);
      boolean fresh = c == null;
      if (fresh) {
        c = new UtilityConsumer();
        c.meterId = meter;
        c.createdAt = Instant.now();
      }
      c.customerId = text(n, "customerId", true);
      c.sanctionedLoadKw = kw(n, "sanctionedLoadKw", true);
      c.installedCapacityKw = kw(n, "installedCapacityKw", false);
      c.stateCode = text(n, "stateCode", false);
      c.tariffCategory = text(n, "tariffCategoryCode", false);
      if (fresh) {
        c.persist();
      }
      if (credentials.issuing()) {
        credentials.enrolled(c);
      }
      saved.add(c);
    }
    return Response.status(201).entity(body.isArray() ? saved : saved.get(0)).build();
  }

  @GET
  @Path("/consumers")
  @Transactional
  public List<UtilityConsumer> consumers() {
    on();
    return UtilityConsumer.list("order by meterId");
  }

  /** Recorded trades, one entry per side this DISCOM serves. */
  @GET
  @Path("/trades")
  @Transactional
  public ArrayNode trades() {
    on();
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (UtilityTrade t : UtilityTrade.<UtilityTrade>list("order by createdAt, id")) {
      UtilityOrder o = UtilityOrder.findById(t.orderId);
      for (TradeSide side : orders.sidesOf(t)) {
        ObjectNode n = out.addObject();
        n.put("tradeId", t.id)
            .put("orderId", t.orderId)
            .put("side", side.name())
            .put("meterId", side == TradeSide.BUYER ? t.buyerMeterId : t.sellerMeterId)
            .put("slotStart", t.slotStart.toString())
            .put("slotEnd", t.slotEnd.toString())
            .put("quantityKwh", t.quantityKwh)
            .put("platformId", o.platformId)
            .put("transactionId", o.transactionId)
            .put("status", t.status);
        if (t.curtailedKwh != null) {
          n.put("curtailedKwh", t.curtailedKwh).put("curtailmentReason", t.curtailmentReason);
        }
        n.put("deliveryReported", DeliveryReport.findById(t.id + "/" + side) != null);
      }
    }
    return out;
  }

  /** What a meter may still contract on one side in one slot. */
  @GET
  @Path("/headroom")
  public ObjectNode headroom(
      @QueryParam("meterId") String meterId,
      @QueryParam("side") String side,
      @QueryParam("slotStart") String slotStart) {
    on();
    if (meterId == null || side == null || slotStart == null) {
      throw Refusal.invalid("meterId, side (buyer|seller) and slotStart are required");
    }
    TradeSide s;
    Instant start;
    try {
      s = TradeSide.valueOf(side.trim().toUpperCase());
      start = Instant.parse(slotStart);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw Refusal.invalid(
          "side must be buyer or seller and slotStart an RFC 3339 UTC time: " + e.getMessage());
    }
    BigDecimal left =
        ledger
            .headroom(meterId, s, start)
            .orElseThrow(
                () ->
                    Refusal.notFound(
                        "meter " + meterId + " is not a consumer of DISCOM " + ledger.discomId()));
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("meterId", meterId)
        .put("side", s.name())
        .put("slotStart", start.toString())
        .put("discomId", ledger.discomId())
        .put("remainingHeadroomKwh", left);
    return n;
  }

  /** {@code {"orderId", "item" (1-based, default 1), "curtailedKwh", "reason"}}. */
  @POST
  @Path("/curtailments")
  public Response curtail(JsonNode body) {
    on();
    if (body == null || !body.isObject()) {
      throw Refusal.invalid("send {\"orderId\", \"curtailedKwh\", \"reason\"}");
    }
    UtilityTrade t =
        delivery.curtail(
            text(body, "orderId", true),
            body.path("item").asInt(1),
            kw(body, "curtailedKwh", true),
            text(body, "reason", false));
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("tradeId", t.id)
        .put("orderId", t.orderId)
        .put("status", t.status)
        .put("curtailedKwh", t.curtailedKwh)
        .put("curtailmentReason", t.curtailmentReason);
    return Response.status(201).entity(n).build();
  }

  private void on() {
    if (!config.utilityMode()) {
      throw Refusal.notFound("this node is a seller platform, not a utility node (uei.bpp.mode)");
    }
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      if (required) {
        throw Refusal.invalid(field + " is required");
      }
      return null;
    }
    String t = v.asText().trim();
    if (t.length() > 255) {
      throw Refusal.invalid(field + " has at most 255 characters");
    }
    return t;
  }

  private static BigDecimal kw(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw Refusal.invalid(field + " is required");
      }
      return BigDecimal.ZERO;
    }
    // Checked as written before BigDecimal reads it: a quoted 1E+999999999 is a number no one can
    // format.
    String literal = v.asText();
    if (!NumberBounds.within(literal)) {
      throw Refusal.invalid(
          field
              + " must be a number of at most 9 digits before and 3 after the"
              + " decimal point, not '"
              + NumberBounds.excerpt(literal)
              + "'");
    }
    BigDecimal d = new BigDecimal(literal).stripTrailingZeros();
    if (d.signum() < 0) {
      throw Refusal.invalid(field + " must not be negative");
    }
    if (d.scale() > 3 || d.precision() - d.scale() > 9) {
      throw Refusal.invalid(
          field
              + " must be a number of at most 9 digits before and 3 after the"
              + " decimal point, not '"
              + NumberBounds.excerpt(literal)
              + "'");
    }
    return d;
  }
}
