package org.uei.p2p.node.inbound;

import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.signing.SignatureHeaders;

/**
 * Refuses requests whose headers together exceed {@code uei.inbound.max-header-bytes} (431), and
 * signature headers longer than {@value #MAX_SIGNATURE_HEADER} characters (400): a genuine one is a
 * few hundred. The HTTP server accepts up to {@code quarkus.http.limits.max-header-size} so that
 * this stage, not the server, answers the usual oversized request, with a NACK.
 */
public class HeaderSizeStage implements InboundStage {

  /** Longest accepted {@code Authorization} or {@code X-Gateway-Authorization} value. */
  public static final int MAX_SIGNATURE_HEADER = 4096;

  private final int maxBytes;

  /**
   * Refuses headers of more than {@code maxBytes} in all ({@code uei.inbound.max-header-bytes}).
   */
  public HeaderSizeStage(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    long total = 0;
    for (Map.Entry<String, String> h : exchange.headers().entrySet()) {
      total += h.getKey().length() + h.getValue().length() + 4;
    }
    if (total > maxBytes) {
      throw new InboundRejection(
          431,
          BecknError.of(
              ErrorCode.INVALID_REQUEST,
              "request headers of " + total + " bytes; at most " + maxBytes + " are accepted",
              ""),
          Map.of());
    }
    for (String name :
        new String[] {SignatureHeaders.AUTHORIZATION, SignatureHeaders.GATEWAY_AUTHORIZATION}) {
      String value = exchange.header(name);
      if (value != null && value.length() > MAX_SIGNATURE_HEADER) {
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            name
                + " header of "
                + value.length()
                + " characters; a signature header has at most "
                + MAX_SIGNATURE_HEADER,
            "");
      }
    }
  }

  @Override
  public String name() {
    return "header-size";
  }
}
