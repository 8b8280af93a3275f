package org.uei.p2p.node.handler;

import java.util.List;
import java.util.Map;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;

/**
 * A stage's refusal of an inbound message: the HTTP status, the BECKN-005 error the NACK carries,
 * and any extra response headers (such as {@code WWW-Authenticate}). Nothing is stored for a
 * refused message.
 */
public final class InboundRejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final List<BecknError> errors;
  private final Map<String, String> headers;

  public InboundRejection(int httpStatus, BecknError error, Map<String, String> headers) {
    this(httpStatus, List.of(error), headers);
  }

  /** A refusal listing several problems (validation reports them all at once). */
  public InboundRejection(int httpStatus, List<BecknError> errors, Map<String, String> headers) {
    super(errors.get(0).getCode() + ": " + errors.get(0).getMessage(), null, false, false);
    this.httpStatus = httpStatus;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /** A 400 NACK with the given code, message and JSON path. */
  public static InboundRejection badRequest(ErrorCode code, String message, String path) {
    return new InboundRejection(400, BecknError.of(code, message, path), Map.of());
  }

  /**
   * A business refusal: Beckn answers these with HTTP 200 and a NACK body, as the message itself
   * was well-formed and authentic.
   */
  public static InboundRejection business(ErrorCode code, String message, String path) {
    return new InboundRejection(200, BecknError.of(code, message, path), Map.of());
  }

  /** A signature refusal, carrying {@code WWW-Authenticate} as BECKN-006 asks of every one. */
  public static InboundRejection unauthorized(String realm, int status, String detail) {
    return new InboundRejection(
        status,
        BecknError.of(ErrorCode.INVALID_REQUEST, detail, ""),
        Map.of(
            org.uei.p2p.signing.SignatureHeaders.WWW_AUTHENTICATE,
            org.uei.p2p.signing.SignatureHeaders.wwwAuthenticate(realm)));
  }

  /**
   * The refusal of a {@code message_id} already received from the same sender for the same action.
   */
  public static InboundRejection replayed(String senderId, String messageId, String action) {
    return replayed(senderId, messageId, action, "context.message_id");
  }

  /**
   * The refusal of a message id already received, naming it at {@code path} as the sender's wire
   * spells it ({@code context.messageId} on wave 2).
   */
  public static InboundRejection replayed(
      String senderId, String messageId, String action, String path) {
    String member = path.substring(path.lastIndexOf('.') + 1);
    return new InboundRejection(
        409,
        BecknError.of(
            ErrorCode.INVALID_REQUEST,
            member
                + " '"
                + messageId
                + "' was already received from '"
                + senderId
                + "' for "
                + action,
            path),
        Map.of());
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The first (main) error. */
  public BecknError error() {
    return errors.get(0);
  }

  /** Every error, the main one first. */
  public List<BecknError> errors() {
    return errors;
  }

  /** The NACK body. */
  public AckResponse toAck() {
    return AckResponse.nack(errors);
  }

  public Map<String, String> headers() {
    return headers;
  }
}
