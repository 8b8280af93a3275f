package org.uei.p2p.node.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One protocol message exactly as it crossed the wire: raw body bytes and headers, keyed by
 * transaction and message id. Rows are only ever inserted, apart from the handled and response
 * markers, so the store doubles as evidence of what was signed and sent.
 */
@Entity
@Table(name = "beckn_message")
public class StoredMessage extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 3)
  public Direction direction;

  @Column(nullable = false)
  public String action;

  @Column(name = "transaction_id")
  public String transactionId;

  @Column(name = "message_id")
  public String messageId;

  @Column(name = "sender_id")
  public String senderId;

  @Column(name = "recipient_id")
  public String recipientId;

  public String url;

  /** The HTTP headers as a JSON object of name to value. */
  @Column(nullable = false, length = 16000)
  public String headers;

  @Column(nullable = false)
  public byte[] body;

  /** For sent messages: the HTTP status the receiver answered. */
  @Column(name = "http_status")
  public Integer httpStatus;

  /** For sent messages: the receiver's answer body (ACK or NACK). */
  @Column(length = 16000)
  public String response;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** {@code context.timestamp + ttl}, when both were readable. */
  @Column(name = "expires_at")
  public Instant expiresAt;

  /** For received messages: when the node's handler finished with it. */
  @Column(name = "handled_at")
  public Instant handledAt;

  /** The instance handling it (received messages only), until {@link #handlingUntil}. */
  @Column(name = "handling_owner", length = 64)
  public String handlingOwner;

  /** When another instance may take over handling it if it is still not handled. */
  @Column(name = "handling_until")
  public Instant handlingUntil;

  /** All messages of a transaction in the order they were stored. */
  public static List<StoredMessage> byTransaction(String transactionId) {
    return list("transactionId = ?1 order by id", transactionId);
  }

  /** All messages with a message id, in the order they were stored. */
  public static List<StoredMessage> byMessageId(String messageId) {
    return list("messageId = ?1 order by id", messageId);
  }
}
