package org.uei.p2p.node.inbound;

import java.util.Map;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.WireEnvelope;

/**
 * Checks the message against its wire's rules; every problem goes into the NACK with its JSON path.
 * The rules are pluggable per wire: {@link MessageRules} for wave 1 ({@code Wave1Validator} strict
 * or lenient), {@link Wave2Rules} for wave 2 ({@code Wave2Validator}), {@link UeiV1Rules} for UEI
 * v1 ({@code UeiV1Validator}).
 */
public class ValidateStage implements InboundStage {

  /** A wave-1 wire's message rules. */
  @FunctionalInterface
  public interface MessageRules {
    /** Every problem of {@code envelope} as a message posted to {@code action}'s endpoint. */
    ValidationResult validate(Envelope<?> envelope, Action action);
  }

  /** The wave-2 wire's message rules. */
  @FunctionalInterface
  public interface Wave2Rules {
    /** Every problem of {@code envelope} as a message posted to {@code action}'s endpoint. */
    ValidationResult validate(Wave2Envelope envelope, Wave2Action action);
  }

  /** The UEI v1 (Beckn 1.1.0) wire's message rules. */
  @FunctionalInterface
  public interface UeiV1Rules {
    /** Every problem of {@code envelope} as a message posted to {@code action}'s endpoint. */
    ValidationResult validate(UeiV1Envelope envelope, UeiV1Action action);
  }

  private final MessageRules rules;
  private final Wave2Rules wave2;
  private final UeiV1Rules ueiV1;

  /**
   * Validates wave 1 with {@code rules}, e.g. {@code Wave1Validator.strict()::validate}; refuses
   * wave 2.
   */
  public ValidateStage(MessageRules rules) {
    this(rules, null);
  }

  /**
   * Validates wave 1 with {@code rules} and wave 2 with {@code wave2} (e.g. {@code
   * Wave2Validator.strict()::validate}); {@code null} for a wire the node does not speak.
   */
  public ValidateStage(MessageRules rules, Wave2Rules wave2) {
    this(rules, wave2, null);
  }

  /**
   * Validates each wire with its rules (e.g. {@code UeiV1Validator.strict()::validate} for UEI v1);
   * {@code null} for a wire the node does not speak.
   */
  public ValidateStage(MessageRules rules, Wave2Rules wave2, UeiV1Rules ueiV1) {
    this.rules = rules;
    this.wave2 = wave2;
    this.ueiV1 = ueiV1;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    ValidationResult result;
    if (exchange.parsed() instanceof WireEnvelope.Wave2 w) {
      if (wave2 == null) {
        throw new IllegalStateException("a wave-2 message reached a node without wave-2 rules");
      }
      result = wave2.validate(w.envelope(), w.action());
    } else if (exchange.parsed() instanceof WireEnvelope.UeiV1 v1) {
      if (ueiV1 == null) {
        throw new IllegalStateException("a UEI v1 message reached a node without UEI v1 rules");
      }
      result = ueiV1.validate(v1.envelope(), v1.action());
    } else {
      WireEnvelope.Wave1 w = (WireEnvelope.Wave1) exchange.parsed();
      result = rules.validate(w.envelope(), w.action());
    }
    if (!result.isValid()) {
      throw new InboundRejection(400, result.errors(), Map.of());
    }
  }

  @Override
  public String name() {
    return "validate";
  }
}
