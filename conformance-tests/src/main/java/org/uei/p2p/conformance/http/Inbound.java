package org.uei.p2p.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/**
 * A message the kit received, with the check of its signature.
 *
 * @param action the endpoint it was posted to, e.g. {@code on_select}
 * @param body the exact bytes received
 * @param headers request headers (first value per name)
 * @param receivedAt when it arrived
 * @param tree the body as JSON, or null when it is not JSON
 * @param signature the check of its {@code Authorization} against the context's sender
 * @param answer what the kit answered, e.g. {@code HTTP 200 ACK}
 */
public record Inbound(
    String action,
    byte[] body,
    Map<String, String> headers,
    Instant receivedAt,
    JsonNode tree,
    VerificationResult signature,
    String answer) {

  /** A context member as text, or null. */
  public String context(String field) {
    JsonNode v = tree == null ? null : tree.path("context").get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The message as report evidence. */
  public Exchange evidence(String title) {
    String auth = headers.get(SignatureHeaders.AUTHORIZATION);
    String sent =
        "POST /"
            + action
            + "   (received "
            + receivedAt
            + ")\n"
            + (auth == null
                ? "(no Authorization header)"
                : SignatureHeaders.AUTHORIZATION + ": " + auth)
            + "\n\n"
            + new String(body, StandardCharsets.UTF_8);
    return new Exchange(
        title, sent, "signature check: " + signature + "\nthe kit answered: " + answer);
  }
}
