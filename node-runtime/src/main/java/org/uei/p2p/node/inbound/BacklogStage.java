package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * Holds a request while the node has more work in hand than {@code uei.backlog.limit}, so that a
 * sender at full speed is slowed to the rate the node answers at; after {@code
 * uei.backlog.max-wait} it is refused with 503 and {@code Retry-After}. Runs before the signature
 * check, so that a refused request costs nothing.
 */
@ApplicationScoped
public class BacklogStage implements InboundStage {

  private final WorkBacklog backlog;
  private final Duration maxWait;

  @Inject
  public BacklogStage(WorkBacklog backlog, NodeConfig config) {
    this.backlog = backlog;
    this.maxWait = config.backlog().maxWait();
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    boolean room;
    try {
      room = backlog.awaitRoom(maxWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      room = false;
    }
    if (!room) {
      throw new InboundRejection(
          503,
          BecknError.of(
              ErrorCode.BUSINESS_ERROR,
              "the node is busy: "
                  + backlog.inHand()
                  + " messages are being answered (limit "
                  + backlog.limit()
                  + "); retry shortly",
              ""),
          Map.of("Retry-After", "1"));
    }
  }

  @Override
  public String name() {
    return "backlog";
  }
}
