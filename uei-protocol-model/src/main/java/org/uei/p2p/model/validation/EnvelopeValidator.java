package org.uei.p2p.model.validation;

import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;

/**
 * Checks a parsed message before the application sees it. Nodes hold one of these as a stage of
 * their inbound pipeline and pick the implementation per deployment: {@link
 * Wave1Validator#lenient()}, {@link Wave1Validator#strict()}, or {@link #NONE} to switch validation
 * off.
 *
 * <p>The model classes know nothing about validation; a validator only reads them.
 */
@FunctionalInterface
public interface EnvelopeValidator {

  /** Accepts everything. */
  EnvelopeValidator NONE = (envelope, endpoint) -> ValidationResult.VALID;

  /**
   * Validates {@code envelope} as received on the endpoint of {@code endpoint}.
   *
   * @param endpoint the action of the endpoint the message came to; {@code null} means "the action
   *     named in {@code context.action}"
   */
  ValidationResult validate(Envelope<?> envelope, Action endpoint);
}
