package org.uei.p2p.node.handler;

import java.util.Set;
import org.uei.p2p.model.envelope.Action;

/**
 * A node's business logic for the Beckn actions it receives. Each node application provides
 * exactly one bean of this type; the runtime does everything protocol-level around it.
 */
public interface BecknHandler {

  /** The actions this node accepts; a POST to any other action's endpoint is refused. */
  Set<Action> accepts();

  /**
   * Business checks that must answer synchronously with a NACK (unknown order, quantity not
   * available, trading-rule violation). Runs after the signature, validation and replay checks and
   * before the message is stored and ACKed. Throw to refuse; must not change state.
   */
  default void admit(InboundMessage message) throws InboundRejection {}

  /**
   * Processes an ACKed message, asynchronously after the ACK was sent: typically computes the
   * {@code on_*} answer and puts it in the callback outbox. Must be idempotent: after a crash the
   * runtime hands over stored messages that were not marked handled.
   */
  void handle(InboundMessage message) throws Exception;
}
