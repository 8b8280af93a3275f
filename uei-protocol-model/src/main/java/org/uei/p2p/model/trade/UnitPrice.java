package org.uei.p2p.model.trade;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A price per kWh in one currency.
 *
 * @param perKwh amount per kWh, not negative
 * @param currency ISO 4217 currency, INR on Indian networks
 */
public record UnitPrice(BigDecimal perKwh, Currency currency) {

  /** Indian rupee, the currency of every network this project serves today. */
  public static final Currency INR = Currency.getInstance("INR");

  /** Validates that the price is present and not negative. */
  public UnitPrice {
    Checks.nonNegative(perKwh, "price per kWh");
    Checks.required(currency, "currency");
  }

  /** A price in Indian rupees, e.g. {@code UnitPrice.inr("6.50")}. */
  public static UnitPrice inr(String perKwh) {
    return new UnitPrice(new BigDecimal(perKwh), INR);
  }

  /** The value of {@code kwh} at this price, unrounded. */
  public BigDecimal valueOf(BigDecimal kwh) {
    return perKwh.multiply(kwh);
  }
}
