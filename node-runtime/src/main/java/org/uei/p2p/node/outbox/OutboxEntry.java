package org.uei.p2p.node.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A callback waiting to be delivered: the serialized body (signed afresh at each attempt), where it
 * goes, and its retry state. {@code leaseOwner}/{@code leaseUntil} let several node instances share
 * one database without sending the same row twice.
 */
@Entity
@Table(name = "callback_outbox")
public class OutboxEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "target_url", nullable = false, length = 2048)
  public String targetUrl;

  @Column(nullable = false)
  public String action;

  @Column(name = "transaction_id")
  public String transactionId;

  @Column(name = "message_id")
  public String messageId;

  @Column(name = "recipient_id")
  public String recipientId;

  @Column(nullable = false)
  public byte[] body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public OutboxStatus status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "lease_owner", length = 64)
  public String leaseOwner;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Column(name = "last_error", length = 2000)
  public String lastError;

  /** The W3C {@code traceparent} its delivery continues; null when it was queued untraced. */
  @Column(name = "trace_parent", length = 128)
  public String traceParent;

  @Version public long version;
}
