package org.uei.p2p.node.inbound;

import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.MessageParseException;

/** Reads the body into the typed envelope of the endpoint's action; broken JSON or wrong types give 400. */
public class ParseStage implements InboundStage {

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    Envelope<? extends Message> envelope;
    try {
      envelope = Envelopes.parse(exchange.body(), exchange.endpointAction());
    } catch (MessageParseException e) {
      throw new InboundRejection(400, e.error(), java.util.Map.of());
    }
    // A body of just 'null' parses to no envelope at all.
    if (envelope == null || envelope.getContext() == null) {
      throw InboundRejection.badRequest(ErrorCode.INVALID_REQUEST, "context is missing", "context");
    }
    String action = envelope.getContext().getAction();
    if (!exchange.endpointAction().wireName().equals(action)) {
      throw InboundRejection.badRequest(ErrorCode.INVALID_REQUEST, "context.action is '" + action
          + "' but the message was posted to /" + exchange.endpointAction().wireName(), "context.action");
    }
    exchange.envelope(envelope);
  }

  @Override
  public String name() {
    return "parse";
  }
}
