package org.uei.p2p.market.policy;

import java.time.Instant;
import java.util.Objects;
import org.uei.p2p.model.wave2.Wave2Envelope;

/**
 * What a policy judges: one parsed wave-2 message and the node's clock at receipt (the trading
 * window and gate closure are judged against it, not against the sender's timestamp).
 *
 * @param envelope the message as read from the wire
 * @param now when the node received it
 */
public record PolicyRequest(Wave2Envelope envelope, Instant now) {

  /** Requires both. */
  public PolicyRequest {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(now, "now");
  }
}
