package org.uei.p2p.node.inbound;

import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.handler.InboundRejection;

/** Refuses bodies larger than {@code uei.max-body-bytes} with 413, before any parsing or crypto. */
public class BodySizeStage implements InboundStage {

  private final int maxBytes;

  /** Refuses bodies of more than {@code maxBytes} ({@code uei.max-body-bytes}). */
  public BodySizeStage(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The largest body accepted, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    if (exchange.body().length > maxBytes) {
      throw new InboundRejection(
          413,
          BecknError.of(ErrorCode.INVALID_REQUEST, "body larger than " + maxBytes + " bytes", ""),
          Map.of());
    }
  }

  @Override
  public String name() {
    return "body-size";
  }
}
