package org.uei.p2p.bpp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/** What the seller's app asks of the catalog: new prosumers, new offers, changed offers. */
public final class CatalogRequests {

  private CatalogRequests() {}

  /**
   * Registers a prosumer.
   *
   * @param id provider id in catalogs
   * @param meterId the export meter
   * @param discomId CEA short code of the meter's DISCOM
   * @param stateCode state of the connection, e.g. DL or UP
   * @param installedCapacityKw the plant's capacity; caps each 1-hour offer at this many kWh
   * @param sourceType SOLAR by default
   * @param credential the ElectricityCredential the prosumer's DISCOM issued (JSON object or VC-JWT
   *     string); required when the network requires credentials
   */
  public record NewProsumer(
      String id,
      String name,
      String meterId,
      String discomId,
      String stateCode,
      BigDecimal installedCapacityKw,
      String sourceType,
      JsonNode credential) {}

  /**
   * Publishes an offer for the 1-hour slot starting at {@code slotStart}.
   *
   * @param id offer id; generated when absent
   * @param networkId defaults to {@code uei.bpp.network-id}
   * @param currency defaults to INR
   * @param validFrom defaults to now
   * @param validUntil defaults to gate closure (slot start minus {@code uei.bpp.gate-closure})
   */
  public record NewOffer(
      String id,
      String prosumerId,
      String networkId,
      Instant slotStart,
      BigDecimal pricePerKwh,
      String currency,
      BigDecimal maxKwh,
      Instant validFrom,
      Instant validUntil) {}

  /** Changes an offer; absent fields stay as they are. */
  public record OfferChange(
      BigDecimal pricePerKwh, BigDecimal maxKwh, Instant validFrom, Instant validUntil) {}
}
