package org.uei.p2p.conformance.http;

import java.util.Map;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/** The kit's answers on wave 2: ACK and NACK in the LTS shape ({@code {status, error}}). */
public final class Wave2Replies {

  private Wave2Replies() {}

  /** {@code {"status":"ACK"}}. */
  public static BecknListener.Reply ack() {
    return new BecknListener.Reply(200, Map.of(), AckResponse.ack().toWave2Json(null));
  }

  /** A NACK with {@code status} and one error. */
  public static BecknListener.Reply nack(
      int status, String code, String message, String paths, Map<String, String> headers) {
    return new BecknListener.Reply(
        status, headers, AckResponse.nack(BecknError.of(code, message, paths)).toWave2Json(null));
  }

  /** The 401 a receiver owes a message whose signature fails (BECKN-006). */
  public static BecknListener.Reply unauthorized(String realm, VerificationResult result) {
    return nack(
        401,
        "30000",
        "signature " + result,
        "",
        Map.of(SignatureHeaders.WWW_AUTHENTICATE, SignatureHeaders.wwwAuthenticate(realm)));
  }
}
