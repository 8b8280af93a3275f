package org.uei.p2p.node.inbound;

import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/**
 * Verifies the {@code Authorization} signature over the exact body bytes with the signer's key from
 * the registry. Which subscriber must have signed is checked later by {@link SenderBindingStage},
 * once the context has been read.
 */
public class SignatureStage implements InboundStage {

  private final BecknVerifier verifier;
  private final boolean skip;
  private final String realm;

  /**
   * @param verifier checks signatures against registry keys
   * @param skip accept unsigned messages ({@code uei.testing.insecure-skip-signature-verification})
   * @param realm this node's subscriber id, for {@code WWW-Authenticate}
   */
  public SignatureStage(BecknVerifier verifier, boolean skip, String realm) {
    this.verifier = verifier;
    this.skip = skip;
    this.realm = realm;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    if (skip) {
      return;
    }
    VerificationResult result =
        verifier.verify(
            exchange.header(SignatureHeaders.AUTHORIZATION),
            exchange.body(),
            null,
            exchange.header("Digest"));
    if (!result.valid()) {
      // The global registry: this stage is built without CDI, and unit tests run it without one.
      io.micrometer.core.instrument.Metrics.counter(
              "uei.inbound.signature.failures", "reason", result.status().name())
          .increment();
      throw InboundRejection.unauthorized(
          realm,
          result.status() == VerificationResult.Status.REGISTRY_UNAVAILABLE ? 503 : 401,
          "signature " + result);
    }
    exchange.signature(result);
  }

  @Override
  public String name() {
    return "signature";
  }
}
