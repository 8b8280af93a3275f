package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.uei.p2p.model.json.BecknJson;

/**
 * The synchronous answer to every POST: ACK, or NACK with a BECKN-005 {@link BecknError}.
 *
 * <p>Two shapes exist on the wire, and {@link #parse(byte[])} accepts both:
 *
 * <ul>
 *   <li>{@link Shape#WAVE1} (Beckn 1.x and the DEG wave-1 pilot): {@code
 *       {"message":{"ack":{"status":"NACK"}},"error":{code,message,paths}}}; some implementations
 *       put {@code error} inside {@code message}, which is accepted too;
 *   <li>{@link Shape#CORE_2} (Beckn core 2.0 {@code AckResponse}): {@code
 *       {"transaction_id","timestamp","ack_status":"NACK","error":{...}}};
 *   <li>{@link Shape#WAVE2} (Beckn 2.0 LTS {@code Ack}, IES wave 2): {@code
 *       {"status":"NACK","signature":"…","error":{errorCode,errorMessage}}}; the reference adapter
 *       answers {@code {"message":{"status":"ACK"}}}, which is accepted too.
 * </ul>
 *
 * A NACK means no callback will follow.
 */
public final class AckResponse {

  /** The two wire shapes of an ACK/NACK body. */
  public enum Shape {
    WAVE1,
    CORE_2,
    WAVE2
  }

  private final boolean ack;
  private final BecknError error;

  private AckResponse(boolean ack, BecknError error) {
    this.ack = ack;
    this.error = error;
  }

  /** An ACK. */
  public static AckResponse ack() {
    return new AckResponse(true, null);
  }

  /** A NACK with one error. */
  public static AckResponse nack(BecknError error) {
    return new AckResponse(false, Objects.requireNonNull(error, "error"));
  }

  /**
   * A NACK for several problems: the first problem's code, the messages joined with {@code "; "}
   * and the paths joined with {@code ","} (BECKN-005 has one error object per NACK).
   *
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public static AckResponse nack(List<BecknError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a NACK needs at least one error");
    }
    if (errors.size() == 1) {
      return nack(errors.get(0));
    }
    String message =
        errors.stream()
            .map(
                e ->
                    (e.getPaths() == null || e.getPaths().isEmpty() ? "" : e.getPaths() + ": ")
                        + e.getMessage())
            .collect(Collectors.joining("; "));
    String paths =
        errors.stream()
            .map(BecknError::getPaths)
            .filter(p -> p != null && !p.isEmpty())
            .distinct()
            .collect(Collectors.joining(","));
    return nack(BecknError.of(errors.get(0).getCode(), message, paths));
  }

  /** True for ACK. */
  public boolean isAck() {
    return ack;
  }

  /** The error of a NACK; {@code null} for an ACK (an ACK carrying an error keeps it here too). */
  public BecknError error() {
    return error;
  }

  /** The wave-1 body: {@code {"message":{"ack":{"status":..}}[,"error":{..}]}}. */
  public byte[] toWave1Json() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.putObject("message").putObject("ack").put("status", ack ? "ACK" : "NACK");
    if (error != null) {
      root.set("error", BecknJson.toTree(error));
    }
    return BecknJson.write(root);
  }

  /** The core 2.0 body: {@code {transaction_id, timestamp, ack_status[, error]}}. */
  public byte[] toCore2Json(String transactionId, Clock clock) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("transaction_id", transactionId);
    root.put("timestamp", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
    root.put("ack_status", ack ? "ACK" : "NACK");
    if (error != null) {
      root.set("error", BecknJson.toTree(error));
    }
    return BecknJson.write(root);
  }

  /**
   * The wave-2 body: {@code {status[, signature][, error {errorCode, errorMessage, paths}]}}.
   *
   * @param signature the counter-signature over this body's digest, or {@code null} when the sender
   *     does not counter-sign
   */
  public byte[] toWave2Json(String signature) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("status", ack ? "ACK" : "NACK");
    if (signature != null) {
      root.put("signature", signature);
    }
    if (error != null) {
      ObjectNode e =
          root.putObject("error")
              .put("errorCode", error.getCode())
              .put("errorMessage", error.getMessage());
      if (error.getPaths() != null && !error.getPaths().isEmpty()) {
        e.put("paths", error.getPaths());
      }
    }
    return BecknJson.write(root);
  }

  /** The body in {@code shape}; {@code transactionId} is used by {@link Shape#CORE_2} only. */
  public byte[] toJson(Shape shape, String transactionId, Clock clock) {
    return switch (shape) {
      case WAVE1 -> toWave1Json();
      case CORE_2 -> toCore2Json(transactionId, clock);
      case WAVE2 -> toWave2Json(null);
    };
  }

  /**
   * Reads an ACK/NACK body of either shape.
   *
   * @throws MessageParseException if the body is not JSON or has no ACK/NACK status
   */
  public static AckResponse parse(byte[] body) throws MessageParseException {
    JsonNode root;
    try {
      root = BecknJson.readTree(body);
    } catch (IOException e) {
      throw new MessageParseException(
          BecknError.of(ErrorCode.INVALID_REQUEST, "ACK body is not JSON", ""), true, e);
    }
    JsonNode status = root.path("message").path("ack").get("status");
    if (status == null) {
      status = root.get("ack_status");
    }
    if (status == null) {
      status = root.get("status") != null ? root.get("status") : root.path("message").get("status");
    }
    if (status == null
        || !status.isTextual()
        || !("ACK".equals(status.asText()) || "NACK".equals(status.asText()))) {
      throw new MessageParseException(
          BecknError.of(
              ErrorCode.INVALID_REQUEST,
              "no ACK/NACK status in message.ack.status, ack_status, status or message.status",
              ""),
          false,
          null);
    }
    JsonNode err = root.get("error");
    if (err == null || err.isNull()) {
      err = root.path("message").get("error");
    }
    BecknError error = null;
    if (err != null && err.isObject()) {
      error = readError(err);
    }
    boolean isAck = "ACK".equals(status.asText());
    if (!isAck && error == null) {
      error = BecknError.of(ErrorCode.INVALID_REQUEST, "NACK without error", "");
    }
    return new AckResponse(isAck, error);
  }

  // Codes arrive as strings or numbers depending on the sender; keep them as text either way.
  // The LTS core names them errorCode and errorMessage.
  private static BecknError readError(JsonNode err) {
    JsonNode code = err.has("code") ? err.get("code") : err.get("errorCode");
    JsonNode message = err.has("message") ? err.get("message") : err.get("errorMessage");
    BecknError e = BecknError.of(text(code), text(message), text(err.get("paths")));
    err.properties()
        .iterator()
        .forEachRemaining(
            f -> {
              if (!List.of("code", "message", "paths", "errorCode", "errorMessage")
                  .contains(f.getKey())) {
                e.putExtra(f.getKey(), f.getValue());
              }
            });
    return e;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : BecknJson.writeString(n);
  }

  @Override
  public String toString() {
    return ack ? "ACK" : "NACK " + error;
  }
}
