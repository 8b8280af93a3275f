package org.uei.p2p.market.policy;

import java.util.Objects;

/**
 * One broken policy rule, ready to become a NACK: the node answers with {@code code} (BECKN-005)
 * and puts {@code message} and {@code path} in the error.
 *
 * @param ruleId stable id of the rule, e.g. {@code CON-BUYER-DISCOM}; safe to match on
 * @param message what is wrong, in the sender's terms (the values it sent and what is allowed)
 * @param path JSON path of the offending member, e.g. {@code
 *     message.contract.participants[2].participantAttributes.ledgerUri}
 * @param code the BECKN-005 error code to NACK with
 */
public record PolicyViolation(String ruleId, String message, String path, String code) {

  /** BECKN-005 invalid request: the message lacks what the policy needs to judge it. */
  public static final String INVALID_REQUEST = "30000";

  /**
   * BECKN-005 policy error: the message is well formed but the network or contract policy refuses
   * it.
   */
  public static final String POLICY_ERROR = "50000";

  /** Requires every part. */
  public PolicyViolation {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
  }

  @Override
  public String toString() {
    return ruleId + " at " + path + ": " + message + " (" + code + ")";
  }
}
