package org.uei.p2p.market.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of one policy on one message.
 *
 * @param policy which policy decided ({@code network} or {@code contract} for the built-in ones)
 * @param outcome allowed, blocked or not applicable
 * @param violations why: every rule broken (blocked), or why the policy does not apply; empty when
 *     allowed
 */
public record PolicyDecision(
    String policy, PolicyOutcome outcome, List<PolicyViolation> violations) {

  /** Copies the violations and checks they fit the outcome. */
  public PolicyDecision {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(outcome, "outcome");
    violations = List.copyOf(violations);
    if (outcome == PolicyOutcome.ALLOWED && !violations.isEmpty()) {
      throw new IllegalArgumentException("an allowed message has no violations");
    }
    if (outcome == PolicyOutcome.BLOCKED && violations.isEmpty()) {
      throw new IllegalArgumentException("a blocked message needs at least one violation");
    }
  }

  static PolicyDecision allowed(String policy) {
    return new PolicyDecision(policy, PolicyOutcome.ALLOWED, List.of());
  }

  static PolicyDecision of(String policy, List<PolicyViolation> violations) {
    return new PolicyDecision(
        policy, violations.isEmpty() ? PolicyOutcome.ALLOWED : PolicyOutcome.BLOCKED, violations);
  }

  /**
   * True when the node must refuse the message (NACK): it is blocked, or the policy does not apply
   * for a reason it states. A NOT_APPLICABLE decision without violations lets the message through.
   */
  public boolean rejects() {
    return !violations.isEmpty();
  }

  /** The code to NACK with: the first violation's (rules report structural problems first). */
  public Optional<String> nackCode() {
    return violations.isEmpty() ? Optional.empty() : Optional.of(violations.get(0).code());
  }

  /** All violation messages in one line, for a NACK's error message. */
  public String summary() {
    return violations.stream()
        .map(v -> v.ruleId() + ": " + v.message())
        .reduce((a, b) -> a + "; " + b)
        .orElse(outcome.name().toLowerCase());
  }

  /** True when some violation has this rule id. */
  public boolean breaks(String ruleId) {
    return violations.stream().anyMatch(v -> v.ruleId().equals(ruleId));
  }
}
