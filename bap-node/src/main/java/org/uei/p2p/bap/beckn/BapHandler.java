package org.uei.p2p.bap.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.uei.p2p.bap.client.CallbackSignals;
import org.uei.p2p.bap.client.WebhookPusher;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The buyer platform's callback endpoints: each {@code on_*} is matched to the request it answers
 * before it is ACKed, then recorded as the answer, waking a waiting sync request and pushing the
 * result to the buyer app's webhook.
 */
@ApplicationScoped
public class BapHandler implements BecknHandler {

  @Inject CallbackCorrelation correlation;
  @Inject CallbackSignals signals;
  @Inject WebhookPusher webhook;
  @Inject org.uei.p2p.bap.delivery.DeliveryRecorder deliveries;

  @Override
  public Set<Action> accepts() {
    return Set.of(
        Action.ON_DISCOVER,
        Action.ON_SELECT,
        Action.ON_INIT,
        Action.ON_CONFIRM,
        Action.ON_STATUS,
        Action.ON_UPDATE,
        Action.ON_CANCEL);
  }

  @Override
  public void admit(InboundMessage m) throws InboundRejection {
    correlation.match(m.action(), m.context(), m.receivedAt());
  }

  @Override
  public void handle(InboundMessage m) throws Exception {
    if (m.action() == Action.ON_STATUS || m.action() == Action.ON_UPDATE) {
      deliveries.record(m);
    }
    correlation.answered(m.context().getMessageId(), m.context().getBppId(), m.receivedAt());
    signals.signal();
    webhook.push(m.context().getMessageId(), m.context().getTransactionId());
  }
}
