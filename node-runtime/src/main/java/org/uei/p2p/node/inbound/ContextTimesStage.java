package org.uei.p2p.node.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * Holds the context's times to this node's clock ({@link ContextTimes}, {@code uei.inbound.*}):
 * well-formed but absurd timestamps and ttls are refused with their paths.
 */
public class ContextTimesStage implements InboundStage {

  private final ContextTimes times;

  public ContextTimesStage(ContextTimes times) {
    this.times = times;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    Instant now = exchange.receivedAt() != null ? exchange.receivedAt() : Instant.now();
    List<BecknError> absurd = times.check(exchange.wireContext(), exchange.isCallback(), now);
    if (!absurd.isEmpty()) {
      throw new InboundRejection(400, absurd, Map.of());
    }
  }

  @Override
  public String name() {
    return "context-times";
  }
}
