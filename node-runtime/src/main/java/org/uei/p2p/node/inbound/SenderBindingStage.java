package org.uei.p2p.node.inbound;

import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;

/**
 * Checks that the subscriber who signed is the one the context names as sender ({@code bap_id} for
 * requests, {@code bpp_id} for callbacks; {@code bapId}/{@code bppId} on wave 2, where {@code
 * catalog/publish} comes from {@code bppId}) and that the message is addressed to this node.
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
    WireContext c = exchange.wireContext();
    ContextField senderField = c.senderField();
    String sender = exchange.contextSender();
    if (senderField != null
        && exchange.signature() != null
        && !exchange.signature().signerId().equals(sender)) {
      throw InboundRejection.unauthorized(
          self,
          401,
          "SIGNER_MISMATCH: signed by '"
              + exchange.signature().signerId()
              + "' but "
              + c.path(senderField)
              + " is '"
              + sender
              + "'");
    }
    // A request to a BPP names it in bpp_id when the BAP addressed it directly (discover through
    // a gateway may leave it empty); a callback to a BAP always names it in bap_id. Wave 2's
    // catalog/publish names no receiver (the catalog service).
    ContextField receiverField = c.receiverField();
    if (receiverField == null) {
      return;
    }
    String receiver = c.get(receiverField);
    boolean mustName = c.isCallback();
    if ((mustName || receiver != null) && !self.equals(receiver)) {
      String field = c.path(receiverField);
      throw InboundRejection.badRequest(
          org.uei.p2p.model.envelope.ErrorCode.INVALID_REQUEST,
          field + " is '" + receiver + "', not this node '" + self + "'",
          field);
    }
  }

  @Override
  public String name() {
    return "sender-binding";
  }
}
