package org.uei.p2p.examples.embedding;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.validation.EnvelopeValidator;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/**
 * How a seller platform checks incoming Beckn requests inside an HTTP server it already has (here
 * the JDK's): read the raw bytes, verify the signature against the registry key of the sender named
 * in the context, validate the message, and answer ACK, or NACK with the reason. The same steps for
 * every wire generation; a {@link MessageWire} says how a generation's messages parse and validate.
 *
 * <p>Failures get the answers a Beckn sender expects: 401 with {@code WWW-Authenticate} for a bad
 * signature, 400 with a BECKN-005 code and the JSON path for a bad message.
 *
 * @param <M> the parsed message of the wire served
 */
public final class VerifyingHandler<M> implements HttpHandler {

  /** Bodies above this size are refused before anything is parsed. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private final String receiverId;
  private final BecknVerifier verifier;
  private final MessageWire<M> wire;
  private final Consumer<Accepted<M>> accepted;

  /**
   * A request that passed every check: the parsed message, and the exact bytes and signature that
   * came in (what a gateway forwards unchanged, so the sender's signature still holds).
   */
  public record Accepted<M>(M envelope, byte[] body, String authorization) {}

  /**
   * A wave-1 receiver.
   *
   * @param receiverId our own subscriber id, the realm of the 401 challenge
   * @param accepted called with each message that passed every check, after the ACK is decided
   */
  public static VerifyingHandler<Envelope<?>> of(
      String receiverId,
      BecknVerifier verifier,
      EnvelopeValidator validator,
      Consumer<Envelope<?>> accepted) {
    return new VerifyingHandler<>(
        receiverId, verifier, MessageWire.wave1(validator), a -> accepted.accept(a.envelope()));
  }

  /**
   * @param receiverId our own subscriber id, the realm of the 401 challenge
   * @param wire the generation of the messages received
   * @param accepted called with each request that passed every check, after the ACK is decided
   */
  public VerifyingHandler(
      String receiverId,
      BecknVerifier verifier,
      MessageWire<M> wire,
      Consumer<Accepted<M>> accepted) {
    this.receiverId = receiverId;
    this.verifier = verifier;
    this.wire = wire;
    this.accepted = accepted;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, nack("only POST is served here", null));
        return;
      }
      String action = exchange.getRequestURI().getPath().replaceAll(".*/", "");
      if (!wire.serves(action)) {
        answer(exchange, 404, nack("no Beckn action '" + action + "' here", "context.action"));
        return;
      }
      byte[] body = readLimited(exchange.getRequestBody());
      if (body == null) {
        answer(exchange, 413, nack("body larger than " + MAX_BODY_BYTES + " bytes", null));
        return;
      }
      M message;
      try {
        message = wire.parse(body, action);
      } catch (MessageParseException e) {
        answer(exchange, 400, nack(e.getMessage(), null));
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst(SignatureHeaders.AUTHORIZATION);
      VerificationResult signature = verifier.verify(authorization, body, wire.sender(message));
      if (!signature.valid()) {
        exchange
            .getResponseHeaders()
            .set(SignatureHeaders.WWW_AUTHENTICATE, SignatureHeaders.wwwAuthenticate(receiverId));
        answer(
            exchange,
            401,
            nack("signature " + signature.status() + ": " + signature.detail(), null));
        return;
      }
      ValidationResult validation = wire.validate(message, action);
      if (!validation.isValid()) {
        answer(exchange, 400, validation.toAck());
        return;
      }
      answer(exchange, 200, AckResponse.ack());
      accepted.accept(new Accepted<>(message, body, authorization));
    }
  }

  private static AckResponse nack(String message, String path) {
    return AckResponse.nack(BecknError.of(ErrorCode.INVALID_REQUEST, message, path));
  }

  private void answer(HttpExchange exchange, int status, AckResponse ack) throws IOException {
    byte[] json = wire.json(ack);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  /** The whole body, or null when it is over the limit. */
  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }
}
