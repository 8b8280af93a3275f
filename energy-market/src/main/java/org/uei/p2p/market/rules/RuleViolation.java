package org.uei.p2p.market.rules;

import java.util.Objects;

/**
 * One broken trading rule, ready to become a NACK: {@code code} is the Beckn error code and {@code
 * message} names the rule and the values that broke it.
 *
 * @param rule the rule broken
 * @param code Beckn error code (50000 family)
 * @param message human-readable explanation, starting with the rule name
 */
public record RuleViolation(Rule rule, String code, String message) {

  /** Validates that all parts are present. */
  public RuleViolation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  static RuleViolation of(Rule rule, String detail) {
    return new RuleViolation(rule, rule.code(), rule.name() + ": " + detail);
  }
}
