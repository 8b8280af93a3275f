package org.uei.p2p.market.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the violations of one evaluation, each rule and path once, in the order found. */
final class Violations {

  private final Set<PolicyViolation> found = new LinkedHashSet<>();

  void policy(String ruleId, String path, String message) {
    found.add(new PolicyViolation(ruleId, message, path, PolicyViolation.POLICY_ERROR));
  }

  void invalid(String ruleId, String path, String message) {
    found.add(new PolicyViolation(ruleId, message, path, PolicyViolation.INVALID_REQUEST));
  }

  void add(PolicyViolation v) {
    found.add(v);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Structural problems (30000) first, so the NACK code is the most basic one. */
  List<PolicyViolation> list() {
    List<PolicyViolation> out = new ArrayList<>(found);
    out.sort((a, b) -> a.code().compareTo(b.code()));
    return out;
  }
}
