package org.uei.p2p.bpp.utility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A consumer connection of the DISCOM: its meter, account, and the caps trading is held to
 * (sanctioned load for buying, installed rooftop capacity for selling; zero for a pure consumer).
 */
@Entity
@Table(name = "utility_consumer")
public class UtilityConsumer extends PanacheEntityBase {

  @Id
  @Column(name = "meter_id")
  public String meterId;

  @Column(name = "customer_id", nullable = false)
  public String customerId;

  @Column(name = "sanctioned_load_kw", nullable = false)
  public BigDecimal sanctionedLoadKw;

  @Column(name = "installed_capacity_kw", nullable = false)
  public BigDecimal installedCapacityKw;

  @Column(name = "state_code")
  public String stateCode;

  /**
   * Tariff category code, as the DISCOM's billing names it; stated in the consumer's credential.
   */
  @Column(name = "tariff_category")
  public String tariffCategory;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
