package org.uei.p2p.model.trade;

/**
 * The policy that governs a trade contract (IES wave 2: an OPA/Rego document the seller's DISCOM
 * publishes): where to fetch it and which rule path to query. Wave 1 has no such reference.
 *
 * @param url where the policy is published
 * @param queryPath the rule path, e.g. {@code data.deg.contracts.p2p_trading}
 */
public record PolicyReference(String url, String queryPath) {

  /** Requires both parts. */
  public PolicyReference {
    Checks.id(url, "policy url");
    Checks.id(queryPath, "policy query path");
  }
}
