/**
 * The IES wave-2 network and contract policies, natively in Java: a pluggable policy stage a node
 * runs on parsed wave-2 messages ({@link org.uei.p2p.market.policy.PolicyEngine}). Each rule that
 * fails yields a {@link org.uei.p2p.market.policy.PolicyViolation} with a stable rule id, the JSON
 * path of the offending member and the BECKN-005 code to NACK with; each policy answers allowed,
 * blocked or not applicable. Configured per network by a JSON file ({@link
 * org.uei.p2p.market.policy.config.PolicyConfigLoader}). Knows nothing of HTTP.
 */
package org.uei.p2p.market.policy;
