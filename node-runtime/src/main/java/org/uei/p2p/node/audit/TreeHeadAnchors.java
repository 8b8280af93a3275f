package org.uei.p2p.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.uei.p2p.audit.anchor.TreeHeadAnchor;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.MessageStored;
import org.uei.p2p.node.store.StoredMessage;

/**
 * Counterparty anchoring: this node puts its current signed tree head into the order attributes of
 * the order messages it sends ({@link #attach}), and keeps the anchors it receives, per
 * transaction, in {@link AnchorStore}.
 *
 * <p>Received anchors are indexed as they came, without checking their signature: the anchor is
 * evidence of what the sender claimed, and whoever uses it later verifies it with the sender's
 * registry key ({@link TreeHeadAnchor#verify}). A malformed anchor never fails the message it came
 * with; it stays in the raw stored message and is only left out of the index.
 */
@ApplicationScoped
public class TreeHeadAnchors {

  /** Actions whose received order attributes are searched for an anchor. */
  static final Set<String> ANCHORED_ACTIONS =
      Set.of("confirm", "on_confirm", "on_status", "on_update");

  private static final Logger LOG = Logger.getLogger(TreeHeadAnchors.class);

  @Inject AuditLog audit;
  @Inject AnchorStore anchors;

  /**
   * Adds this node's current signed tree head to the order attributes of {@code message}; a message
   * that carries no order attributes is left as it is.
   *
   * @return the anchor added, or empty when the message had no order attributes
   */
  public Optional<TreeHeadAnchor> attach(Message message) {
    if (!(message instanceof OrderMessage om)
        || om.getOrder() == null
        || om.getOrder().getOrderAttributes() == null) {
      return Optional.empty();
    }
    TreeHeadAnchor anchor = TreeHeadAnchor.of(audit.currentHead());
    om.getOrder().getOrderAttributes().putExtra(TreeHeadAnchor.PROPERTY, anchor.toJson());
    return Optional.of(anchor);
  }

  /**
   * Indexes the anchor a received order message carries, in the transaction that stores the
   * message.
   */
  void onMessageStored(@Observes MessageStored event) {
    StoredMessage m = event.message();
    if (m.direction != Direction.IN
        || !ANCHORED_ACTIONS.contains(m.action)
        || m.transactionId == null) {
      return;
    }
    Optional<TreeHeadAnchor> anchor;
    try {
      JsonNode attributes =
          BecknJson.mapper()
              .readTree(m.body)
              .path("message")
              .path("order")
              .path("beckn:orderAttributes");
      anchor = TreeHeadAnchor.readFrom(attributes.isObject() ? attributes : null);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warnf(
          "%s %s from %s carries an unreadable %s: %s",
          m.action, m.messageId, m.senderId, TreeHeadAnchor.PROPERTY, e.getMessage());
      return;
    }
    anchor.ifPresent(a -> anchors.record(m.transactionId, m.messageId, m.action, m.senderId, a));
  }
}
