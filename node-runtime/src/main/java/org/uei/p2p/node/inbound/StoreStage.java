package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.uei.p2p.node.store.MessageStore;

/** Stores the raw message, in the pipeline's transaction; the ACK is sent only after it commits. */
@ApplicationScoped
public class StoreStage implements InboundStage {

  @Inject MessageStore store;

  @Override
  public void apply(InboundExchange exchange) {
    exchange.storedId(store.saveInbound(exchange));
  }

  @Override
  public String name() {
    return "store";
  }
}
