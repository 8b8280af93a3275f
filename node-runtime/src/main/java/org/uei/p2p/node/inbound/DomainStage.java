package org.uei.p2p.node.inbound;

import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;

/**
 * A node serves one network per wire: a message of another would be stored and answered as if it
 * were a trade of this network, so it is refused at {@code context.domain} (wave 1, {@code
 * uei.domain}; UEI v1: {@code uei:p2p-trading}) or {@code context.networkId} (wave 2, {@code
 * uei.network-id}).
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
    String served =
        switch (c.wire()) {
          case IES_WAVE2 -> networkId;
          // One domain for every UEI v1 network; uei.domain names the wave-1 one.
          case UEI_V1 -> UeiV1Context.DOMAIN;
          case DEG_WAVE1 -> domain;
        };
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
