package org.uei.p2p.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.model.ueiv1.Fulfillment;
import org.uei.p2p.model.ueiv1.Item;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.model.ueiv1.UeiV1Object;

/**
 * Delivery and settlement of a UEI v1 order, as a seller platform reports them in an unsolicited
 * Beckn 1.1.0 {@code on_status} (delivered, payment due) and {@code on_update} (paid).
 *
 * <p>How it maps onto the order the codec writes ({@link UeiV1Codec#orderMessage}):
 *
 * <ul>
 *   <li>The order is {@code COMPLETE}; each item's fulfillment is in state {@code ORDER_COMPLETED}
 *       ({@code updated_at} the report time) and carries, in the tag group {@value #TAG_GROUP}, the
 *       settled kWh ({@value #DELIVERED}), each meter's metered and allocated kWh ({@value
 *       #SELLER_METERED}, {@value #SELLER_ALLOCATED}, {@value #BUYER_METERED}, {@value
 *       #BUYER_ALLOCATED}) and, when the DISCOM curtailed the trade, {@value #CURTAILED} and
 *       {@value #CURTAILMENT_REASON}: Beckn 1.1.0 has no member for metered energy, so it travels
 *       as tags like the meters themselves.
 *   <li>The quote becomes the final invoice: one ENERGY row per item with the settled kWh and its
 *       value, the total the amount due. The items keep the contracted quantity.
 *   <li>The payment keeps its terms (collected by the seller platform after fulfilment); {@code
 *       params.amount} is the amount due, {@code status} NOT_PAID until settled, then PAID with
 *       {@code params.transaction_id} the settlement reference and {@code time.timestamp} when.
 * </ul>
 *
 * Stateless.
 */
public final class UeiV1DeliveryReport {

  /** The tag group of a fulfillment's delivered and metered energy. */
  public static final String TAG_GROUP = "energy-delivery";

  /** Fulfillment tag: kWh settled (the smaller of the two allocations). */
  public static final String DELIVERED = "delivered-kwh";

  /** Fulfillment tag: kWh the seller's meter exported in the slot. */
  public static final String SELLER_METERED = "seller-metered-kwh";

  /** Fulfillment tag: the seller side's allocation to this trade, kWh. */
  public static final String SELLER_ALLOCATED = "seller-allocated-kwh";

  /** Fulfillment tag: kWh the buyer's meter imported in the slot. */
  public static final String BUYER_METERED = "buyer-metered-kwh";

  /** Fulfillment tag: the buyer side's allocation to this trade, kWh. */
  public static final String BUYER_ALLOCATED = "buyer-allocated-kwh";

  /** Fulfillment tag: kWh the DISCOM curtailed. */
  public static final String CURTAILED = "curtailed-kwh";

  /** Fulfillment tag: why the DISCOM curtailed. */
  public static final String CURTAILMENT_REASON = "curtailment-reason";

  /** Payment status before the buyer platform paid. */
  public static final String NOT_PAID = "NOT_PAID";

  /** Payment status once settled. */
  public static final String PAID = "PAID";

  /**
   * One item's delivery.
   *
   * @param deliveredKwh settled kWh
   * @param sellerMeteredKwh the seller meter's export in the slot
   * @param sellerAllocatedKwh the seller side's allocation
   * @param buyerMeteredKwh the buyer meter's import in the slot
   * @param buyerAllocatedKwh the buyer side's allocation
   * @param value what the settled energy costs the buyer
   * @param curtailedKwh kWh curtailed by the DISCOM, or null
   * @param curtailmentReason why, or null
   */
  public record Line(
      BigDecimal deliveredKwh,
      BigDecimal sellerMeteredKwh,
      BigDecimal sellerAllocatedKwh,
      BigDecimal buyerMeteredKwh,
      BigDecimal buyerAllocatedKwh,
      BigDecimal value,
      BigDecimal curtailedKwh,
      String curtailmentReason) {}

  /**
   * The payment as reported.
   *
   * @param status {@value #NOT_PAID} or {@value #PAID}
   * @param amount the amount due
   * @param currency ISO 4217
   * @param txnRef the settlement reference, or null before payment
   * @param paidAt when paid (RFC 3339), or null
   */
  public record Payment(
      String status, BigDecimal amount, String currency, String txnRef, String paidAt) {}

  /**
   * A report read back: the lines in item order (null for an item with no delivery) and the
   * payment, null when the order has none.
   *
   * @param lines per item
   * @param payment the first payment
   */
  public record Report(List<Line> lines, Payment payment) {

    /** True when at least one item reports a delivery. */
    public boolean delivered() {
      return lines.stream().anyMatch(l -> l != null);
    }
  }

  private UeiV1DeliveryReport() {}

  /**
   * Adds {@code lines} (in item order) and {@code payment} to {@code order}, an order message as
   * {@link UeiV1Codec#orderMessage} writes it, reported at {@code at}.
   */
  public static UeiV1Message write(
      UeiV1Message order, List<Line> lines, Payment payment, Instant at) {
    ObjectNode m = order.toJson();
    ObjectNode o = (ObjectNode) m.get("order");
    o.put("status", "COMPLETE");
    JsonNode items = o.path("items");
    if (items.size() != lines.size()) {
      throw new IllegalArgumentException(
          lines.size() + " deliveries for an order of " + items.size() + " items");
    }
    ObjectNode quote = o.putObject("quote");
    quote
        .putObject("price")
        .put("value", payment.amount().toPlainString())
        .put("currency", payment.currency());
    ArrayNode breakup = quote.putArray("breakup");
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      ObjectNode item = (ObjectNode) items.get(i);
      ObjectNode f = fulfillmentOf(o, item);
      ObjectNode state = f.putObject("state");
      state.putObject("descriptor").put("code", "ORDER_COMPLETED");
      state.put("updated_at", at.toString());
      ArrayNode group = tagGroup(f);
      tag(group, DELIVERED, plain(l.deliveredKwh()));
      tag(group, SELLER_METERED, plain(l.sellerMeteredKwh()));
      tag(group, SELLER_ALLOCATED, plain(l.sellerAllocatedKwh()));
      tag(group, BUYER_METERED, plain(l.buyerMeteredKwh()));
      tag(group, BUYER_ALLOCATED, plain(l.buyerAllocatedKwh()));
      if (l.curtailedKwh() != null) {
        tag(group, CURTAILED, plain(l.curtailedKwh()));
        tag(group, CURTAILMENT_REASON, l.curtailmentReason());
      }
      ObjectNode row = breakup.addObject().put("title", "ENERGY");
      ObjectNode rowItem = row.putObject("item").put("id", item.path("id").asText());
      rowItem
          .putObject("quantity")
          .putObject("selected")
          .putObject("measure")
          .put("value", plain(l.deliveredKwh()))
          .put("unit", UeiV1Codec.KWH);
      if (item.has("price")) {
        rowItem.set("price", item.get("price").deepCopy());
      }
      row.putObject("price")
          .put("value", l.value().toPlainString())
          .put("currency", payment.currency());
    }
    JsonNode payments = o.path("payments");
    if (payments.size() > 0 && payments.get(0) instanceof ObjectNode p) {
      p.put("status", payment.status());
      ObjectNode params = p.get("params") instanceof ObjectNode po ? po : p.putObject("params");
      params.put("amount", payment.amount().toPlainString()).put("currency", payment.currency());
      if (payment.txnRef() != null) {
        params.put("transaction_id", payment.txnRef());
      }
      if (payment.paidAt() != null) {
        p.putObject("time").put("timestamp", payment.paidAt());
      }
    }
    return UeiV1Message.of(m);
  }

  /**
   * The delivery and payment {@code order} reports.
   *
   * @throws TradeCodecException naming the member at fault: a delivery tag that is not a
   *     non-negative DecimalValue, a delivery without its settled kWh or allocations, an item whose
   *     fulfillment is missing, or a payment amount that is not a DecimalValue
   */
  public static Report read(Order order) throws TradeCodecException {
    List<Line> lines = new ArrayList<>();
    int index = 0;
    for (Item item : order.items()) {
      if (item == null) {
        continue;
      }
      Fulfillment f = fulfillment(order, item);
      if (f == null || !hasGroup(f)) {
        lines.add(null);
        index++;
        continue;
      }
      BigDecimal delivered = required(f, DELIVERED);
      BigDecimal value = rowValue(order, index, item);
      lines.add(
          new Line(
              delivered,
              optional(f, SELLER_METERED),
              required(f, SELLER_ALLOCATED),
              optional(f, BUYER_METERED),
              required(f, BUYER_ALLOCATED),
              value,
              optional(f, CURTAILED),
              f.tag(TAG_GROUP, CURTAILMENT_REASON).orElse(null)));
      index++;
    }
    return new Report(lines, payment(order));
  }

  private static Payment payment(Order order) throws TradeCodecException {
    List<Order.Payment> ps = order.payments();
    if (ps.isEmpty() || ps.get(0) == null) {
      return null;
    }
    Order.Payment p = ps.get(0);
    BigDecimal amount = p.amount();
    String raw = p.textAtPointer("/params/amount");
    if (raw != null && amount == null) {
      throw new TradeCodecException(p.pathOf("params.amount"), "'" + raw + "' is no DecimalValue");
    }
    return new Payment(
        p.status(),
        amount,
        p.currency(),
        p.textAtPointer("/params/transaction_id"),
        p.textAtPointer("/time/timestamp"));
  }

  // The value of the item's ENERGY row in the quote, by the row's item id, else by position.
  private static BigDecimal rowValue(Order order, int index, Item item) throws TradeCodecException {
    UeiV1Object quote = order.child("quote");
    if (quote == null) {
      return null;
    }
    JsonNode rows = quote.member("breakup");
    if (rows == null || !rows.isArray()) {
      return null;
    }
    int at = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (item.id() != null && item.id().equals(rows.get(i).path("item").path("id").asText(null))) {
        at = i;
        break;
      }
    }
    if (at < 0 && index < rows.size()) {
      at = index;
    }
    UeiV1Object row = at < 0 ? null : quote.childAt("breakup", at);
    if (row == null) {
      return null;
    }
    String raw = row.textAtPointer("/price/value");
    BigDecimal v = UeiV1Object.decimalOf(raw);
    if (raw != null && v == null) {
      throw new TradeCodecException(row.pathOf("price.value"), "'" + raw + "' is no DecimalValue");
    }
    return v;
  }

  private static boolean hasGroup(Fulfillment f) {
    JsonNode tags = f.member("tags");
    if (tags == null || !tags.isArray()) {
      return false;
    }
    for (JsonNode g : tags) {
      if (TAG_GROUP.equals(g.path("descriptor").path("code").asText(null))) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal required(Fulfillment f, String code) throws TradeCodecException {
    BigDecimal v = optional(f, code);
    if (v == null) {
      throw new TradeCodecException(
          f.pathOf("tags"), "the " + TAG_GROUP + " tags have no '" + code + "'");
    }
    return v;
  }

  private static BigDecimal optional(Fulfillment f, String code) throws TradeCodecException {
    Optional<String> raw = f.tag(TAG_GROUP, code);
    if (raw.isEmpty()) {
      return null;
    }
    BigDecimal v = UeiV1Object.decimalOf(raw.get());
    if (v == null || v.signum() < 0) {
      throw new TradeCodecException(
          tagPath(f, code), "'" + raw.get() + "' is not a non-negative DecimalValue of kWh");
    }
    return v;
  }

  // The path of a tag's value, e.g. message.order.fulfillments[0].tags[1].list[2].value.
  private static String tagPath(Fulfillment f, String code) {
    JsonNode tags = f.member("tags");
    for (int g = 0; g < tags.size(); g++) {
      JsonNode group = tags.get(g);
      if (!TAG_GROUP.equals(group.path("descriptor").path("code").asText(null))) {
        continue;
      }
      JsonNode list = group.path("list");
      for (int t = 0; t < list.size(); t++) {
        if (code.equals(list.get(t).path("descriptor").path("code").asText(null))) {
          return f.pathOf("tags") + "[" + g + "].list[" + t + "].value";
        }
      }
    }
    return f.pathOf("tags");
  }

  private static Fulfillment fulfillment(Order order, Item item) throws TradeCodecException {
    List<String> ids = item.fulfillmentIds();
    if (ids.isEmpty() || ids.get(0) == null) {
      return null;
    }
    return order
        .fulfillment(ids.get(0))
        .orElseThrow(
            () ->
                new TradeCodecException(
                    item.pathOf("fulfillment_ids") + "[0]",
                    "'" + ids.get(0) + "' is not the id of a fulfillment here"));
  }

  private static ObjectNode fulfillmentOf(ObjectNode order, ObjectNode item) {
    String id = item.path("fulfillment_ids").path(0).asText(null);
    for (JsonNode f : order.path("fulfillments")) {
      if (f instanceof ObjectNode fo && id != null && id.equals(f.path("id").asText(null))) {
        return fo;
      }
    }
    throw new IllegalArgumentException("item " + item.path("id") + " has no fulfillment");
  }

  private static ArrayNode tagGroup(ObjectNode owner) {
    ArrayNode tags =
        owner.path("tags").isArray() ? (ArrayNode) owner.get("tags") : owner.putArray("tags");
    ObjectNode group = tags.addObject();
    group.putObject("descriptor").put("code", TAG_GROUP);
    return group.putArray("list");
  }

  private static void tag(ArrayNode list, String code, String value) {
    ObjectNode t = list.addObject();
    t.putObject("descriptor").put("code", code);
    t.put("value", value);
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().scale() < 0
        ? d.setScale(0).toPlainString()
        : d.stripTrailingZeros().toPlainString();
  }
}
