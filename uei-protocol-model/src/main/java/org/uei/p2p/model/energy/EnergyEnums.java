package org.uei.p2p.model.energy;

import java.util.Set;

/**
 * Value sets that the EnergyTrade v0.3 schema declares as enums. The model keeps these fields as
 * strings so that a new value from a newer network survives a round trip; validation checks them.
 */
public final class EnergyEnums {

  /** {@code EnergyTradeOffer.pricingModel}. */
  public static final Set<String> PRICING_MODEL =
      Set.of("PER_KWH", "TIME_OF_DAY", "SUBSCRIPTION", "FIXED");

  /** {@code EnergyResource.sourceType}. */
  public static final Set<String> SOURCE_TYPE =
      Set.of("SOLAR", "BATTERY", "GRID", "HYBRID", "RENEWABLE");

  /** {@code EnergyTradeDelivery.deliveryStatus}. */
  public static final Set<String> DELIVERY_STATUS =
      Set.of("PENDING", "IN_PROGRESS", "COMPLETED", "FAILED");

  /** {@code EnergyTradeDelivery.deliveryMode}. */
  public static final Set<String> DELIVERY_MODE =
      Set.of("EV_CHARGING", "BATTERY_SWAP", "V2G", "GRID_INJECTION");

  /** {@code EnergyTradeDelivery.curtailmentReason}. */
  public static final Set<String> CURTAILMENT_REASON =
      Set.of("GRID_OUTAGE", "EMERGENCY", "CONGESTION", "MAINTENANCE", "OTHER");

  /** {@code EnergyTradeDelivery.meterReadings[].unit}. */
  public static final Set<String> READING_UNIT = Set.of("kWh", "MWh", "Wh");

  private EnergyEnums() {}
}
