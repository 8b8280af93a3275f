package org.uei.p2p.bpp.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One wave-2 {@code status} the ledger sent its DISCOM for meter actuals. An answer is taken only
 * for a stored request (its transaction and message id) and only for the windows it asked.
 */
@Entity
@Table(name = "ledger_actuals_request")
public class ActualsRequest extends PanacheEntityBase {

  @Id
  @Column(name = "message_id")
  public String messageId;

  @Column(name = "transaction_id", nullable = false)
  public String transactionId;

  @Column(name = "discom_id", nullable = false)
  public String discomId;

  @Column(name = "delivery_day", nullable = false)
  public LocalDate deliveryDay;

  /** The meter windows asked, as {@link MeterWindow#encode} writes them. */
  @Column(name = "asked", nullable = false, length = 32000)
  public String asked;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When the first answer was taken, or null. */
  @Column(name = "answered_at")
  public Instant answeredAt;
}
