package org.uei.p2p.node.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.store.GroupWriter;
import org.uei.p2p.node.tracing.Tracing;
import org.uei.p2p.node.wire.WireContext;

/**
 * Queues callbacks of any wire durably. A handler that changes state enqueues inside its own
 * transaction, so the state change and the callback commit together. A handler with nothing else to
 * write (a quote, a catalog) enqueues outside any transaction, and then one of two things happens:
 *
 * <ul>
 *   <li>Within {@link #whileHandling}, the handling of a stored inbound message, the callback is
 *       sent at once and written afterwards, with the outcome of that first attempt, in the outcome
 *       group that the worker commits anyway. Until then the stored message stands for it: the
 *       dispatcher marks the message handled only once its callbacks are written, so a node that
 *       dies before that handles the message again and sends the callback again.
 *   <li>Anywhere else, the callback commits in a group with those of other callers that finished
 *       meanwhile, and {@link #enqueue} returns once that group committed.
 * </ul>
 *
 * Delivery starts right after the commit (by this instance, which holds the row's lease from the
 * insert) and is retried by {@link OutboxWorker} until the receiver ACKs, NACKs, or the entry grows
 * too old.
 */
@ApplicationScoped
public class CallbackOutbox {

  @Inject NodeConfig config;
  @Inject OutboxWorker worker;
  @Inject TransactionSynchronizationRegistry transactions;
  @Inject Tracing tracing;
  @Inject AgroalDataSource dataSource;

  private final GroupWriter<Queued> groups =
      new GroupWriter<>(
          "uei-outbox-inserts",
          200,
          Duration.ZERO,
          this::insertGroup,
          (q, e) -> q.committed().completeExceptionally(e));

  /** The handling running on this thread, or null outside {@link #whileHandling}. */
  private static final ThreadLocal<Handling> HANDLING = new ThreadLocal<>();

  /**
   * A handling: whether its message is handled again after an interrupted handling, and the
   * callbacks it queued to be sent before they are written.
   */
  private record Handling(boolean resumed, List<CompletableFuture<Void>> written) {}

  /** A callback waiting for its group's commit. */
  private record Queued(
      OutboxEntry entry, OutboxWorker.Due due, CompletableFuture<Long> committed) {}

  /**
   * Runs {@code handling}, the handling of a stored inbound message, so that the callbacks it
   * queues outside a transaction are sent at once and written with their first outcome. The caller
   * marks the message handled only once the returned future completes; if it fails, or never
   * completes because the node stopped first, the message is handled again later, as after a crash.
   *
   * @param resumed the message is handled again after an interrupted handling, whose callbacks may
   *     have reached their receivers: a first attempt that the receiver refuses as a message it
   *     already has (409) then counts as delivered
   * @return completes when every such callback is written (at once if there is none)
   */
  public CompletableFuture<Void> whileHandling(boolean resumed, Runnable handling) {
    Handling outer = HANDLING.get();
    Handling inner = new Handling(resumed, new ArrayList<>());
    HANDLING.set(inner);
    try {
      handling.run();
    } finally {
      HANDLING.set(outer);
    }
    return CompletableFuture.allOf(inner.written().toArray(CompletableFuture[]::new));
  }

  /**
   * Queues {@code callback} for {@code {targetBaseUrl}/{action}}, in the caller's transaction when
   * there is one.
   *
   * @return the outbox row id, or null for a callback sent before it is written ({@link
   *     #whileHandling})
   */
  public Long enqueue(String targetBaseUrl, String recipientId, Envelope<?> callback) {
    if (config.testing().corruptCallbackMessageId()) {
      String echoed = callback.getContext().getMessageId();
      callback.getContext().setMessageId(java.util.UUID.randomUUID().toString());
      warnCorrupted(
          callback.getContext().getAction(), echoed, callback.getContext().getMessageId());
    }
    return enqueue(
        targetBaseUrl,
        recipientId,
        WireContext.of(callback.getContext()),
        Envelopes.write(callback));
  }

  /**
   * Queues the wave-2 {@code callback} for {@code {targetBaseUrl}/{action}}, serialized once here;
   * every attempt signs those bytes afresh.
   *
   * @return the outbox row id, or null for a callback sent before it is written
   */
  public Long enqueue(String targetBaseUrl, String recipientId, Wave2Envelope callback) {
    Wave2Envelope sent = callback;
    if (config.testing().corruptCallbackMessageId()) {
      String fresh = java.util.UUID.randomUUID().toString();
      sent =
          Wave2Envelope.of(
              Wave2Contexts.withMessageId(callback.context(), fresh), callback.message());
      warnCorrupted(callback.context().action(), callback.context().messageId(), fresh);
    }
    return enqueue(targetBaseUrl, recipientId, WireContext.of(sent.context()), sent.write());
  }

  /**
   * Queues the UEI v1 (Beckn 1.1.0) {@code callback} for {@code {targetBaseUrl}/{action}},
   * serialized once here; every attempt signs those bytes afresh.
   *
   * @return the outbox row id, or null for a callback sent before it is written
   */
  public Long enqueue(String targetBaseUrl, String recipientId, UeiV1Envelope callback) {
    UeiV1Envelope sent = callback;
    if (config.testing().corruptCallbackMessageId()) {
      String fresh = java.util.UUID.randomUUID().toString();
      com.fasterxml.jackson.databind.node.ObjectNode tree = callback.toJson();
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("context"))
          .put("message_id", fresh);
      try {
        sent = UeiV1Envelope.fromTree(tree);
      } catch (org.uei.p2p.model.envelope.MessageParseException e) {
        throw new IllegalStateException("a callback that was valid JSON is not any more", e);
      }
      warnCorrupted(callback.context().action(), callback.context().messageId(), fresh);
    }
    return enqueue(targetBaseUrl, recipientId, WireContext.of(sent.context()), sent.write());
  }

  private static void warnCorrupted(String action, String echoed, String sent) {
    Log.warnf(
        "!!! uei.testing.corrupt-callback-message-id=true: %s for message id %s sent as %s;"
            + " conformance negative control only",
        action, echoed, sent);
  }

  private Long enqueue(String targetBaseUrl, String recipientId, WireContext context, byte[] body) {
    var problem =
        org.uei.p2p.node.outbound.ReceiverUrls.problem(
            targetBaseUrl, config.inbound().maxUrlLength());
    if (problem.isPresent()) {
      throw new IllegalArgumentException(
          "callback "
              + context.action()
              + " for '"
              + recipientId
              + "' not queued: its receiver URL "
              + problem.get());
    }
    OutboxEntry e = entry(targetBaseUrl, recipientId, context, body);
    OutboxWorker.Due due =
        new OutboxWorker.Due(
            null, targetBaseUrl, recipientId, context, e.body, e.traceParent, e.createdAt);
    if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
      insert(List.of(e));
      OutboxWorker.Due sent = due.withId(e.id);
      transactions.registerInterposedSynchronization(afterCommit(sent));
      return e.id;
    }
    Handling handling = HANDLING.get();
    if (handling != null) {
      CompletableFuture<Void> written = new CompletableFuture<>();
      handling.written().add(written);
      worker.sendThenWrite(e, due, written, handling.resumed());
      return null;
    }
    Queued q = new Queued(e, due, new CompletableFuture<>());
    groups.add(q);
    try {
      return q.committed().join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException r ? r : failed;
    }
  }

  private OutboxEntry entry(
      String targetBaseUrl, String recipientId, WireContext context, byte[] body) {
    Instant now = Instant.now();
    OutboxEntry e = new OutboxEntry();
    e.targetUrl = targetBaseUrl;
    e.action = context.action();
    e.transactionId = context.transactionId();
    e.messageId = context.messageId();
    e.recipientId = recipientId;
    e.body = body;
    e.status = OutboxStatus.PENDING;
    e.attempts = 0;
    e.nextAttemptAt = now;
    e.createdAt = now;
    e.expiresAt = now.plus(config.outbox().maxAge());
    // Delivery happens later, maybe elsewhere: the row carries the trace of the work that queued
    // it.
    e.traceParent = tracing.traceParent();
    // Queued with this instance's lease, so it can send at once without claiming the row first.
    e.leaseOwner = worker.owner();
    e.leaseUntil = now.plus(config.outbox().lease());
    return e;
  }

  private void insertGroup(List<Queued> group) {
    QuarkusTransaction.requiringNew().run(() -> insert(group.stream().map(Queued::entry).toList()));
    for (Queued q : group) {
      q.committed().complete(q.entry().id);
      worker.deliverNow(q.due().withId(q.entry().id));
    }
  }

  /** Inserts {@code entries} on the current transaction's connection. */
  private void insert(List<OutboxEntry> entries) {
    try (Connection c = dataSource.getConnection()) {
      OutboxClaims.insert(c, entries);
    } catch (SQLException e) {
      throw new IllegalStateException("callbacks not queued: " + e.getMessage(), e);
    }
  }

  private Synchronization afterCommit(OutboxWorker.Due due) {
    return new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          worker.deliverNow(due);
        }
      }
    };
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    groups.close();
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
