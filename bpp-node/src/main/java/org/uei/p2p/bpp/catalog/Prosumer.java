package org.uei.p2p.bpp.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A rooftop-solar prosumer selling through this platform: one export meter in one DISCOM. */
@Entity
@Table(name = "prosumer")
public class Prosumer extends PanacheEntityBase {

  /** The provider id in catalogs. */
  @Id public String id;

  public String name;

  @Column(name = "meter_id", nullable = false, unique = true)
  public String meterId;

  /** CEA short code of the DISCOM the meter is connected to, e.g. {@code TPDDL}. */
  @Column(name = "discom_id", nullable = false)
  public String discomId;

  /** State of the connection (e.g. {@code DL}, {@code UP}); decides inter-state charges. */
  @Column(name = "state_code")
  public String stateCode;

  @Column(name = "installed_capacity_kw", nullable = false, precision = 12, scale = 3)
  public BigDecimal installedCapacityKw;

  /** SOLAR, WIND, ... as in {@code EnergyResource.sourceType}. */
  @Column(name = "source_type", nullable = false)
  public String sourceType;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The DISCOM's credential the prosumer presented, as text; checked again before trades. */
  @JsonIgnore
  @Column(name = "credential")
  public String credential;
}
