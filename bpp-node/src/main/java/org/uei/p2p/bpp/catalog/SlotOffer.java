package org.uei.p2p.bpp.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A prosumer's offer for one 1-hour delivery slot. {@code availableKwh} is the energy not yet sold;
 * it only changes through {@link OfferInventory}, which reduces it atomically.
 */
@Entity
@Table(name = "slot_offer")
public class SlotOffer extends PanacheEntityBase {

  @Id public String id;

  @Column(name = "prosumer_id", nullable = false)
  public String prosumerId;

  @Column(name = "network_id", nullable = false)
  public String networkId;

  @Column(name = "slot_start", nullable = false)
  public Instant slotStart;

  @Column(name = "slot_end", nullable = false)
  public Instant slotEnd;

  @Column(name = "price_per_kwh", nullable = false, precision = 12, scale = 4)
  public BigDecimal pricePerKwh;

  @Column(nullable = false, length = 3)
  public String currency;

  @Column(name = "max_kwh", nullable = false, precision = 12, scale = 2)
  public BigDecimal maxKwh;

  @Column(name = "available_kwh", nullable = false, precision = 12, scale = 2)
  public BigDecimal availableKwh;

  @Column(name = "valid_from", nullable = false)
  public Instant validFrom;

  @Column(name = "valid_until", nullable = false)
  public Instant validUntil;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public OfferStatus status;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** True when a buyer may take energy from this offer at {@code now}. */
  public boolean openAt(Instant now) {
    return status == OfferStatus.ACTIVE && !now.isBefore(validFrom) && now.isBefore(validUntil);
  }

  /** The catalog item id of this offer's energy. */
  public String itemId() {
    return "energy-" + id;
  }
}
