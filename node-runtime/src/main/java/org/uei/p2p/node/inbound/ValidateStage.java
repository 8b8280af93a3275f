package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.model.validation.Wave1Validator;

/**
 * Checks the message against the wave-1 rules; every problem goes into the NACK with its JSON
 * path. Strict by default (UUID ids, version, action); {@code uei.validation.strict=false}
 * accepts the context habits of the published examples. Then the context's times are held to
 * this node's clock ({@link ContextTimes}, {@code uei.inbound.*}), in both modes.
 */
@ApplicationScoped
public class ValidateStage implements InboundStage {

  private final Wave1Validator validator;
  private final String domain;
  private final ContextTimes times;

  @Inject
  public ValidateStage(NodeConfig config) {
    this.validator = config.validation().strict() ? Wave1Validator.strict() : Wave1Validator.lenient();
    this.domain = config.domain().orElse(null);
    this.times = ContextTimes.of(config);
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    ValidationResult result = validator.validate(exchange.envelope(), exchange.endpointAction());
    if (!result.isValid()) {
      throw new InboundRejection(400, result.errors(), Map.of());
    }
    // A node serves one network domain; a message of another would be stored and answered as if
    // it were a trade of this network.
    String got = exchange.envelope().getContext().getDomain();
    if (domain != null && !domain.equals(got)) {
      throw InboundRejection.badRequest(ErrorCode.INVALID_REQUEST,
          "context.domain is '" + got + "', this node serves '" + domain + "'", "context.domain");
    }
    Instant now = exchange.receivedAt() != null ? exchange.receivedAt() : Instant.now();
    List<BecknError> absurd = times.check(exchange.context(), exchange.endpointAction(), now);
    if (!absurd.isEmpty()) {
      throw new InboundRejection(400, absurd, Map.of());
    }
  }

  @Override
  public String name() {
    return "validate";
  }
}
