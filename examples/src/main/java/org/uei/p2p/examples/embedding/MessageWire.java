package org.uei.p2p.examples.embedding;

import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.validation.EnvelopeValidator;
import org.uei.p2p.model.validation.UeiV1Validator;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;

/**
 * What a receiver must know of one wire generation to check a request: which endpoints exist, how a
 * body parses, who signed it (the sender the context names), the message rules and the shape of its
 * ACK. {@link VerifyingHandler} does the rest the same way for every generation.
 *
 * @param <M> the parsed message
 */
public interface MessageWire<M> {

  /** Whether {@code action} (the last segment of the request path) is an endpoint of this wire. */
  boolean serves(String action);

  /** The message of {@code body} posted to {@code action}. */
  M parse(byte[] body, String action) throws MessageParseException;

  /**
   * The subscriber the context names as the sender: the buyer platform of a request, the seller
   * platform of a callback.
   */
  String sender(M message);

  /** The message rules of {@code action}; what they find is answered as NACK. */
  ValidationResult validate(M message, String action);

  /** The answer's body in this wire's ACK/NACK shape. */
  byte[] json(AckResponse answer);

  /** DEG wave 1 (Beckn 2.0-rc): {@code Envelope}s checked by {@code validator}. */
  static MessageWire<Envelope<?>> wave1(EnvelopeValidator validator) {
    return new MessageWire<>() {
      @Override
      public boolean serves(String action) {
        return Action.fromWireName(action).isPresent();
      }

      @Override
      public Envelope<?> parse(byte[] body, String action) throws MessageParseException {
        return Envelopes.parse(body, Action.fromWireName(action).orElseThrow());
      }

      @Override
      public String sender(Envelope<?> message) {
        return message.getContext() == null ? null : message.getContext().getBapId();
      }

      @Override
      public ValidationResult validate(Envelope<?> message, String action) {
        return validator.validate(message, Action.fromWireName(action).orElseThrow());
      }

      @Override
      public byte[] json(AckResponse answer) {
        return answer.toWave1Json();
      }
    };
  }

  /**
   * IES wave 2 (Beckn 2.0 LTS): contracts in {@code Wave2Envelope}s checked by {@code validator}.
   */
  static MessageWire<Wave2Envelope> wave2(Wave2Validator validator) {
    return new MessageWire<>() {
      @Override
      public boolean serves(String action) {
        return Wave2Action.fromWireName(action).isPresent();
      }

      @Override
      public Wave2Envelope parse(byte[] body, String action) throws MessageParseException {
        return Wave2Envelope.parse(body);
      }

      @Override
      public String sender(Wave2Envelope message) {
        return message.context() == null ? null : message.context().bapId();
      }

      @Override
      public ValidationResult validate(Wave2Envelope message, String action) {
        return validator.validate(message, Wave2Action.fromWireName(action).orElseThrow());
      }

      @Override
      public byte[] json(AckResponse answer) {
        return answer.toWave2Json(null);
      }
    };
  }

  /**
   * The callbacks a UEI v1 (Beckn 1.1.0) buyer app receives ({@code on_search} … {@code
   * on_status}), signed by the seller platform the context names, checked by {@code validator}.
   */
  static MessageWire<UeiV1Envelope> ueiV1Callbacks(UeiV1Validator validator) {
    return new MessageWire<>() {
      @Override
      public boolean serves(String action) {
        return UeiV1Action.fromWireName(action).map(UeiV1Action::isCallback).orElse(false);
      }

      @Override
      public UeiV1Envelope parse(byte[] body, String action) throws MessageParseException {
        return UeiV1Envelope.parse(body);
      }

      @Override
      public String sender(UeiV1Envelope message) {
        return message.context() == null ? null : message.context().bppId();
      }

      @Override
      public ValidationResult validate(UeiV1Envelope message, String action) {
        return validator.validate(message, UeiV1Action.fromWireName(action).orElseThrow());
      }

      @Override
      public byte[] json(AckResponse answer) {
        return answer.toWave1Json();
      }
    };
  }
}
