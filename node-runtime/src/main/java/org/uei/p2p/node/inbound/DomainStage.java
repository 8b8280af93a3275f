package org.uei.p2p.node.inbound;

import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;

/**
 * A node serves one network per wire: a message of another would be stored and answered as if it
 * were a trade of this network, so it is refused at {@code context.domain} (wave 1, {@code
 * uei.domain}) or {@code context.networkId} (wave 2, {@code uei.network-id}).
 */
public class DomainStage implements InboundStage {

  private final String domain;
  private final String networkId;

  /**
   * Refuses wave-1 messages of any domain but {@code domain}; {@code null} accepts every domain.
   */
  public DomainStage(String domain) {
    this(domain, null);
  }

  /**
   * Refuses wave-1 messages of another domain than {@code domain} and wave-2 messages of another
   * network than {@code networkId}; {@code null} accepts every one on that wire.
   */
  public DomainStage(String domain, String networkId) {
    this.domain = domain;
    this.networkId = networkId;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    WireContext c = exchange.wireContext();
    boolean wave2 = c.wire() == WireGeneration.IES_WAVE2;
    String served = wave2 ? networkId : domain;
    String got = c.network();
    if (served != null && !served.equals(got)) {
      String path = c.path(ContextField.NETWORK);
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          path + " is '" + got + "', this node serves '" + served + "'",
          path);
    }
  }

  @Override
  public String name() {
    return "domain";
  }
}
