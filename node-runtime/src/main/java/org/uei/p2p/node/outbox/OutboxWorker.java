package org.uei.p2p.node.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.node.config.InstanceId;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.inbound.WorkBacklog;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.outbound.BecknSender;
import org.uei.p2p.node.outbound.SendResult;
import org.uei.p2p.node.store.GroupWriter;
import org.uei.p2p.node.tracing.MessageLog;
import org.uei.p2p.node.tracing.Tracing;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.WireReader;

/**
 * Delivers queued callbacks. A row is only ever sent by the instance holding its lease (owner, the
 * instance id, and expiry): the instance that queued it holds the lease from the insert and sends
 * it at once; a retry first claims the row ({@link OutboxClaims}: {@code FOR UPDATE SKIP LOCKED}
 * and a conditional update), so that instances sharing a database never send the same row at the
 * same time; a crashed instance's lease simply runs out and another instance's poll claims it. Each
 * outcome is recorded with the sent message, and the outcomes of attempts that end close together
 * share one transaction ({@link GroupWriter}); a crash before that commit leaves the row leased,
 * and it is sent again when the lease runs out. A callback sent before its row was written ({@link
 * CallbackOutbox#whileHandling}) has its row inserted in that transaction, already in the state its
 * first attempt left it.
 */
@ApplicationScoped
public class OutboxWorker {

  private final AtomicInteger threadNumber = new AtomicInteger();
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "uei-outbox-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private volatile boolean running = true;
  private final GroupWriter<Outcome> outcomes =
      new GroupWriter<>(
          "uei-outbox-outcomes",
          200,
          GroupWriter.UNAWAITED_WINDOW,
          this::recordGroup,
          (o, e) -> {
            Log.errorf(e, "outbox entry %s: could not record the attempt", o.due().id());
            if (o.unwritten() != null) {
              o.unwritten().written().completeExceptionally(e);
            }
          });

  /**
   * A callback sent before its row is written ({@link CallbackOutbox#whileHandling}).
   *
   * @param entry the row to insert, with the outcome of the first attempt
   * @param written completed once the row commits
   * @param resumed sent by a handling resumed after an interrupted one, which may have sent it
   */
  private record Unwritten(OutboxEntry entry, CompletableFuture<Void> written, boolean resumed) {}

  /**
   * An attempt's outcome, waiting to be recorded.
   *
   * @param trace the delivery span's context, current while the outcome is recorded and logged
   * @param unwritten the row to insert, for a callback sent before it was written; else null
   */
  private record Outcome(
      Due due, BecknSender.Attempt attempt, Instant at, Context trace, Unwritten unwritten) {}

  @Inject NodeConfig config;
  @Inject BecknSender sender;
  @Inject MeterRegistry metrics;
  @Inject WorkBacklog backlog;
  @Inject InstanceId instance;
  @Inject AgroalDataSource dataSource;
  @Inject Tracing tracing;

  /** This instance's lease owner name: its instance id. */
  public String owner() {
    return instance.value();
  }

  /**
   * A callback ready to send, with its context already parsed.
   *
   * @param id the outbox row, whose lease this instance holds
   * @param traceParent the trace the delivery continues, or null
   */
  record Due(
      Long id,
      String targetUrl,
      String recipientId,
      WireContext context,
      byte[] body,
      String traceParent,
      Instant createdAt) {
    Due withId(Long rowId) {
      return new Due(rowId, targetUrl, recipientId, context, body, traceParent, createdAt);
    }
  }

  /** Sends a row this instance queued, and holds the lease of, off the caller's thread. */
  void deliverNow(Due due) {
    if (!running) {
      return; // the lease runs out and a later poll, here or elsewhere, sends it
    }
    try {
      backlog.execute(executor, () -> attempt(due));
    } catch (RejectedExecutionException stopping) {
      // stopped meanwhile: as above
    }
  }

  /**
   * Sends a callback whose row is not written yet, off the caller's thread, then writes the row
   * with the attempt's outcome in the next outcome group; {@code written} completes once it
   * commits. A node that stops first never completes it: the message the callback answers is
   * handled again.
   */
  void sendThenWrite(OutboxEntry entry, Due due, CompletableFuture<Void> written, boolean resumed) {
    if (!running) {
      return;
    }
    try {
      backlog.execute(executor, () -> attempt(due, new Unwritten(entry, written, resumed)));
    } catch (RejectedExecutionException stopping) {
      // stopped meanwhile: as above
    }
  }

  /** Scheduler pass: claims a batch of due entries and delivers them. */
  @NodeJob
  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
  void poll() {
    if (!running) {
      return;
    }
    Instant now = Instant.now();
    Instant until = now.plus(config.outbox().lease());
    List<OutboxClaims.Claimed> claimed;
    try {
      claimed =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    try (Connection c = dataSource.getConnection()) {
                      return OutboxClaims.claimDue(
                          c, owner(), now, until, config.outbox().batchSize());
                    }
                  });
    } catch (RuntimeException e) {
      if (running) {
        throw e;
      }
      return; // the node is stopping and its database with it
    }
    for (OutboxClaims.Claimed row : claimed) {
      try {
        attempt(
            new Due(
                row.id(),
                row.targetUrl(),
                row.recipientId(),
                contextOf(row.body()),
                row.body(),
                row.traceParent(),
                row.createdAt()));
      } catch (RuntimeException e) {
        Log.errorf(e, "outbox entry %d: attempt failed", row.id());
      }
    }
  }

  /** Claims, sends and records one entry; does nothing when another attempt holds it. */
  public void deliver(Long id) {
    try {
      Due due = claim(id);
      if (due != null) {
        attempt(due);
      }
    } catch (Exception e) {
      Log.errorf(e, "outbox entry %d: attempt failed", id);
    }
  }

  private Due claim(Long id) {
    Instant now = Instant.now();
    Instant until = now.plus(config.outbox().lease());
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              int claimed =
                  OutboxEntry.update(
                      "leaseOwner = ?1, leaseUntil = ?2, version = version + 1 where id = ?3 and status = ?4"
                          + " and nextAttemptAt <= ?5 and (leaseUntil is null or leaseUntil < ?5)",
                      owner(),
                      until,
                      id,
                      OutboxStatus.PENDING,
                      now);
              if (claimed != 1) {
                return null;
              }
              OutboxEntry e = OutboxEntry.findById(id);
              return new Due(
                  e.id,
                  e.targetUrl,
                  e.recipientId,
                  contextOf(e.body),
                  e.body,
                  e.traceParent,
                  e.createdAt);
            });
  }

  private static WireContext contextOf(byte[] body) {
    try {
      return WireReader.contextOf(body);
    } catch (MessageParseException e) {
      // This node wrote the body itself; failing to read it back is a bug, not bad input.
      throw new IllegalStateException("queued callback unreadable: " + e.error().getMessage(), e);
    }
  }

  /**
   * One delivery attempt, in a span continuing the trace of the work that queued the callback (from
   * the row, so also on another instance or after a restart).
   */
  private void attempt(Due due) {
    attempt(due, null);
  }

  private void attempt(Due due, Unwritten unwritten) {
    WireContext c = due.context();
    Span span =
        tracing.start("uei.outbox.deliver", SpanKind.INTERNAL, tracing.restore(due.traceParent()));
    Tracing.describe(span, c.action(), c.transactionId(), c.messageId());
    span.setAttribute("uei.outbox.id", due.id() == null ? -1 : due.id());
    Context trace = Context.root().with(span);
    try {
      BecknSender.Attempt attempt =
          MessageLog.within(
              trace,
              c.action(),
              c.transactionId(),
              c.messageId(),
              () -> sender.attempt(due.targetUrl(), c, due.body()));
      if (!attempt.result().acked()) {
        Tracing.failed(span, attempt.result().describe());
      }
      outcomes.add(new Outcome(due, attempt, Instant.now(), trace, unwritten));
    } catch (Exception e) {
      Tracing.failed(span, e.toString());
      Log.errorf(e, "outbox entry %s: attempt failed", due.id());
      if (unwritten != null) {
        unwritten.written().completeExceptionally(e);
      }
    } finally {
      span.end();
    }
  }

  /**
   * Records a group of outcomes in one transaction: updates of existing rows, locked in id order so
   * that two instances recording overlapping groups (after a lease ran out) wait for each other
   * instead of deadlocking, and one batch insert of the rows of callbacks sent before they were
   * written.
   */
  private void recordGroup(List<Outcome> group) {
    List<Outcome> unwritten = group.stream().filter(o -> o.unwritten() != null).toList();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              group.stream()
                  .filter(o -> o.unwritten() == null)
                  .sorted(java.util.Comparator.comparing(o -> o.due().id()))
                  .forEach(this::record);
              if (!unwritten.isEmpty()) {
                unwritten.forEach(this::record);
                insert(unwritten.stream().map(o -> o.unwritten().entry()).toList());
              }
            });
    unwritten.forEach(o -> o.unwritten().written().complete(null));
  }

  private void insert(List<OutboxEntry> entries) {
    try (Connection c = dataSource.getConnection()) {
      OutboxClaims.insert(c, entries);
    } catch (SQLException e) {
      throw new IllegalStateException("sent callbacks not recorded: " + e.getMessage(), e);
    }
  }

  private void record(Outcome outcome) {
    WireContext c = outcome.due().context();
    MessageLog.within(
        outcome.trace(),
        c.action(),
        c.transactionId(),
        c.messageId(),
        () -> recordAttempt(outcome));
  }

  private Void recordAttempt(Outcome outcome) {
    Due due = outcome.due();
    BecknSender.Attempt attempt = outcome.attempt();
    SendResult result = attempt.result();
    Instant now = outcome.at();
    Unwritten unwritten = outcome.unwritten();
    OutboxEntry e;
    if (unwritten != null) {
      e = unwritten.entry();
    } else {
      if (result.acked()) {
        return recordDelivered(due, attempt, now);
      }
      // Locked, not version-checked: another instance claiming the row at this moment waits, and
      // then finds it recorded, instead of failing this whole group's commit.
      e = OutboxEntry.findById(due.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
      if (e == null || !owner().equals(e.leaseOwner)) {
        return null;
      }
    }
    if (result.httpStatus() != 0) {
      sender.store(attempt, due.context(), due.recipientId());
    }
    settle(e, result, now, unwritten != null && unwritten.resumed());
    count(e.action, e.status, e.status == OutboxStatus.DELIVERED ? e.createdAt : null, now);
    return null;
  }

  /**
   * Sets {@code e}'s state after one more attempt, answered by {@code result} at {@code now};
   * {@code resent}: an earlier copy may have reached the receiver even on a first attempt.
   */
  private void settle(OutboxEntry e, SendResult result, Instant now, boolean resent) {
    e.attempts++;
    e.leaseOwner = null;
    e.leaseUntil = null;
    if (result.acked()) {
      e.status = OutboxStatus.DELIVERED;
      e.deliveredAt = now;
      e.lastError = null;
      return;
    }
    e.lastError = truncate(result.describe());
    if (result.nacked() && result.httpStatus() == 409 && (e.attempts > 1 || resent)) {
      // A resend after an attempt whose answer was lost, or the copy a resumed handling sent
      // again: the receiver's replay guard says it has this message already.
      e.status = OutboxStatus.DELIVERED;
      e.deliveredAt = now;
      Log.infof(
          "%s %s to %s: the receiver already had it (%s)",
          e.action, e.messageId, e.targetUrl, result.describe());
    } else if (result.nacked()) {
      e.status = OutboxStatus.REFUSED;
      Log.warnf("%s %s to %s refused: %s", e.action, e.messageId, e.targetUrl, result.describe());
    } else {
      Instant next =
          now.plus(
              new Backoff(config.outbox().initialBackoff(), config.outbox().maxBackoff())
                  .after(e.attempts));
      if (next.isAfter(e.expiresAt)) {
        e.status = OutboxStatus.EXPIRED;
        Log.warnf(
            "%s %s to %s given up after %d attempts: %s",
            e.action, e.messageId, e.targetUrl, e.attempts, result.describe());
      } else {
        e.nextAttemptAt = next;
        Log.infof(
            "%s %s to %s: attempt %d failed (%s), next at %s",
            e.action, e.messageId, e.targetUrl, e.attempts, result.describe(), next);
      }
    }
  }

  /**
   * The usual outcome, an ACK, in one JDBC statement that neither loads the row (with its body) nor
   * makes Hibernate translate a query and dirty-check the group's other entities first; the row
   * lock it takes and the lease owner it checks are those of the locked read the other outcomes
   * make, so another instance that claimed the row meanwhile is left alone.
   */
  private Void recordDelivered(Due due, BecknSender.Attempt attempt, Instant now) {
    boolean ours;
    try (Connection c = dataSource.getConnection()) {
      ours = OutboxClaims.delivered(c, due.id(), owner(), now);
    } catch (SQLException e) {
      throw new IllegalStateException("outbox entry " + due.id() + ": delivery not recorded", e);
    }
    if (!ours) {
      return null;
    }
    sender.store(attempt, due.context(), due.recipientId());
    count(due.context().action(), OutboxStatus.DELIVERED, due.createdAt(), now);
    return null;
  }

  private void count(String action, OutboxStatus status, Instant deliveredSince, Instant now) {
    metrics.counter("uei.outbox.attempts", "action", action, "outcome", status.name()).increment();
    if (deliveredSince != null) {
      metrics
          .timer("uei.outbox.delivery.latency", "action", action)
          .record(java.time.Duration.between(deliveredSince, now));
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
    outcomes.close();
  }
}
