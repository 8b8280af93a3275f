package org.uei.p2p.bpp.wave2;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.policy.PolicyDecision;
import org.uei.p2p.market.policy.PolicyEngine;
import org.uei.p2p.market.policy.PolicyRequest;
import org.uei.p2p.market.policy.config.PolicyConfig;
import org.uei.p2p.market.policy.config.PolicyConfigException;
import org.uei.p2p.market.policy.config.PolicyConfigLoader;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The network and contract policy of IES wave 2 as a stage of the seller's admission: the
 * energy-market {@link PolicyEngine} over the configured policy file (or the bundled IES networks)
 * with {@link Discoms} as its registry. Built at start, so a bad policy file stops the node with
 * the loader's one-line message instead of failing the first trade.
 */
@Startup
@ApplicationScoped
public class ContractPolicyStage {

  @Inject Wave2Config config;
  @Inject Discoms discoms;

  private PolicyEngine engine;
  private PolicyConfig policyConfig;

  @PostConstruct
  void build() {
    String file = config.policyFile().filter(f -> !f.isBlank()).orElse(null);
    PolicyConfig policy;
    try {
      policy =
          file == null ? PolicyConfigLoader.iesDefaults() : PolicyConfigLoader.load(Path.of(file));
    } catch (PolicyConfigException e) {
      throw new IllegalStateException("uei.bpp.wave2.policy-file: " + e.getMessage(), e);
    }
    engine = PolicyEngine.builder().config(policy).registry(discoms).build();
    policyConfig = policy;
  }

  /** The network charges settlements are computed with (wheeling, penalty, platform cap). */
  public org.uei.p2p.market.policy.config.Charges charges() {
    return policyConfig.charges();
  }

  /** The policy offers and contracts of this seller name. */
  public PolicyReference reference() {
    return new PolicyReference(config.policyUrl(), config.policyQueryPath());
  }

  /**
   * Runs the network policy, then the contract policy, on a message received at {@code now}.
   *
   * @throws InboundRejection 400 with every violation of the first policy that refuses, each with
   *     its rule id, the sender's JSON path and the BECKN-005 code
   */
  public void check(Wave2Envelope message, Instant now) throws InboundRejection {
    var refusal = engine.firstRejection(new PolicyRequest(message, now));
    if (refusal.isPresent()) {
      throw new InboundRejection(400, errors(refusal.get()), Map.of());
    }
  }

  private static List<BecknError> errors(PolicyDecision d) {
    return d.violations().stream()
        .map(v -> BecknError.of(v.code(), v.ruleId() + ": " + v.message(), v.path()))
        .toList();
  }
}
