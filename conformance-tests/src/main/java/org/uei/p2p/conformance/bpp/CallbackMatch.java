package org.uei.p2p.conformance.bpp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.Inbound;

/**
 * What arrived for one request: the callback that answers it, or what came instead and why it does
 * not count. A callback is related to a request when two of path action, {@code transaction_id} and
 * {@code message_id} agree with it, so that a callback with one wrong field is reported as that
 * error rather than as a missing callback.
 *
 * @param callback what arrived, or null when nothing related did
 * @param problem why it does not answer the request, or null when it does
 */
record CallbackMatch(Inbound callback, String problem) {

  /** Nothing related arrived; {@code why} says so and names what did arrive. */
  static CallbackMatch none(String why) {
    return new CallbackMatch(null, Objects.requireNonNull(why));
  }

  /**
   * True when the callback answers the request: related, on time, validly signed, in its
   * transaction.
   */
  boolean counts() {
    return callback != null && problem == null;
  }

  /** The request and, when one arrived, the callback. */
  List<Exchange> evidence(Exchange request) {
    List<Exchange> ev = new ArrayList<>(List.of(request));
    if (callback != null) {
      ev.add(callback.evidence(callback.action()));
    }
    return ev;
  }

  /**
   * True when {@code m} shares two of path action, transaction_id and message_id with the request.
   */
  static boolean related(Inbound m, String expectedAction, String txn, String messageId) {
    int agree =
        (expectedAction.equals(m.action()) ? 1 : 0)
            + (txn.equals(m.context("transaction_id")) ? 1 : 0)
            + (messageId.equals(m.context("message_id")) ? 1 : 0);
    return agree >= 2;
  }

  /**
   * Classifies a related callback. A failed signature comes first: the kit refused that callback
   * with 401, so it must not count toward any case.
   */
  static CallbackMatch classify(Inbound m, KitBap.Call call, Instant deadline) {
    return classify(
        m,
        call.context().getAction(),
        call.context().getTransactionId(),
        call.messageId(),
        deadline);
  }

  /**
   * {@link #classify(Inbound, KitBap.Call, Instant)} for a request of any snake_case wire (wave 1,
   * Beckn 1.1.0), named by its action, transaction_id and message_id.
   */
  static CallbackMatch classify(
      Inbound m, String action, String txn, String messageId, Instant deadline) {
    String expected = "on_" + action;
    if (!m.signature().valid()) {
      return new CallbackMatch(
          m,
          m.action()
              + " for "
              + action
              + " "
              + messageId
              + " failed signature verification ("
              + m.signature()
              + "); the kit answered 401 and does not count it");
    }
    if (!txn.equals(m.context("transaction_id"))) {
      return new CallbackMatch(
          m,
          m.action()
              + " answering message_id "
              + messageId
              + " carries transaction_id '"
              + m.context("transaction_id")
              + "', not the request's '"
              + txn
              + "'");
    }
    if (!expected.equals(m.action())) {
      return new CallbackMatch(
          m,
          "the answer to "
              + action
              + " "
              + messageId
              + " was posted to /"
              + m.action()
              + " instead of /"
              + expected);
    }
    if (m.receivedAt().isAfter(deadline)) {
      return new CallbackMatch(
          m,
          expected
              + " arrived "
              + seconds(Duration.between(deadline, m.receivedAt()))
              + " after the request's timestamp + ttl ("
              + deadline
              + "), at "
              + m.receivedAt());
    }
    return new CallbackMatch(m, null);
  }

  /** A duration as seconds with one decimal, e.g. {@code 4.2 s}. */
  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
