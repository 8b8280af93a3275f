package org.uei.p2p.bpp.utility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * That the delivery of one side of a trade was reported to its platform, so it is reported once.
 */
@Entity
@Table(name = "utility_delivery_report")
public class DeliveryReport extends PanacheEntityBase {

  /** {@code <trade id>/<side>}. */
  @Id public String id;

  @Column(name = "trade_id", nullable = false)
  public String tradeId;

  @Column(nullable = false)
  public String side;

  @Column(name = "meter_id", nullable = false)
  public String meterId;

  @Column(name = "allocated_kwh", nullable = false)
  public BigDecimal allocatedKwh;

  @Column(name = "reported_at", nullable = false)
  public Instant reportedAt;
}
