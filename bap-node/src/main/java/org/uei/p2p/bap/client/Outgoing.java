package org.uei.p2p.bap.client;

import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.wire.WireContext;

/**
 * One request ready to be signed and sent, on the wire its receiver speaks: exactly one of {@code
 * wave1}, {@code wave2} and {@code ueiV1} is set.
 *
 * @param bppId the receiver ({@link ClientRequest#ANY_BPP} for a discovery service)
 * @param bppUri where it goes
 */
public record Outgoing(
    String bppId, String bppUri, Envelope<?> wave1, Wave2Envelope wave2, UeiV1Envelope ueiV1) {

  /** A wave-1 request. */
  public static Outgoing of(String bppId, String bppUri, Envelope<?> envelope) {
    return new Outgoing(bppId, bppUri, envelope, null, null);
  }

  /** A wave-2 request. */
  public static Outgoing of(String bppId, String bppUri, Wave2Envelope envelope) {
    return new Outgoing(bppId, bppUri, null, envelope, null);
  }

  /** A UEI v1 (Beckn 1.1.0) request. */
  public static Outgoing of(String bppId, String bppUri, UeiV1Envelope envelope) {
    return new Outgoing(bppId, bppUri, null, null, envelope);
  }

  /** The request's context, whichever its wire. */
  public WireContext context() {
    if (wave1 != null) {
      return WireContext.of(wave1.getContext());
    }
    return wave2 != null ? WireContext.of(wave2.context()) : WireContext.of(ueiV1.context());
  }

  /** The bytes to sign and send. */
  public byte[] body() {
    if (wave1 != null) {
      return org.uei.p2p.model.envelope.Envelopes.write(wave1);
    }
    return wave2 != null ? wave2.write() : ueiV1.write();
  }
}
