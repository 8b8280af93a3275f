package org.uei.p2p.node.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A message id seen from a sender, remembered until its ttl ends. */
@Entity
@Table(name = "replay_guard")
public class ReplayGuardEntry extends PanacheEntityBase {

  @EmbeddedId public Key key;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  /** Sender, message id and action: a message is a replay when all three repeat. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "sender_id", nullable = false)
    public String senderId;

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(nullable = false)
    public String action;

    public Key() {}

    public Key(String senderId, String messageId, String action) {
      this.senderId = senderId;
      this.messageId = messageId;
      this.action = action;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(senderId, k.senderId)
          && Objects.equals(messageId, k.messageId)
          && Objects.equals(action, k.action);
    }

    @Override
    public int hashCode() {
      return Objects.hash(senderId, messageId, action);
    }
  }
}
