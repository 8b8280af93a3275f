package org.uei.p2p.bpp.provider;

import java.math.BigDecimal;
import java.time.Instant;

/** Request bodies of the provider API. */
public final class ProviderRequests {

  private ProviderRequests() {}

  /**
   * Registers a prosumer.
   *
   * @param id provider id in catalogs
   * @param meterId the export meter
   * @param discomId CEA short code of the meter's DISCOM
   * @param stateCode state of the connection, e.g. DL or UP
   * @param installedCapacityKw the plant's capacity; caps each 1-hour offer at this many kWh
   * @param sourceType SOLAR by default
   */
  public record NewProsumer(String id, String name, String meterId, String discomId, String stateCode,
      BigDecimal installedCapacityKw, String sourceType) {}

  /**
   * Publishes an offer for the 1-hour slot starting at {@code slotStart}.
   *
   * @param id offer id; generated when absent
   * @param networkId defaults to {@code uei.bpp.network-id}
   * @param currency defaults to INR
   * @param validFrom defaults to now
   * @param validUntil defaults to gate closure (slot start minus {@code uei.bpp.gate-closure})
   */
  public record NewOffer(String id, String prosumerId, String networkId, Instant slotStart, BigDecimal pricePerKwh,
      String currency, BigDecimal maxKwh, Instant validFrom, Instant validUntil) {}

  /** Changes an offer; absent fields stay as they are. */
  public record OfferChange(BigDecimal pricePerKwh, BigDecimal maxKwh, Instant validFrom, Instant validUntil) {}

  /** Sends the buyer platform an unsolicited {@code on_status} or {@code on_update} for an order. */
  public record Notification(String action) {}
}
