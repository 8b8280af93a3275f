package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundRejection;

/** Gives the node's handler its chance to NACK synchronously with a business error. */
@ApplicationScoped
public class AdmissionStage implements InboundStage {

  @Inject BecknHandler handler;

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    handler.admit(InboundPipeline.toMessage(exchange));
  }

  @Override
  public String name() {
    return "admission";
  }
}
