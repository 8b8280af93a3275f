package org.uei.p2p.node.handler;

import java.util.Set;
import java.util.stream.Collectors;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wire.WireGeneration;

/**
 * A node's business logic for the Beckn actions it receives. Each node application provides exactly
 * one bean of this type; the runtime does everything protocol-level around it. A handler serves
 * wave-1 actions ({@link #accepts()}) and, when the node speaks wave 2 ({@code uei.wire}), wave-2
 * actions ({@link #acceptsWave2()}); {@link InboundMessage#wire()} tells them apart.
 */
public interface BecknHandler {

  /** The wave-1 actions this node accepts; a POST to any other action's endpoint is refused. */
  Set<Action> accepts();

  /** The wave-2 actions this node accepts; none unless the handler serves wave 2. */
  default Set<Wave2Action> acceptsWave2() {
    return Set.of();
  }

  /** The UEI v1 (Beckn 1.1.0) actions this node accepts; none unless the handler serves UEI v1. */
  default Set<UeiV1Action> acceptsUeiV1() {
    return Set.of();
  }

  /** The wire names of the actions this node accepts on {@code wire}. */
  default Set<String> accepts(WireGeneration wire) {
    return switch (wire) {
      case DEG_WAVE1 ->
          accepts().stream().map(Action::wireName).collect(Collectors.toUnmodifiableSet());
      case IES_WAVE2 ->
          acceptsWave2().stream()
              .map(Wave2Action::wireName)
              .collect(Collectors.toUnmodifiableSet());
      case UEI_V1 ->
          acceptsUeiV1().stream()
              .map(UeiV1Action::wireName)
              .collect(Collectors.toUnmodifiableSet());
    };
  }

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
