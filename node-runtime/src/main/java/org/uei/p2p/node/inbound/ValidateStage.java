package org.uei.p2p.node.inbound;

import java.util.Map;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * Checks the message against its wire's rules; every problem goes into the NACK with its JSON
 * path. The rules are pluggable ({@link MessageRules}): wave 1 strict or lenient today, a rule
 * set per wire as nodes learn more wires.
 */
public class ValidateStage implements InboundStage {

  /** A wire's message rules. */
  @FunctionalInterface
  public interface MessageRules {
    /** Every problem of {@code envelope} as a message posted to {@code action}'s endpoint. */
    ValidationResult validate(Envelope<?> envelope, Action action);
  }

  private final MessageRules rules;

  /** Validates with {@code rules}, e.g. {@code Wave1Validator.strict()::validate}. */
  public ValidateStage(MessageRules rules) {
    this.rules = rules;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    ValidationResult result = rules.validate(exchange.envelope(), exchange.endpointAction());
    if (!result.isValid()) {
      throw new InboundRejection(400, result.errors(), Map.of());
    }
  }

  @Override
  public String name() {
    return "validate";
  }
}
