package org.uei.p2p.bpp.ueiv1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.ueiv1.Fulfillment;
import org.uei.p2p.model.ueiv1.Item;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.model.ueiv1.UeiV1Object;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * What a UEI v1 search asks for, as far as energy offers can be told apart by it: a provider
 * ({@code intent.provider.id}), a highest price per kWh ({@code intent.item.price.maximum_value},
 * else {@code value}, in its currency) and a delivery window ({@code time.range} of a fulfillment
 * stop, or its {@code start} and {@code end} stops): an offer matches when its slot lies inside.
 * The quantity asked for filters nothing (partial fills are allowed); the category and a stop's
 * location are not judged, every offer here being rooftop energy on the seller's grid.
 *
 * @param providerId the provider, or null for any
 * @param maxPrice the highest price per kWh, or null
 * @param currency the currency of {@code maxPrice} (ISO 4217), or null
 * @param from the earliest slot start, or null
 * @param until the latest slot end, or null
 */
public record SearchIntent(
    String providerId, BigDecimal maxPrice, String currency, Instant from, Instant until) {

  /**
   * The search of {@code intent}.
   *
   * @throws InboundRejection naming a window time that is not an RFC 3339 date-time
   */
  public static SearchIntent of(UeiV1Message.Intent intent) throws InboundRejection {
    if (intent == null) {
      return new SearchIntent(null, null, null, null, null);
    }
    Item item = intent.item();
    BigDecimal max = null;
    String currency = null;
    if (item != null) {
      max = UeiV1Object.decimalOf(item.textAtPointer("/price/maximum_value"));
      if (max == null) {
        max = item.priceValue();
      }
      currency = item.priceCurrency();
      if (currency != null) {
        currency = currency.toUpperCase(Locale.ROOT).replace("/KWH", "");
      }
    }
    Instant from = null;
    Instant until = null;
    Fulfillment f = intent.fulfillment();
    if (f != null) {
      for (Fulfillment.Stop s : f.stops()) {
        if (s == null) {
          continue;
        }
        if (s.rangeStart() != null || s.rangeEnd() != null) {
          from = instant(s.rangeStart(), s.pathOf("time.range.start"));
          until = instant(s.rangeEnd(), s.pathOf("time.range.end"));
          break;
        }
        if ("start".equals(s.type())) {
          from = instant(s.timestamp(), s.pathOf("time.timestamp"));
        } else if ("end".equals(s.type())) {
          until = instant(s.timestamp(), s.pathOf("time.timestamp"));
        }
      }
    }
    return new SearchIntent(intent.providerId(), max, currency, from, until);
  }

  /** True when {@code o} is what this search asks for. */
  public boolean matches(EnergyOffer o) {
    if (providerId != null && !providerId.equals(o.providerId())) {
      return false;
    }
    if (maxPrice != null) {
      if (currency != null && !currency.equals(o.price().currency().getCurrencyCode())) {
        return false;
      }
      if (o.price().perKwh().compareTo(maxPrice) > 0) {
        return false;
      }
    }
    if (from != null && o.slot().start().isBefore(from)) {
      return false;
    }
    return until == null || !o.slot().end().isAfter(until);
  }

  // RFC 3339 allows a lower-case t and z, which java.time does not.
  private static Instant instant(String rfc3339, String path) throws InboundRejection {
    if (rfc3339 == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(rfc3339.toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      throw InboundRejection.business(
          ErrorCode.INVALID_REQUEST,
          "'" + rfc3339 + "' is not an RFC 3339 date-time with an offset",
          path);
    }
  }
}
