package org.uei.p2p.conformance.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
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

  /**
   * The context of an unsolicited on_status from {@code parties.bppId()} (the sender, who signs it)
   * to {@code parties.bapId()} in transaction {@code txn}: how platforms and ledgers pass
   * allocations and settlements along the cascade.
   */
  public static ObjectNode onStatusContext(
      Wave2Contexts.Parties parties, String txn, Duration ttl) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("networkId", parties.networkId())
        .put("version", Wave2Context.VERSION)
        .put("action", Wave2Action.ON_STATUS.wireName())
        .put("bapId", parties.bapId())
        .put("bapUri", parties.bapUri())
        .put("bppId", parties.bppId())
        .put("bppUri", parties.bppUri())
        .put("transactionId", txn)
        .put("messageId", UUID.randomUUID().toString())
        .put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
        .put("ttl", ttl.toString());
  }
}
