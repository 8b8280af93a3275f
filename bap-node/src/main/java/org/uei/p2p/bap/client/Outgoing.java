package org.uei.p2p.bap.client;

import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.wire.WireContext;

/**
 * One request ready to be signed and sent, on the wire its receiver speaks: exactly one of {@code
 * wave1} and {@code wave2} is set.
 *
 * @param bppId the receiver ({@link ClientRequest#ANY_BPP} for a discovery service)
 * @param bppUri where it goes
 */
public record Outgoing(String bppId, String bppUri, Envelope<?> wave1, Wave2Envelope wave2) {

  /** A wave-1 request. */
  public static Outgoing of(String bppId, String bppUri, Envelope<?> envelope) {
    return new Outgoing(bppId, bppUri, envelope, null);
  }

  /** A wave-2 request. */
  public static Outgoing of(String bppId, String bppUri, Wave2Envelope envelope) {
    return new Outgoing(bppId, bppUri, null, envelope);
  }

  /** The request's context, whichever its wire. */
  public WireContext context() {
    return wave1 != null ? WireContext.of(wave1.getContext()) : WireContext.of(wave2.context());
  }
}
