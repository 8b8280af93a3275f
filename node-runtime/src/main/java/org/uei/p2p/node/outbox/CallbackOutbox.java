package org.uei.p2p.node.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.node.config.NodeConfig;

/**
 * Queues callbacks durably. A handler enqueues inside its own transaction, so the state change
 * and the callback commit together; delivery starts right after the commit (by this instance,
 * which holds the row's lease from the insert) and is retried by {@link OutboxWorker} until the
 * receiver ACKs, NACKs, or the entry grows too old.
 */
@ApplicationScoped
public class CallbackOutbox {

  @Inject NodeConfig config;
  @Inject OutboxWorker worker;
  @Inject TransactionSynchronizationRegistry transactions;

  /**
   * Queues {@code callback} for {@code {targetBaseUrl}/{action}}.
   *
   * @return the outbox row id
   */
  @Transactional
  public Long enqueue(String targetBaseUrl, String recipientId, Envelope<?> callback) {
    if (config.testing().corruptCallbackMessageId()) {
      String echoed = callback.getContext().getMessageId();
      callback.getContext().setMessageId(java.util.UUID.randomUUID().toString());
      Log.warnf("!!! uei.testing.corrupt-callback-message-id=true: %s for message_id %s sent as %s;"
          + " conformance negative control only", callback.getContext().getAction(), echoed,
          callback.getContext().getMessageId());
    }
    Instant now = Instant.now();
    OutboxEntry e = new OutboxEntry();
    e.targetUrl = targetBaseUrl;
    e.action = callback.getContext().getAction();
    e.transactionId = callback.getContext().getTransactionId();
    e.messageId = callback.getContext().getMessageId();
    e.recipientId = recipientId;
    e.body = Envelopes.write(callback);
    e.status = OutboxStatus.PENDING;
    e.attempts = 0;
    e.nextAttemptAt = now;
    e.createdAt = now;
    e.expiresAt = now.plus(config.outbox().maxAge());
    // Queued with this instance's lease, so it can send at once without claiming the row first.
    e.leaseOwner = worker.owner();
    e.leaseUntil = now.plus(config.outbox().lease());
    e.persist();
    OutboxWorker.Due due = new OutboxWorker.Due(e.id, targetBaseUrl, recipientId, callback.getContext(), e.body);
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          worker.deliverNow(due);
        }
      }
    });
    return due.id();
  }

  /** The queued callbacks of a transaction, oldest first. */
  @Transactional
  public List<OutboxEntry> byTransaction(String transactionId) {
    return OutboxEntry.list("transactionId = ?1 order by id", transactionId);
  }

  /** How many callbacks are in {@code status}. */
  @Transactional
  public long count(OutboxStatus status) {
    return OutboxEntry.count("status", status);
  }
}
