package org.uei.p2p.audit.entry;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A signed Beckn protocol message as it crossed the wire: the exact body bytes and the signature
 * headers that cover them, so the signature can be re-checked from the log alone.
 *
 * @param direction received or sent
 * @param action the context {@code action}, e.g. {@code confirm} or {@code on_status}
 * @param transactionId the context {@code transaction_id}
 * @param messageId the context {@code message_id}
 * @param body the raw body bytes, byte for byte as sent or received
 * @param signatureHeaders signature header name to value ({@code Authorization}, {@code
 *     X-Gateway-Authorization}); kept sorted by name so the encoding is canonical
 * @param timestamp when the node sent or received the message
 */
public record SignedMessageEntry(
    Direction direction,
    String action,
    String transactionId,
    String messageId,
    byte[] body,
    SortedMap<String, String> signatureHeaders,
    Instant timestamp)
    implements LogEntry {

  public SignedMessageEntry {
    Objects.requireNonNull(direction, "direction");
    action = EntryCodec.requireText(action, "action");
    transactionId = EntryCodec.requireText(transactionId, "transaction_id");
    messageId = EntryCodec.requireText(messageId, "message_id");
    Objects.requireNonNull(body, "body");
    body = body.clone();
    signatureHeaders = copyHeaders(signatureHeaders);
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** Same as the canonical constructor, taking headers in any map. */
  public static SignedMessageEntry of(
      Direction direction,
      String action,
      String transactionId,
      String messageId,
      byte[] body,
      Map<String, String> signatureHeaders,
      Instant timestamp) {
    return new SignedMessageEntry(
        direction,
        action,
        transactionId,
        messageId,
        body,
        new TreeMap<>(Objects.requireNonNull(signatureHeaders, "signatureHeaders")),
        timestamp);
  }

  /** A copy of the body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedMessageEntry e
        && direction == e.direction
        && action.equals(e.action)
        && transactionId.equals(e.transactionId)
        && messageId.equals(e.messageId)
        && Arrays.equals(body, e.body)
        && signatureHeaders.equals(e.signatureHeaders)
        && timestamp.equals(e.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        direction,
        action,
        transactionId,
        messageId,
        Arrays.hashCode(body),
        signatureHeaders,
        timestamp);
  }

  @Override
  public String toString() {
    return "SignedMessageEntry["
        + direction
        + " "
        + action
        + " transaction_id="
        + transactionId
        + " message_id="
        + messageId
        + " body="
        + body.length
        + " bytes at "
        + timestamp
        + "]";
  }

  private static SortedMap<String, String> copyHeaders(Map<String, String> headers) {
    Objects.requireNonNull(headers, "signatureHeaders");
    TreeMap<String, String> copy = new TreeMap<>();
    headers.forEach(
        (name, value) ->
            copy.put(
                EntryCodec.requireText(name, "signature header name"),
                Objects.requireNonNull(value, "value of signature header " + name)));
    return Collections.unmodifiableSortedMap(copy);
  }
}
