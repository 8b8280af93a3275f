package org.uei.p2p.bpp.wave2;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A catalog of this seller platform as last published to the catalog discovery service, and the
 * service's latest result for it. Publishing holds this row's lock, so instances sharing the
 * database never publish the same change twice.
 */
@Entity
@Table(name = "wave2_catalog_state")
public class CatalogPublication extends PanacheEntityBase {

  @Id
  @Column(name = "catalog_id")
  public String catalogId;

  /** SHA-256 (hex) of the catalog message last published; null before the first. */
  @Column(length = 64)
  public String fingerprint;

  /** How many times it was published. */
  @Column(nullable = false)
  public long generation;

  /** Publish again even if unchanged (set at start: the service may have lost its index). */
  @Column(nullable = false)
  public boolean republish;

  @Column(name = "published_at")
  public Instant publishedAt;

  /** The {@code messageId} of the last publish. */
  @Column(name = "message_id", length = 64)
  public String messageId;

  /** The outbox row carrying the last publish. */
  @Column(name = "outbox_id")
  public Long outboxId;

  /** ACCEPTED, REJECTED or PARTIAL, from the latest on_publish. */
  @Column(name = "result_status", length = 16)
  public String resultStatus;

  /** The errors the service gave, one per line ({@code code: message}). */
  @Column(name = "result_errors", length = 4000)
  public String resultErrors;

  /** The generation the result answers. */
  @Column(name = "result_generation")
  public Long resultGeneration;

  @Column(name = "result_message_id", length = 64)
  public String resultMessageId;

  @Column(name = "result_at")
  public Instant resultAt;
}
