package org.uei.p2p.bap.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.node.outbound.SendResult;

/**
 * Records sent requests before they go out (a callback can beat the ACK) and their HTTP outcome.
 */
@ApplicationScoped
public class RequestLedger {

  /** Records a request to {@code bppId} about to be sent. */
  @Transactional
  public void sending(Context c, String bppId, String bppUri) {
    ClientRequest r = new ClientRequest();
    r.key = new ClientRequest.Key(c.getMessageId(), bppId);
    r.bppUri = bppUri;
    r.action = c.getAction();
    r.transactionId = c.getTransactionId();
    r.status = RequestStatus.SENDING;
    r.createdAt = Instant.now();
    r.expiresAt = c.timestampInstant().plus(c.ttlDuration());
    r.persist();
  }

  /** Records the receiver's answer; a callback that already arrived keeps the row ANSWERED. */
  @Transactional
  public void sent(String messageId, String bppId, SendResult result) {
    // Conditional updates: the callback may be recorded concurrently and must not be overwritten.
    if (result.acked()) {
      ClientRequest.update(
          "status = ?1 where key.messageId = ?2 and key.bppId = ?3 and status = ?4",
          RequestStatus.ACKED,
          messageId,
          bppId,
          RequestStatus.SENDING);
      return;
    }
    String code = null;
    String message;
    if (result.ack() != null && result.ack().error() != null) {
      code = result.ack().error().getCode();
      message = truncate(result.ack().error().getMessage());
    } else {
      message = truncate(result.describe());
    }
    ClientRequest.update(
        "status = ?1, errorCode = ?2, errorMessage = ?3 where key.messageId = ?4 and key.bppId = ?5"
            + " and status = ?6",
        RequestStatus.FAILED,
        code,
        message,
        messageId,
        bppId,
        RequestStatus.SENDING);
  }

  /** True when no row of {@code messageId} still waits. */
  @Transactional
  public boolean complete(String messageId) {
    return ClientResults.complete(ClientRequest.byMessageId(messageId));
  }

  /** The rows of a transaction, oldest first. */
  @Transactional
  public List<ClientRequest> ofTransaction(String transactionId) {
    return ClientRequest.byTransaction(transactionId);
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
