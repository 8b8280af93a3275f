package org.uei.p2p.bpp.wave2;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One catalog/publish sent, kept so that an on_publish can be matched to it by the echoed {@code
 * messageId}: an answer to no publish of this node is refused, and an answer to an older publish
 * never overwrites the result of a newer one.
 */
@Entity
@Table(name = "wave2_catalog_publish")
public class PublishRecord extends PanacheEntityBase {

  @Id
  @Column(name = "message_id", length = 64)
  public String messageId;

  @Column(name = "catalog_id", nullable = false)
  public String catalogId;

  @Column(nullable = false)
  public long generation;

  @Column(name = "sent_at", nullable = false)
  public Instant sentAt;
}
