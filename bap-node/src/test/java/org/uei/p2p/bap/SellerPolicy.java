package org.uei.p2p.bap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.uei.p2p.market.policy.DiscomRegistry;
import org.uei.p2p.market.policy.PolicyDecision;
import org.uei.p2p.market.policy.PolicyEngine;
import org.uei.p2p.market.policy.PolicyRequest;
import org.uei.p2p.market.policy.config.PolicyConfigLoader;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.wave2.Wave2Envelope;

/**
 * The IES network and contract policy a seller platform runs on every wave-2 message it receives
 * (energy-market's engine over the bundled IES networks), with the test network's ledger URLs on
 * the test environment's list.
 */
final class SellerPolicy {

  private SellerPolicy() {}

  /** Why the policy refuses {@code e}, or empty when it passes. */
  static Optional<String> refusal(Wave2Envelope e) throws Exception {
    ObjectNode config;
    try (InputStream in =
        PolicyConfigLoader.class.getResourceAsStream(PolicyConfigLoader.IES_DEFAULTS)) {
      config = (ObjectNode) BecknJson.readTree(in.readAllBytes());
    }
    ((ArrayNode) config.at("/environments/test/ledgerUrls/allowed"))
        .add(Wave2TestNetwork.TPDDL_LEDGER_URI)
        .add(Wave2TestNetwork.BRPL_LEDGER_URI);
    PolicyEngine engine =
        PolicyEngine.builder()
            .config(PolicyConfigLoader.parse("test", BecknJson.write(config)))
            .registry(DiscomRegistry.none())
            .build();
    return engine.firstRejection(new PolicyRequest(e, Instant.now())).map(PolicyDecision::summary);
  }
}
