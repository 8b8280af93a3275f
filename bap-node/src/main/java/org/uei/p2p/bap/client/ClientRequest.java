package org.uei.p2p.bap.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request this buyer platform sent to one BPP (or to a discovery service: {@link #ANY_BPP}).
 * Callbacks are matched against these rows.
 */
@Entity
@Table(name = "client_request")
public class ClientRequest extends PanacheEntityBase {

  /** The bpp_id of a discover sent to a discovery service, which any BPP may answer. */
  public static final String ANY_BPP = "*";

  @EmbeddedId public Key key;

  @Column(name = "bpp_uri", length = 2048)
  public String bppUri;

  @Column(nullable = false)
  public String action;

  @Column(name = "transaction_id", nullable = false)
  public String transactionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public RequestStatus status;

  @Column(name = "error_code")
  public String errorCode;

  @Column(name = "error_message", length = 2000)
  public String errorMessage;

  /** The JSON paths the refusal named, as the receiver spelled them. */
  @Column(name = "error_paths", length = 2000)
  public String errorPaths;

  /** The wire the request went out on: {@code wave1} or {@code wave2}. */
  @Column(nullable = false, length = 8)
  public String wire;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** Request timestamp + ttl: callbacks after this are refused. */
  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "answered_at")
  public Instant answeredAt;

  /** The rows of one message id (several for a fanned-out discover). */
  public static List<ClientRequest> byMessageId(String messageId) {
    return list("key.messageId = ?1 order by createdAt", messageId);
  }

  /** The rows of one transaction, oldest first. */
  public static List<ClientRequest> byTransaction(String transactionId) {
    return list("transactionId = ?1 order by createdAt", transactionId);
  }

  /** Message id and BPP. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "bpp_id")
    public String bppId;

    public Key() {}

    public Key(String messageId, String bppId) {
      this.messageId = messageId;
      this.bppId = bppId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(messageId, k.messageId)
          && Objects.equals(bppId, k.bppId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(messageId, bppId);
    }
  }
}
