package org.uei.p2p.node.outbound;

import org.uei.p2p.model.envelope.AckResponse;

/**
 * What happened to one signed POST: the receiver's ACK or NACK, an HTTP answer that was neither, or
 * no answer at all.
 *
 * @param httpStatus the HTTP status, or 0 when no answer came
 * @param ack the parsed ACK/NACK, or null when the answer was not one
 * @param responseBody the raw answer, or null
 * @param failure why no usable answer came (connection refused, timeout, unreadable body), or null
 */
public record SendResult(int httpStatus, AckResponse ack, String responseBody, String failure) {

  /** The receiver answered ACK. */
  public boolean acked() {
    return ack != null && ack.isAck();
  }

  /** The receiver answered NACK: a definite refusal that a retry will not change. */
  public boolean nacked() {
    return ack != null && !ack.isAck() && httpStatus < 500;
  }

  /** Worth retrying: no answer, a server error, or an answer that was not an ACK/NACK. */
  public boolean retryable() {
    return !acked() && !nacked();
  }

  /** One line for logs and the outbox's {@code last_error}. */
  public String describe() {
    if (acked()) {
      return "ACK (HTTP " + httpStatus + ")";
    }
    if (ack != null) {
      return "NACK (HTTP " + httpStatus + ") " + ack.error();
    }
    return httpStatus == 0 ? failure : "HTTP " + httpStatus + ": " + failure;
  }
}
