package org.uei.p2p.market.policy;

/**
 * A policy stage: judges one wave-2 message and says whether it may pass. The built-in stages are
 * {@link NetworkPolicy} (every action) and {@link ContractPolicy} (the seller DISCOM's contract
 * rules); a node may add its own and run them in order. Implementations are stateless per call and
 * safe to share between threads.
 */
public interface Policy {

  /** A short name reported in decisions, e.g. {@code network}. */
  String name();

  /** The verdict on {@code request}; never throws for a malformed message (that is a violation). */
  PolicyDecision evaluate(PolicyRequest request);
}
