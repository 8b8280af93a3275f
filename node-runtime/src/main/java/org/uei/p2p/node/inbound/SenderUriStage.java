package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.outbound.ReceiverUrls;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.VerificationResult;

/**
 * Holds the sender's URL in the context ({@code bap_uri} of a request, {@code bpp_uri} of a
 * callback) to the {@code subscriber_url} its registry record holds. This node later POSTs to that
 * URL; without the check any registered participant could make it send to an address of its
 * choosing: a loopback port, an internal host, or another participant's callback endpoint. The
 * URL must also be a valid http(s) address of bounded length ({@code uei.inbound.max-url-length}).
 * {@code uei.inbound.require-registered-uri=false} keeps only the second check.
 */
@ApplicationScoped
public class SenderUriStage implements InboundStage {

  private final RegistryKeyResolver keys;
  private final int maxLength;
  private final boolean requireRegistered;

  @Inject
  public SenderUriStage(RegistryKeyResolver keys, NodeConfig config) {
    this.keys = keys;
    this.maxLength = config.inbound().maxUrlLength();
    this.requireRegistered = config.inbound().requireRegisteredUri();
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    boolean callback = exchange.endpointAction().isCallback();
    String field = callback ? "context.bpp_uri" : "context.bap_uri";
    String uri = callback ? exchange.context().getBppUri() : exchange.context().getBapUri();
    var problem = ReceiverUrls.problem(uri, maxLength);
    if (problem.isPresent()) {
      throw InboundRejection.badRequest(ErrorCode.INVALID_REQUEST, field + " " + problem.get(), field);
    }
    VerificationResult signature = exchange.signature();
    if (!requireRegistered || signature == null) {
      return;
    }
    String registered;
    try {
      registered = keys.resolveSubscriber(signature.signerId(), signature.header().uniqueKeyId()).url();
    } catch (KeyResolutionException e) {
      throw new InboundRejection(503, org.uei.p2p.model.envelope.BecknError.of(ErrorCode.INVALID_REQUEST,
          "cannot look up the registered URL of '" + signature.signerId() + "' now; try again", field),
          java.util.Map.of("Retry-After", "5"));
    }
    if (!ReceiverUrls.sameEndpoint(uri, registered)) {
      throw InboundRejection.badRequest(ErrorCode.INVALID_REQUEST, field + " must be the subscriber_url that the"
          + " registry holds for '" + signature.signerId() + "'" + (registered == null ? " (it holds none)"
          : " (" + registered + ")") + "; answers are only sent there", field);
    }
  }

  @Override
  public String name() {
    return "sender-uri";
  }
}
