package org.uei.p2p.node.handler;

import java.time.Instant;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.WireEnvelope;

/**
 * An authentic, valid, de-duplicated inbound message as a node's handler sees it, of either wire.
 * {@link #wire()} says which; the wave-1 accessors ({@link #action()}, {@link #envelope()}, {@link
 * #context()}, {@link #message(Class)}) serve wave-1 messages and the {@code wave2*} ones wave-2
 * messages; asking a message for the other wire's view is a programming error and throws. A handler
 * that accepts only wave-1 actions never sees a wave-2 message.
 *
 * @param storedId the row of the transaction store holding the raw message (null before storing)
 * @param parsed the typed envelope of its wire
 * @param senderId the subscriber that sent it (signer, or the context's sender when unsigned checks
 *     are off)
 * @param receivedAt when it arrived
 * @param admitted what the handler's admission of it kept for its handling
 */
public record InboundMessage(
    Long storedId, WireEnvelope parsed, String senderId, Instant receivedAt, Admitted admitted) {

  /** A message of either wire with nothing admitted yet. */
  public InboundMessage(Long storedId, WireEnvelope parsed, String senderId, Instant receivedAt) {
    this(storedId, parsed, senderId, receivedAt, new Admitted());
  }

  /** A wave-1 message. */
  public InboundMessage(
      Long storedId,
      Action action,
      Envelope<? extends Message> envelope,
      String senderId,
      Instant receivedAt) {
    this(storedId, new WireEnvelope.Wave1(action, envelope), senderId, receivedAt);
  }

  /** The generation the message came in. */
  public WireGeneration wire() {
    return parsed.wire();
  }

  /** The context of either wire, wire-neutral. */
  public WireContext wireContext() {
    return parsed.context();
  }

  /** The action's wire name, e.g. {@code init} or {@code catalog/publish}. */
  public String actionName() {
    return parsed.actionName();
  }

  /** The wave-1 action. */
  public Action action() {
    return wave1().action();
  }

  /** The typed wave-1 envelope. */
  public Envelope<? extends Message> envelope() {
    return wave1().envelope();
  }

  /** The wave-1 message's context. */
  public Context context() {
    return envelope().getContext();
  }

  /** The wave-1 message body typed as {@code type}. */
  public <M extends Message> M message(Class<M> type) {
    return type.cast(envelope().getMessage());
  }

  /** The wave-2 action. */
  public Wave2Action wave2Action() {
    return wave2Parsed().action();
  }

  /** The wave-2 envelope. */
  public Wave2Envelope wave2() {
    return wave2Parsed().envelope();
  }

  /** The wave-2 message's context. */
  public Wave2Context wave2Context() {
    return wave2().context();
  }

  /** The UEI v1 action. */
  public UeiV1Action ueiV1Action() {
    return ueiV1Parsed().action();
  }

  /** The UEI v1 envelope. */
  public UeiV1Envelope ueiV1() {
    return ueiV1Parsed().envelope();
  }

  private WireEnvelope.UeiV1 ueiV1Parsed() {
    if (parsed instanceof WireEnvelope.UeiV1 w) {
      return w;
    }
    throw new IllegalStateException(
        parsed.actionName() + " came on " + wire().title() + "; read it with wireContext()");
  }

  private WireEnvelope.Wave1 wave1() {
    if (parsed instanceof WireEnvelope.Wave1 w) {
      return w;
    }
    throw new IllegalStateException(
        parsed.actionName()
            + " came on "
            + wire().title()
            + "; read it with wave2(), wave2Action() or wireContext()");
  }

  private WireEnvelope.Wave2 wave2Parsed() {
    if (parsed instanceof WireEnvelope.Wave2 w) {
      return w;
    }
    throw new IllegalStateException(
        parsed.actionName()
            + " came on "
            + wire().title()
            + "; read it with envelope(), action() or context()");
  }
}
