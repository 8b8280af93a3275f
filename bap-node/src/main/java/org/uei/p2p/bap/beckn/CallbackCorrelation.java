package org.uei.p2p.bap.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.uei.p2p.bap.client.ClientRequest;
import org.uei.p2p.bap.client.RequestStatus;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;

/**
 * Matches a callback with the request it answers, by message id: a callback for a message this
 * platform never sent, from a BPP it was not sent to, for another action, on another wire, or after
 * the request's ttl is refused. Unsolicited {@code on_status}/{@code on_update}/{@code on_cancel}
 * carry a new message id and are accepted from a BPP this platform already trades with in that
 * transaction. Refusals name context members as the callback's wire spells them.
 */
@ApplicationScoped
public class CallbackCorrelation {

  private static final Set<String> MAY_BE_UNSOLICITED =
      Set.of("on_status", "on_update", "on_cancel");

  /** The request a callback answers; empty for an accepted unsolicited callback. */
  @Transactional
  public Optional<ClientRequest> match(WireContext c, Instant now) throws InboundRejection {
    String callback = c.action();
    String bpp = c.bppId();
    List<ClientRequest> rows = ClientRequest.byMessageId(c.messageId());
    if (rows.isEmpty()) {
      boolean mayBeUnsolicited = MAY_BE_UNSOLICITED.contains(callback);
      if (mayBeUnsolicited
          && ClientRequest.count(
                  "transactionId = ?1 and key.bppId = ?2 and status <> ?3",
                  c.transactionId(),
                  bpp,
                  RequestStatus.FAILED)
              > 0) {
        return Optional.empty();
      }
      throw refuse(
          "no request with "
              + name(c, ContextField.MESSAGE_ID)
              + " '"
              + c.messageId()
              + "' was sent"
              + (mayBeUnsolicited
                  ? " and transaction '" + c.transactionId() + "' has no order with '" + bpp + "'"
                  : ""),
          c.path(ContextField.MESSAGE_ID));
    }
    // A node of two wires may send one discover to a BPP on one wire and to a discovery service
    // on the other, under one message id: the row of the callback's own wire answers.
    List<ClientRequest> sentTo =
        rows.stream()
            .filter(r -> r.key.bppId.equals(bpp) || r.key.bppId.equals(ClientRequest.ANY_BPP))
            .sorted((a, b) -> Boolean.compare(isAny(a), isAny(b)))
            .toList();
    if (sentTo.isEmpty()) {
      throw refuse(
          name(c, ContextField.MESSAGE_ID)
              + " '"
              + c.messageId()
              + "' was not sent to '"
              + bpp
              + "'",
          c.path(ContextField.BPP_ID));
    }
    String wire = c.wire().shortName();
    ClientRequest row =
        sentTo.stream()
            .filter(r -> r.wire.equals(wire))
            .findFirst()
            .orElseThrow(
                () ->
                    refuse(
                        "the "
                            + sentTo.get(0).action
                            + " went out on "
                            + sentTo.get(0).wire
                            + ", not on "
                            + wire,
                        "context"));
    String expected = "on_" + row.action;
    if (!expected.equals(callback)) {
      throw refuse(
          name(c, ContextField.MESSAGE_ID)
              + " '"
              + c.messageId()
              + "' was a "
              + row.action
              + ", answered by "
              + expected
              + " and not "
              + callback,
          c.path(ContextField.ACTION));
    }
    if (now.isAfter(row.expiresAt)) {
      throw refuse(
          "the " + row.action + " expired at " + row.expiresAt + " (its timestamp + ttl)",
          c.path(ContextField.TIMESTAMP));
    }
    if (!row.transactionId.equals(c.transactionId())) {
      throw refuse(
          name(c, ContextField.MESSAGE_ID)
              + " '"
              + c.messageId()
              + "' belongs to transaction '"
              + row.transactionId
              + "'",
          c.path(ContextField.TRANSACTION_ID));
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

  private static boolean isAny(ClientRequest r) {
    return r.key.bppId.equals(ClientRequest.ANY_BPP);
  }

  private static String name(WireContext c, ContextField field) {
    return field.nameOn(c.wire());
  }

  private static InboundRejection refuse(String message, String path) {
    return InboundRejection.business(ErrorCode.INVALID_REQUEST, message, path);
  }
}
