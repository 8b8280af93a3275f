package org.uei.p2p.bpp.utility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** An ElectricityCredential this utility node issued; active until revoked or replaced. */
@Entity
@Table(name = "utility_credential")
public class IssuedCredential extends PanacheEntityBase {

  /** The uuid of the credential's {@code urn:uuid:} id, also its DeDi revocation record id. */
  @Id public String id;

  @Column(name = "meter_id", nullable = false)
  public String meterId;

  /** The signed credential, as issued. */
  @Column(name = "credential", nullable = false)
  public String credential;

  @Column(name = "issued_at", nullable = false)
  public Instant issuedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "revocation_reason")
  public String revocationReason;

  /** The meter's credential not revoked, if any. */
  public static Optional<IssuedCredential> active(String meterId) {
    return find("meterId = ?1 and revokedAt is null order by issuedAt desc", meterId)
        .firstResultOptional();
  }
}
