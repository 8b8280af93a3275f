package org.uei.p2p.conformance.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.MessageParseException;

/**
 * The synchronous answer to a POST, or the reason there was none.
 *
 * @param status HTTP status; 0 when no answer came
 * @param headers response headers (names lower case)
 * @param body the response body, empty when none
 * @param problem why there is no answer, or null
 */
public record HttpAnswer(
    int status, Map<String, List<String>> headers, byte[] body, String problem) {

  /** The first value of a header (case-insensitive), or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** The body as text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body read as an ACK/NACK, when it is one. */
  public Optional<AckResponse> ack() {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(AckResponse.parse(body));
    } catch (MessageParseException e) {
      return Optional.empty();
    }
  }

  /** True for an HTTP 2xx answer whose body is an ACK. */
  public boolean isAck() {
    return status >= 200 && status < 300 && ack().map(AckResponse::isAck).orElse(false);
  }

  /** A one-line description for reasons, e.g. {@code HTTP 400 NACK 30000 at context.ttl}. */
  public String summary() {
    if (status == 0) {
      return "no answer (" + problem + ")";
    }
    return "HTTP "
        + status
        + ack()
            .map(
                a ->
                    a.isAck()
                        ? " ACK"
                        : " NACK"
                            + (a.error() == null
                                ? ""
                                : " " + a.error().getCode() + at(a.error().getPaths())))
            .orElse(" with a body that is not an ACK/NACK");
  }

  /** Where a NACK says the error is, or nothing when it names no path. */
  private static String at(String paths) {
    return paths == null || paths.isBlank() ? "" : " at '" + paths + "'";
  }
}
