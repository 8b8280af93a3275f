package org.uei.p2p.bpp.utility;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A platform's order as the utility recorded it at the cascaded confirm, with the order JSON it
 * confirmed (echoed in on_status, on_cancel and the delivery reports).
 */
@Entity
@Table(name = "utility_order")
public class UtilityOrder extends PanacheEntityBase {

  /** CONFIRMED or CANCELLED. */
  public static final String CONFIRMED = "CONFIRMED";

  public static final String CANCELLED = "CANCELLED";

  @Id public String id;

  @Column(name = "platform_id", nullable = false)
  public String platformId;

  @Column(name = "platform_uri", nullable = false, length = 2048)
  public String platformUri;

  @Column(nullable = false)
  public String domain;

  @Column(name = "transaction_id", nullable = false)
  public String transactionId;

  @Column(nullable = false)
  public String status;

  @JsonIgnore
  @Column(name = "order_json", nullable = false)
  public byte[] orderJson;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /**
   * The wire the platform confirmed on: {@code wave1} ({@link #orderJson} is a wave-1 confirm) or
   * {@code wave2} (a wave-2 confirm carrying the contract).
   */
  @Column(nullable = false)
  public String wire = WAVE1;

  /** {@link #wire} of a DEG wave-1 order. */
  public static final String WAVE1 = "wave1";

  /** {@link #wire} of an IES wave-2 contract. */
  public static final String WAVE2 = "wave2";

  /** The order a platform confirmed in {@code transactionId}. */
  public static Optional<UtilityOrder> of(String platformId, String transactionId) {
    return find("platformId = ?1 and transactionId = ?2", platformId, transactionId)
        .firstResultOptional();
  }
}
