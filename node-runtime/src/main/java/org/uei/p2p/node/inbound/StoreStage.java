package org.uei.p2p.node.inbound;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.uei.p2p.node.store.MessageStore;

/** Stores the raw message durably; the ACK is sent only after this commits. */
@ApplicationScoped
public class StoreStage implements InboundStage {

  @Inject MessageStore store;

  @Override
  public void apply(InboundExchange exchange) {
    Long id = QuarkusTransaction.requiringNew().call(() -> store.saveInbound(exchange));
    exchange.storedId(id);
  }

  @Override
  public String name() {
    return "store";
  }
}
