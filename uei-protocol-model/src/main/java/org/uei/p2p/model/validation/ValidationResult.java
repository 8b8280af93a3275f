package org.uei.p2p.model.validation;

import java.util.List;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;

/**
 * The problems found in one message, each a BECKN-005 error with the JSON path of the member at
 * fault (e.g. {@code message.order.beckn:orderItems[0].beckn:quantity.unitQuantity}).
 */
public record ValidationResult(List<BecknError> errors) {

  /** No problems. */
  public static final ValidationResult VALID = new ValidationResult(List.of());

  /** Copies the list. */
  public ValidationResult {
    errors = List.copyOf(errors);
  }

  /** True when there are no problems. */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /** ACK when valid, else a NACK that lists every problem. */
  public AckResponse toAck() {
    return isValid() ? AckResponse.ack() : AckResponse.nack(errors);
  }
}
