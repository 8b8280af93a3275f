package org.uei.p2p.market.policy;

/** What a policy says about one message. */
public enum PolicyOutcome {
  /** The policy governs the message and it breaks none of its rules. */
  ALLOWED,
  /** The policy governs the message and it breaks at least one rule: NACK with the violations. */
  BLOCKED,
  /**
   * The policy does not govern the message: an action it does not judge (no violations: go on), or
   * a seller DISCOM it was not written for (one violation: the publisher linked the wrong policy,
   * and the reference network refuses the message rather than judge it under foreign rules).
   */
  NOT_APPLICABLE
}
