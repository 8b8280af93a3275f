package org.uei.p2p.bap.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.bap.client.ClientRequest;
import org.uei.p2p.bap.client.RequestStatus;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * Matches a callback with the request it answers, by {@code message_id}: a callback for a message
 * this platform never sent, from a BPP it was not sent to, for another action, or after the
 * request's ttl is refused. Unsolicited {@code on_status}/{@code on_update}/{@code on_cancel} carry
 * a new message id and are accepted from a BPP this platform already trades with in that
 * transaction.
 */
@ApplicationScoped
public class CallbackCorrelation {

  /** The request a callback answers; empty for an accepted unsolicited callback. */
  @Transactional
  public Optional<ClientRequest> match(Action callback, Context c, Instant now)
      throws InboundRejection {
    String bpp = c.getBppId();
    List<ClientRequest> rows = ClientRequest.byMessageId(c.getMessageId());
    if (rows.isEmpty()) {
      boolean mayBeUnsolicited =
          callback == Action.ON_STATUS
              || callback == Action.ON_UPDATE
              || callback == Action.ON_CANCEL;
      if (mayBeUnsolicited
          && ClientRequest.count(
                  "transactionId = ?1 and key.bppId = ?2 and status <> ?3",
                  c.getTransactionId(),
                  bpp,
                  RequestStatus.FAILED)
              > 0) {
        return Optional.empty();
      }
      throw refuse(
          "no request with message_id '"
              + c.getMessageId()
              + "' was sent"
              + (mayBeUnsolicited
                  ? " and transaction '"
                      + c.getTransactionId()
                      + "' has no order with '"
                      + bpp
                      + "'"
                  : ""),
          "context.message_id");
    }
    ClientRequest row =
        rows.stream()
            .filter(r -> r.key.bppId.equals(bpp))
            .findFirst()
            .or(
                () ->
                    rows.stream()
                        .filter(r -> r.key.bppId.equals(ClientRequest.ANY_BPP))
                        .findFirst())
            .orElseThrow(
                () ->
                    refuse(
                        "message_id '" + c.getMessageId() + "' was not sent to '" + bpp + "'",
                        "context.bpp_id"));
    String expected =
        Action.fromWireName(row.action).flatMap(Action::callback).map(Action::wireName).orElse("?");
    if (!expected.equals(callback.wireName())) {
      throw refuse(
          "message_id '"
              + c.getMessageId()
              + "' was a "
              + row.action
              + ", answered by "
              + expected
              + " and not "
              + callback.wireName(),
          "context.action");
    }
    if (now.isAfter(row.expiresAt)) {
      throw refuse(
          "the " + row.action + " expired at " + row.expiresAt + " (its timestamp + ttl)",
          "context.timestamp");
    }
    if (!row.transactionId.equals(c.getTransactionId())) {
      throw refuse(
          "message_id '"
              + c.getMessageId()
              + "' belongs to transaction '"
              + row.transactionId
              + "'",
          "context.transaction_id");
    }
    return Optional.of(row);
  }

  /** Records that the callback for {@code messageId} from {@code bppId} came. */
  @Transactional
  public void answered(String messageId, String bppId, Instant at) {
    // A conditional update, so that a concurrent record of the ACK cannot undo it.
    String query =
        "status = ?1, answeredAt = ?2 where key.messageId = ?3 and key.bppId = ?4 and status <> ?1";
    if (ClientRequest.update(query, RequestStatus.ANSWERED, at, messageId, bppId) == 0) {
      ClientRequest.update(query, RequestStatus.ANSWERED, at, messageId, ClientRequest.ANY_BPP);
    }
  }

  private static InboundRejection refuse(String message, String path) {
    return InboundRejection.business(ErrorCode.INVALID_REQUEST, message, path);
  }
}
