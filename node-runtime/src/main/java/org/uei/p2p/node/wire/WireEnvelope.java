package org.uei.p2p.node.wire;

import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireGeneration;

/**
 * A parsed message of any wire: the typed envelope of its generation with the action it was read
 * for, and a wire-neutral {@link #context()}. Sealed, so code that needs the typed message tells
 * them apart with {@code instanceof}.
 */
public sealed interface WireEnvelope
    permits WireEnvelope.Wave1, WireEnvelope.Wave2, WireEnvelope.UeiV1 {

  /** The generation the message is of. */
  WireGeneration wire();

  /** The wire-neutral view of its context. */
  WireContext context();

  /** The action's wire name, e.g. {@code init} or {@code catalog/publish}. */
  String actionName();

  /** The message as compact UTF-8 JSON, as it goes on the wire (and is signed). */
  byte[] write();

  /** A wave-1 message. */
  record Wave1(Action action, Envelope<? extends Message> envelope) implements WireEnvelope {
    @Override
    public WireGeneration wire() {
      return WireGeneration.DEG_WAVE1;
    }

    @Override
    public WireContext context() {
      return WireContext.of(envelope.getContext());
    }

    @Override
    public String actionName() {
      return action.wireName();
    }

    @Override
    public byte[] write() {
      return Envelopes.write(envelope);
    }
  }

  /** A wave-2 message. */
  record Wave2(Wave2Action action, Wave2Envelope envelope) implements WireEnvelope {
    @Override
    public WireGeneration wire() {
      return WireGeneration.IES_WAVE2;
    }

    @Override
    public WireContext context() {
      return WireContext.of(envelope.context());
    }

    @Override
    public String actionName() {
      return action.wireName();
    }

    @Override
    public byte[] write() {
      return envelope.write();
    }
  }

  /** A UEI v1 (Beckn 1.1.0) message. */
  record UeiV1(UeiV1Action action, UeiV1Envelope envelope) implements WireEnvelope {
    @Override
    public WireGeneration wire() {
      return WireGeneration.UEI_V1;
    }

    @Override
    public WireContext context() {
      return WireContext.of(envelope.context());
    }

    @Override
    public String actionName() {
      return action.wireName();
    }

    @Override
    public byte[] write() {
      return envelope.write();
    }
  }
}
