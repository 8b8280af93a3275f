package org.uei.p2p.node.inbound;

import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.outbound.ReceiverUrls;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.VerificationResult;

/**
 * Holds the sender's URL in the context ({@code bap_uri} of a request, {@code bpp_uri} of a
 * callback; {@code bapUri}/{@code bppUri} on wave 2) to the {@code subscriber_url} its registry
 * record holds. This node later POSTs to that URL; without the check any registered participant
 * could make it send to an address of its choosing: a loopback port, an internal host, or another
 * participant's callback endpoint. The URL must also be a valid http(s) address of bounded length
 * ({@code uei.inbound.max-url-length}). {@code uei.inbound.require-registered-uri=false} keeps only
 * the second check.
 */
public class SenderUriStage implements InboundStage {

  /** The registered {@code subscriber_url} of a signer's key. */
  @FunctionalInterface
  public interface RegisteredUrls {
    /** The URL the registry holds for {@code subscriberId}'s key {@code keyId} (null when none). */
    String of(String subscriberId, String keyId) throws KeyResolutionException;
  }

  private final RegisteredUrls registered;
  private final int maxLength;
  private final boolean requireRegistered;

  /**
   * @param registered where the registry's URL of a signer comes from
   * @param maxLength {@code uei.inbound.max-url-length}
   * @param requireRegistered {@code uei.inbound.require-registered-uri}
   */
  public SenderUriStage(RegisteredUrls registered, int maxLength, boolean requireRegistered) {
    this.registered = registered;
    this.maxLength = maxLength;
    this.requireRegistered = requireRegistered;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    WireContext c = exchange.wireContext();
    ContextField sender = c.senderField();
    if (sender == null) {
      // The sender (wave 2's catalog service) is not in the context: no URL of its to check, and
      // nothing is ever sent back to it from the context.
      return;
    }
    String field = c.path(sender.uriOfParty());
    String uri = c.get(sender.uriOfParty());
    var problem = ReceiverUrls.problem(uri, maxLength);
    if (problem.isPresent()) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST, field + " " + problem.get(), field);
    }
    VerificationResult signature = exchange.signature();
    if (!requireRegistered || signature == null) {
      return;
    }
    String url;
    try {
      url = registered.of(signature.signerId(), signature.header().uniqueKeyId());
    } catch (KeyResolutionException e) {
      throw new InboundRejection(
          503,
          org.uei.p2p.model.envelope.BecknError.of(
              ErrorCode.INVALID_REQUEST,
              "cannot look up the registered URL of '" + signature.signerId() + "' now; try again",
              field),
          java.util.Map.of("Retry-After", "5"));
    }
    if (!ReceiverUrls.sameEndpoint(uri, url)) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          field
              + " must be the subscriber_url that the"
              + " registry holds for '"
              + signature.signerId()
              + "'"
              + (url == null ? " (it holds none)" : " (" + url + ")")
              + "; answers are only sent there",
          field);
    }
  }

  @Override
  public String name() {
    return "sender-uri";
  }
}
