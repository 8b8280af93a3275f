package org.uei.p2p.node.inbound;

import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * A node serves one network domain: a message of another would be stored and answered as if it
 * were a trade of this network, so it is refused at {@code context.domain}.
 */
public class DomainStage implements InboundStage {

  private final String domain;

  /** Refuses messages of any domain but {@code domain}; {@code null} accepts every domain. */
  public DomainStage(String domain) {
    this.domain = domain;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    String got = exchange.envelope().getContext().getDomain();
    if (domain != null && !domain.equals(got)) {
      throw InboundRejection.badRequest(ErrorCode.INVALID_REQUEST,
          "context.domain is '" + got + "', this node serves '" + domain + "'", "context.domain");
    }
  }

  @Override
  public String name() {
    return "domain";
  }
}
