package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/**
 * Verifies the {@code Authorization} signature over the exact body bytes with the signer's key
 * from the registry. Which subscriber must have signed is checked later by {@link
 * SenderBindingStage}, once the context has been read.
 */
@ApplicationScoped
public class SignatureStage implements InboundStage {

  private final BecknVerifier verifier;
  private final boolean skip;
  private final String realm;

  @Inject
  public SignatureStage(BecknVerifier verifier, NodeConfig config, NodeIdentity identity) {
    this.verifier = verifier;
    this.skip = config.testing().insecureSkipSignatureVerification();
    this.realm = identity.subscriberId();
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    if (skip) {
      return;
    }
    VerificationResult result = verifier.verify(
        exchange.header(SignatureHeaders.AUTHORIZATION), exchange.body(), null, exchange.header("Digest"));
    if (!result.valid()) {
      throw unauthorized(realm, result.status() == VerificationResult.Status.REGISTRY_UNAVAILABLE ? 503 : 401,
          "signature " + result);
    }
    exchange.signature(result);
  }

  /** A refusal carrying {@code WWW-Authenticate}, as BECKN-006 asks of every signature failure. */
  static InboundRejection unauthorized(String realm, int status, String detail) {
    return new InboundRejection(status, BecknError.of(ErrorCode.INVALID_REQUEST, detail, ""),
        Map.of(SignatureHeaders.WWW_AUTHENTICATE, SignatureHeaders.wwwAuthenticate(realm)));
  }

  @Override
  public String name() {
    return "signature";
  }
}
