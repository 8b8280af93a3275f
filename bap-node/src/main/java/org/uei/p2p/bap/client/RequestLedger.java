package org.uei.p2p.bap.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.outbound.SendResult;
import org.uei.p2p.node.wire.WireContext;

/**
 * Records sent requests before they go out (a callback can beat the ACK) and their HTTP outcome.
 */
@ApplicationScoped
public class RequestLedger {

  /** Records a request to {@code bppId} about to be sent. */
  @Transactional
  public void sending(WireContext c, String bppId, String bppUri) {
    ClientRequest r = new ClientRequest();
    r.key = new ClientRequest.Key(c.messageId(), bppId);
    r.bppUri = bppUri;
    r.action = c.action();
    r.transactionId = c.transactionId();
    r.wire = c.wire().shortName();
    r.status = RequestStatus.SENDING;
    r.createdAt = Instant.now();
    r.expiresAt = c.timestampInstant().plus(c.ttlDuration());
    r.persist();
  }

  /**
   * Records the receiver's answer; a callback that already arrived keeps the row ANSWERED. On wave
   * 2 an ACK that carries an error is the LTS {@code AckNoCallback}: no callback will follow, so
   * the request failed.
   */
  @Transactional
  public void sent(String messageId, String bppId, WireGeneration wire, SendResult result) {
    boolean noCallback =
        wire == WireGeneration.IES_WAVE2 && result.acked() && result.ack().error() != null;
    // Conditional updates: the callback may be recorded concurrently and must not be overwritten.
    if (result.acked() && !noCallback) {
      ClientRequest.update(
          "status = ?1 where key.messageId = ?2 and key.bppId = ?3 and status = ?4",
          RequestStatus.ACKED,
          messageId,
          bppId,
          RequestStatus.SENDING);
      return;
    }
    BecknError error =
        result.ack() != null && result.ack().error() != null
            ? result.ack().error()
            : BecknError.of((String) null, result.describe(), null);
    fail(messageId, bppId, error, RequestStatus.SENDING);
  }

  /**
   * Records that the answer to a request was a refusal after all (a callback carrying an error, a
   * contract the seller did not activate), unless it already failed.
   */
  @Transactional
  public void failed(String messageId, String bppId, BecknError error) {
    if (fail(messageId, bppId, error, null) == 0) {
      fail(messageId, ClientRequest.ANY_BPP, error, null);
    }
  }

  private static int fail(String messageId, String bppId, BecknError e, RequestStatus from) {
    String query =
        "status = ?1, errorCode = ?2, errorMessage = ?3, errorPaths = ?4"
            + " where key.messageId = ?5 and key.bppId = ?6 and "
            + (from == null ? "status <> ?7" : "status = ?7");
    return ClientRequest.update(
        query,
        RequestStatus.FAILED,
        truncate(e.getCode(), 32),
        truncate(e.getMessage(), 2000),
        truncate(e.getPaths(), 2000),
        messageId,
        bppId,
        from == null ? RequestStatus.FAILED : from);
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

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
