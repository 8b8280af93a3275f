package org.uei.p2p.node.inbound;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.store.Databases;
import org.uei.p2p.node.store.GroupWriter;
import org.uei.p2p.node.store.HandlingClaims;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.tracing.MessageLog;
import org.uei.p2p.node.tracing.Tracing;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.WireEnvelope;
import org.uei.p2p.node.wire.WireReader;
import org.uei.p2p.node.wire.Wires;

/**
 * Hands ACKed messages to the node's handler off the request thread, and hands over stored messages
 * whose handling a crash interrupted: at start-up, and every few seconds those an instance that
 * died had stored ({@link HandlingClaims}: the instance that stores a message holds its handling
 * lease, {@code uei.inbound.handling-lease}, and another takes it over when it runs out).
 *
 * <p>Messages are marked handled in groups ({@link GroupWriter}, one update per {@link
 * GroupWriter#UNAWAITED_WINDOW} of finished handlers) instead of one transaction each. A node that
 * dies between a handler's end and its mark handles that message again at start-up, as it would if
 * it died just before the mark; handlers treat a resumed message as a repeat. A message whose
 * handler's callbacks were sent before they were written ({@link CallbackOutbox#whileHandling}) is
 * marked only once they are written.
 */
@ApplicationScoped
public class InboundDispatcher {

  @Inject BecknHandler handler;
  @Inject org.uei.p2p.node.store.MessageStore store;
  @Inject WorkBacklog backlog;
  @Inject NodeConfig config;
  @Inject HandlingClaims claims;
  @Inject AgroalDataSource dataSource;
  @Inject Tracing tracing;
  @Inject CallbackOutbox outbox;

  /** Messages claimed per pass when resuming. */
  private static final int BATCH = 100;

  private volatile boolean running = true;

  private final GroupWriter<Long> handled =
      new GroupWriter<>(
          "uei-handled-marks", 1000, GroupWriter.UNAWAITED_WINDOW, ids -> store.markHandled(ids));

  private final AtomicInteger threadNumber = new AtomicInteger();
  // Handlers mostly wait for a group commit of their callbacks: more threads make larger groups.
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          Math.max(8, Runtime.getRuntime().availableProcessors() * 4),
          r -> {
            Thread t = new Thread(r, "uei-handler-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  /**
   * Runs the handler for {@code message} asynchronously, in the trace of the request that brought
   * it: callbacks it queues and requests it sends continue that trace.
   */
  public void dispatch(InboundMessage message) {
    Context request = Context.current();
    backlog.execute(executor, () -> run(message, request, false));
  }

  /** Handles {@code message} in a {@code uei.inbound.handle} span, child of {@code parent}. */
  private void run(InboundMessage message, Context parent, boolean resumed) {
    WireContext c = message.wireContext();
    Span span = tracing.start("uei.inbound.handle", SpanKind.INTERNAL, parent);
    Tracing.describe(span, message.actionName(), c.transactionId(), c.messageId());
    try {
      MessageLog.within(
          parent.with(span),
          message.actionName(),
          c.transactionId(),
          c.messageId(),
          () -> handle(message, span, resumed));
    } finally {
      span.end();
    }
  }

  private Void handle(InboundMessage message, Span span, boolean resumed) {
    CompletableFuture<Void> callbacksWritten =
        outbox.whileHandling(
            resumed,
            () -> {
              try {
                handler.handle(message);
              } catch (Exception e) {
                Tracing.failed(span, e.toString());
                // A handler that throws will throw again on the same message: marking it handled
                // keeps it from being resumed at every start. Only a process that dies
                // mid-handling leaves it open.
                Log.errorf(
                    e,
                    "handling %s %s of transaction %s failed",
                    message.actionName(),
                    message.wireContext().messageId(),
                    message.wireContext().transactionId());
              }
            });
    if (message.storedId() != null) {
      // Not before the callbacks sent ahead of their rows are written: until then a crash must
      // leave the message to be handled again.
      callbacksWritten.thenRun(() -> handled.add(message.storedId()));
    }
    return null;
  }

  /**
   * At start, takes over the messages left unhandled: on H2, which one process owns, every one
   * stored before this process started, whatever its lease says; on a shared database, those whose
   * lease ran out.
   */
  void recover(@Observes StartupEvent event) {
    Instant before =
        isH2()
            ? Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())
            : Instant.EPOCH;
    executor.execute(() -> resume(before));
  }

  /**
   * Takes over messages stored by an instance that died before it handled them, once their handling
   * lease ran out.
   */
  @NodeJob
  @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void resumeOrphans() {
    if (running) {
      resume(Instant.EPOCH);
    }
  }

  /**
   * Claims and handles unhandled messages whose lease ran out, or that were stored before {@code
   * storedBefore}.
   */
  private void resume(Instant storedBefore) {
    WireReader reader = new WireReader(Wires.parse(config.wire()), handler::accepts);
    try {
      List<StoredMessage> claimed;
      do {
        claimed =
            claims.claim(Instant.now(), storedBefore, config.inbound().handlingLease(), BATCH);
        for (StoredMessage m : claimed) {
          WireEnvelope parsed;
          try {
            parsed = reader.read(m.body, m.action);
          } catch (MessageParseException e) {
            // Stored under other settings (a wire or action since switched off): leave it stored.
            Log.warnf("not resuming %s %s: %s", m.action, m.messageId, e.error().getMessage());
            continue;
          }
          Log.infof(
              "resuming %s %s, stored by %s and never handled",
              m.action, m.messageId, m.handlingOwner == null ? "an earlier run" : m.handlingOwner);
          // The request's trace ended with the instance that took it; handling starts a new one.
          run(new InboundMessage(m.id, parsed, m.senderId, m.createdAt), Context.root(), true);
        }
      } while (claimed.size() == BATCH && running);
    } catch (Exception e) {
      if (running) {
        Log.error("could not resume unhandled messages", e);
      }
    }
  }

  private boolean isH2() {
    try (Connection c = dataSource.getConnection()) {
      return Databases.isH2(c);
    } catch (SQLException e) {
      return false;
    }
  }

  // A stop lets the handlings under way finish, the outbox then sends what they queued and writes
  // the outcomes (at the default priority, APPLICATION + 500), and only then are the last marks
  // written: each mark waits for its message's callbacks to be written, so a mark writer closed
  // first would leave handled messages to be handled again at the next start.
  void stop(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) ShutdownEvent event)
      throws InterruptedException {
    running = false;
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  void closeMarks(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) ShutdownEvent event) {
    handled.close();
  }
}
