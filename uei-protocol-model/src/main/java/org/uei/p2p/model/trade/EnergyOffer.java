package org.uei.p2p.model.trade;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A seller's offer of energy for one delivery slot, as published in a catalog.
 *
 * @param offerId offer id, unique within the provider
 * @param providerId prosumer or provider id on the seller platform
 * @param seller the seller's meter and DISCOM
 * @param slot delivery slot offered
 * @param price price per kWh
 * @param maxQuantityKwh most energy the offer can fill, greater than zero
 * @param validFrom first instant the offer can be taken
 * @param validUntil instant after which the offer can no longer be taken, after {@code validFrom}
 */
public record EnergyOffer(
    String offerId,
    String providerId,
    MeterPoint seller,
    DeliverySlot slot,
    UnitPrice price,
    BigDecimal maxQuantityKwh,
    Instant validFrom,
    Instant validUntil) {

  /** Validates ids, quantity and that the validity window is not empty. */
  public EnergyOffer {
    Checks.id(offerId, "offer id");
    Checks.id(providerId, "provider id");
    Checks.required(seller, "seller");
    Checks.required(slot, "slot");
    Checks.required(price, "price");
    Checks.positive(maxQuantityKwh, "max quantity kWh");
    Checks.required(validFrom, "valid from");
    Checks.required(validUntil, "valid until");
    if (!validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException(
          "offer "
              + offerId
              + ": valid until "
              + validUntil
              + " must be after valid from "
              + validFrom);
    }
  }

  /** Whether the offer can be taken at {@code now}. */
  public boolean isValidAt(Instant now) {
    return !now.isBefore(validFrom) && now.isBefore(validUntil);
  }
}
