package org.uei.p2p.model.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.ueiv1.Catalog;
import org.uei.p2p.model.ueiv1.Fulfillment;
import org.uei.p2p.model.ueiv1.Item;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.model.ueiv1.UeiV1Object;

/**
 * Reads the trade model out of UEI v1 catalogs and orders (the mapping is {@link UeiV1Codec}'s).
 */
final class UeiV1Reader {

  private UeiV1Reader() {}

  static List<EnergyOffer> offers(UeiV1Message m) throws TradeCodecException {
    Catalog cat = required(m.catalog(), m.pathOf("catalog"));
    List<EnergyOffer> out = new ArrayList<>();
    for (Catalog.Provider p : cat.providers()) {
      if (p == null) {
        continue;
      }
      String providerId = required(p.id(), p.pathOf("id"));
      for (Item it : p.items()) {
        if (it == null) {
          continue;
        }
        String offerId = required(it.id(), it.pathOf("id"));
        MeterPoint seller = seller(it);
        DeliverySlot slot = slot(it, p::fulfillment);
        UnitPrice price = price(it);
        BigDecimal max = decimal(it, "quantity.available.measure.value");
        Instant from = instant(it.timeRangeStart(), it.pathOf("time.range.start"));
        Instant until = instant(it.timeRangeEnd(), it.pathOf("time.range.end"));
        try {
          out.add(new EnergyOffer(offerId, providerId, seller, slot, price, max, from, until));
        } catch (RuntimeException e) {
          throw new TradeCodecException(it.path(), e.getMessage(), e);
        }
      }
    }
    return out;
  }

  static TradeOrder order(UeiV1Message m) throws TradeCodecException {
    Order o = required(m.order(), m.pathOf("order"));
    String providerId = required(o.providerId(), o.pathOf("provider.id"));
    List<OrderLine> lines = new ArrayList<>();
    for (Item it : o.items()) {
      if (it == null) {
        continue;
      }
      String offerId = required(it.id(), it.pathOf("id"));
      BigDecimal kwh = decimal(it, "quantity.selected.measure.value");
      try {
        lines.add(
            new OrderLine(
                offerId, providerId, seller(it), slot(it, o::fulfillment), price(it), kwh));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new TradeCodecException(it.path(), e.getMessage(), e);
      }
    }
    if (lines.isEmpty()) {
      throw new TradeCodecException(o.pathOf("items"), "an order needs at least one item");
    }
    String buyerMeter = tag(o, UeiV1Codec.BUYER_METER);
    try {
      return new TradeOrder(
          o.id(),
          status(o.status(), o.pathOf("status")),
          tag(o, UeiV1Codec.BUYER_PLATFORM),
          tag(o, UeiV1Codec.SELLER_PLATFORM),
          o.tag(UeiV1Codec.TAG_GROUP, UeiV1Codec.BUYER_ID).orElse(buyerMeter),
          new MeterPoint(buyerMeter, tag(o, UeiV1Codec.BUYER_DISCOM)),
          lines);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new TradeCodecException(o.path(), e.getMessage(), e);
    }
  }

  static TradeStatus status(String wire, String path) throws TradeCodecException {
    if (wire == null) {
      return TradeStatus.PENDING;
    }
    return switch (wire) {
      case "ACTIVE" -> TradeStatus.CONFIRMED;
      case "COMPLETE" -> TradeStatus.COMPLETED;
      case "CANCELLED" -> TradeStatus.CANCELLED;
      default -> throw new TradeCodecException(path, "'" + wire + "' has no trade status");
    };
  }

  private static MeterPoint seller(Item it) throws TradeCodecException {
    try {
      return new MeterPoint(tag(it, UeiV1Codec.SELLER_METER), tag(it, UeiV1Codec.SELLER_DISCOM));
    } catch (IllegalArgumentException e) {
      throw new TradeCodecException(it.pathOf("tags"), e.getMessage(), e);
    }
  }

  // The slot is the start and end stop of the item's (first) fulfillment.
  private static DeliverySlot slot(
      Item it, Function<String, java.util.Optional<Fulfillment>> fulfillments)
      throws TradeCodecException {
    List<String> ids = it.fulfillmentIds();
    String fid = required(ids.isEmpty() ? null : ids.get(0), it.pathOf("fulfillment_ids"));
    Fulfillment f =
        fulfillments
            .apply(fid)
            .orElseThrow(
                () ->
                    new TradeCodecException(
                        it.pathOf("fulfillment_ids") + "[0]",
                        "'" + fid + "' is not the id of a fulfillment here"));
    Instant start = stop(f, "start");
    Instant end = stop(f, "end");
    try {
      return new DeliverySlot(start, end);
    } catch (IllegalArgumentException e) {
      throw new TradeCodecException(f.pathOf("stops"), e.getMessage(), e);
    }
  }

  private static Instant stop(Fulfillment f, String type) throws TradeCodecException {
    Fulfillment.Stop s =
        f.stop(type)
            .orElseThrow(
                () ->
                    new TradeCodecException(
                        f.pathOf("stops"), "needs a '" + type + "' stop with time.timestamp"));
    return instant(s.timestamp(), s.pathOf("time.timestamp"));
  }

  private static UnitPrice price(Item it) throws TradeCodecException {
    BigDecimal value = decimal(it, "price.value");
    String wire = required(it.priceCurrency(), it.pathOf("price.currency"));
    String code =
        wire.toLowerCase(Locale.ROOT).endsWith("/kwh")
            ? wire.substring(0, wire.length() - UeiV1Codec.PER_KWH.length())
            : wire;
    try {
      return new UnitPrice(value, Currency.getInstance(code));
    } catch (IllegalArgumentException e) {
      throw new TradeCodecException(
          it.pathOf("price.currency"),
          "'" + wire + "' is not an ISO 4217 currency (optionally per kWh, e.g. INR/kWh)",
          e);
    }
  }

  private static String tag(UeiV1Object o, String code) throws TradeCodecException {
    return o.tag(UeiV1Codec.TAG_GROUP, code)
        .orElseThrow(
            () ->
                new TradeCodecException(
                    o.pathOf("tags"),
                    "needs the tag '"
                        + code
                        + "' in the tag group '"
                        + UeiV1Codec.TAG_GROUP
                        + "' (Beckn 1.1.0 has no member for it)"));
  }

  private static Instant instant(String value, String path) throws TradeCodecException {
    required(value, path);
    try {
      return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      throw new TradeCodecException(path, "'" + value + "' is not an RFC 3339 date-time", e);
    }
  }

  // A DecimalValue member at a dotted path below o.
  private static BigDecimal decimal(UeiV1Object o, String dotted) throws TradeCodecException {
    String path = o.pathOf(dotted);
    String text = required(o.textAtPointer("/" + dotted.replace('.', '/')), path);
    BigDecimal d = UeiV1Object.decimalOf(text);
    if (d == null) {
      throw new TradeCodecException(
          path, "'" + text + "' is not a decimal number written as a string (e.g. \"7.25\")");
    }
    return d;
  }

  private static <T> T required(T value, String path) throws TradeCodecException {
    if (value == null) {
      throw new TradeCodecException(path, "is required");
    }
    return value;
  }
}
