package org.uei.p2p.market.rules;

/**
 * The trading rules a trade can break. Every violation carries the Beckn policy-error code {@value
 * #POLICY_ERROR}; the rule name tells the counterparty which policy it broke.
 */
public enum Rule {
  /** Slot is not as long as the network's slot length (1 hour on IES networks). */
  SLOT_LENGTH,
  /** Slot does not start on a slot boundary in the network's time zone. */
  SLOT_ALIGNMENT,
  /** Slot lies outside the delivery hours (06:00–18:00 IST on IES networks). */
  DELIVERY_HOURS,
  /** Trading for the slot has not opened yet (before T−24 h). */
  TRADING_NOT_OPEN,
  /** Gate closure has passed (T−4 h or later). */
  GATE_CLOSED,
  /** Quantity below the minimum trade (1 kWh). */
  MIN_QUANTITY,
  /** Quantity with more decimals than allowed (2). */
  QUANTITY_PRECISION,
  /** Buyer and seller meter are the same. */
  SELF_TRADE,
  /** Seller's open trades in the slot would exceed installed capacity × slot length. */
  SELLER_CAP,
  /** Buyer's open trades in the slot would exceed sanctioned load × slot length. */
  BUYER_CAP,
  /** A party's DISCOM is not on the network's allow-list. */
  DISCOM_NOT_ALLOWED,
  /** Meter id prefix does not match the network kind ({@code TEST_} on test networks only). */
  TEST_METER_PREFIX,
  /** A meter whose cap must be checked is not known. */
  UNKNOWN_METER;

  /** Beckn error code for policy errors, the family every trading-rule violation belongs to. */
  public static final String POLICY_ERROR = "50000";

  /** The Beckn error code a NACK for this rule carries. */
  public String code() {
    return POLICY_ERROR;
  }
}
