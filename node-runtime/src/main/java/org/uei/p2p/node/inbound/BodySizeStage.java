package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.config.NodeConfig;

/** Refuses bodies larger than {@code uei.max-body-bytes} with 413, before any parsing or crypto. */
@ApplicationScoped
public class BodySizeStage implements InboundStage {

  private final int maxBytes;

  @Inject
  public BodySizeStage(NodeConfig config) {
    this.maxBytes = config.maxBodyBytes();
  }

  /** The largest body accepted, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    if (exchange.body().length > maxBytes) {
      throw new InboundRejection(413, BecknError.of(ErrorCode.INVALID_REQUEST,
          "body larger than " + maxBytes + " bytes", ""), Map.of());
    }
  }

  @Override
  public String name() {
    return "body-size";
  }
}
