package org.uei.p2p.bpp.cascade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A buyer's init or confirm that waits for the utilities' answers before the platform answers it;
 * kept in the database so that a restart resumes waiting (or times out) instead of losing it.
 */
@Entity
@Table(name = "cascade_request")
public class CascadeRequest extends PanacheEntityBase {

  @Id public String id;

  /** {@code init} or {@code confirm}. */
  @Column(nullable = false)
  public String action;

  @Column(name = "buyer_transaction_id", nullable = false)
  public String buyerTransactionId;

  /**
   * The transaction of the cascaded messages; the same for a buyer transaction's init and confirm.
   */
  @Column(name = "cascade_transaction_id", nullable = false)
  public String cascadeTransactionId;

  /** For a confirm: the local order that holds the reservation. */
  @Column(name = "order_id")
  public String orderId;

  /** The buyer's request exactly as received. */
  @Column(name = "request_body", nullable = false)
  public byte[] requestBody;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CascadeState status;

  @Column(nullable = false)
  public Instant deadline;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /**
   * The wire of the buyer's request and of the cascaded messages: {@code wave1} or {@code wave2}.
   */
  @Column(nullable = false)
  public String wire = WAVE1;

  /** {@link #wire} of a DEG wave-1 cascade. */
  public static final String WAVE1 = "wave1";

  /** {@link #wire} of an IES wave-2 cascade. */
  public static final String WAVE2 = "wave2";

  /** Whether the buyer's request is a confirm (else an init). */
  public boolean isConfirm() {
    return "confirm".equals(action);
  }

  /**
   * What to do with this cascade now, given its legs (read under this row's lock): wait, finish or
   * nothing (done already).
   */
  public CascadeDecision decide(List<CascadeLeg> legs, Duration timeout) {
    return CascadeDecision.decide(
        status,
        isConfirm(),
        legs.stream().map(CascadeLeg::view).toList(),
        Instant.now(),
        deadline,
        timeout);
  }

  /**
   * The ids of the cascades on {@code wire} still waiting past their deadline, read in a
   * transaction of their own (the schedulers that time them out run outside one).
   */
  public static List<String> overdue(String wire) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                CascadeRequest.<CascadeRequest>list(
                        "status = ?1 and deadline < ?2 and wire = ?3",
                        CascadeState.PENDING,
                        Instant.now(),
                        wire)
                    .stream()
                    .map(r -> r.id)
                    .toList());
  }
}
