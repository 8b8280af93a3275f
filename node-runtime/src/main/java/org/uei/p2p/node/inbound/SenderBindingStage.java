package org.uei.p2p.node.inbound;

import org.uei.p2p.node.handler.InboundRejection;

/**
 * Checks that the subscriber who signed is the one the context names as sender ({@code bap_id}
 * for requests, {@code bpp_id} for callbacks) and that the message is addressed to this node.
 * Without it any registered participant could speak for another.
 */
public class SenderBindingStage implements InboundStage {

  private final String self;

  /** Binds senders to signers for the node {@code self} (its subscriber id). */
  public SenderBindingStage(String self) {
    this.self = self;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    String sender = exchange.contextSender();
    String senderField = exchange.endpointAction().isCallback() ? "context.bpp_id" : "context.bap_id";
    if (exchange.signature() != null && !exchange.signature().signerId().equals(sender)) {
      throw InboundRejection.unauthorized(self, 401, "SIGNER_MISMATCH: signed by '"
          + exchange.signature().signerId() + "' but " + senderField + " is '" + sender + "'");
    }
    // A request to a BPP names it in bpp_id when the BAP addressed it directly (discover through
    // a gateway may leave it empty); a callback to a BAP always names it in bap_id.
    String receiver = exchange.endpointAction().isCallback()
        ? exchange.context().getBapId() : exchange.context().getBppId();
    boolean mustName = exchange.endpointAction().isCallback();
    if ((mustName || receiver != null) && !self.equals(receiver)) {
      String field = exchange.endpointAction().isCallback() ? "context.bap_id" : "context.bpp_id";
      throw InboundRejection.badRequest(org.uei.p2p.model.envelope.ErrorCode.INVALID_REQUEST,
          field + " is '" + receiver + "', not this node '" + self + "'", field);
    }
  }

  @Override
  public String name() {
    return "sender-binding";
  }
}
