package org.uei.p2p.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * The smallest seller-side node: answers every request with its callback echoing the message, and
 * refuses orders whose id starts with {@code unknown-} as a real node refuses unknown orders.
 * Serves wave-2 init, confirm, status and catalog/publish the same way.
 */
@ApplicationScoped
public class EchoHandler implements BecknHandler {

  @Inject CallbackOutbox outbox;

  @Override
  public Set<Action> accepts() {
    return Set.of(
        Action.DISCOVER,
        Action.SELECT,
        Action.INIT,
        Action.CONFIRM,
        Action.STATUS,
        Action.UPDATE,
        Action.CANCEL);
  }

  @Override
  public Set<Wave2Action> acceptsWave2() {
    return Set.of(
        Wave2Action.INIT, Wave2Action.CONFIRM, Wave2Action.STATUS, Wave2Action.CATALOG_PUBLISH);
  }

  @Override
  public void admit(InboundMessage message) throws InboundRejection {
    if (message.wire() == WireGeneration.IES_WAVE2) {
      return;
    }
    if (message.envelope().getMessage() instanceof OrderMessage om
        && om.getOrder() != null
        && om.getOrder().getId() != null
        && om.getOrder().getId().startsWith("unknown-")) {
      throw InboundRejection.business(
          ErrorCode.ORDER_NOT_FOUND,
          "no order '" + om.getOrder().getId() + "'",
          "message.order.beckn:id");
    }
  }

  @Override
  public void handle(InboundMessage message) {
    if (message.wire() == WireGeneration.IES_WAVE2) {
      // The callback echoes the request's context (camelCase) and goes to its sender's URL:
      // bapUri of a request, bppUri of catalog/publish.
      Wave2Context request = message.wave2Context();
      Wave2Envelope callback =
          Wave2Envelope.of(
              Wave2Contexts.callbackFor(request, Clock.systemUTC()), message.wave2().message());
      boolean fromProvider = message.wave2Action() == Wave2Action.CATALOG_PUBLISH;
      outbox.enqueue(
          fromProvider ? request.bppUri() : request.bapUri(),
          fromProvider ? request.bppId() : request.bapId(),
          callback);
      return;
    }
    Context callback = Contexts.callbackFor(message.context(), Clock.systemUTC());
    outbox.enqueue(
        message.context().getBapUri(),
        message.context().getBapId(),
        new Envelope<>(callback, message.envelope().getMessage()));
  }
}
