package org.uei.p2p.node.handler;

import java.time.Instant;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Message;

/**
 * An authentic, valid, de-duplicated inbound message as a node's handler sees it.
 *
 * @param storedId the row of the transaction store holding the raw message (null before storing)
 * @param action the action
 * @param envelope the typed envelope
 * @param senderId the subscriber that sent it (signer, or the context's sender when unsigned checks are off)
 * @param receivedAt when it arrived
 */
public record InboundMessage(Long storedId, Action action, Envelope<? extends Message> envelope, String senderId,
    Instant receivedAt) {

  /** The message's context. */
  public Context context() {
    return envelope.getContext();
  }

  /** The message body typed as {@code type}. */
  public <M extends Message> M message(Class<M> type) {
    return type.cast(envelope.getMessage());
  }
}
