package org.uei.p2p.node.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.outbound.BecknSender;
import org.uei.p2p.node.outbound.SendResult;

/**
 * Delivers queued callbacks. Each attempt first claims its row with a conditional update (lease
 * owner and expiry), so that instances sharing a database never send the same row at the same
 * time; a crashed instance's lease simply runs out.
 */
@ApplicationScoped
public class OutboxWorker {

  private final String owner = "node-" + UUID.randomUUID();
  private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "uei-outbox");
    t.setDaemon(true);
    return t;
  });

  private volatile boolean running = true;

  @Inject NodeConfig config;
  @Inject BecknSender sender;
  @Inject MeterRegistry metrics;

  /** This instance's lease owner name. */
  public String owner() {
    return owner;
  }

  /** Tries to deliver one entry at once, off the caller's thread. */
  void deliverSoon(Long id) {
    if (running) {
      executor.execute(() -> deliver(id));
    }
  }

  /** Scheduler pass: claims and delivers every due entry. */
  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
  void poll() {
    if (!running) {
      return;
    }
    Instant now = Instant.now();
    List<Long> due = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.find(
            "status = ?1 and nextAttemptAt <= ?2 and (leaseUntil is null or leaseUntil < ?2) order by nextAttemptAt",
            OutboxStatus.PENDING, now)
        .page(0, config.outbox().batchSize()).list().stream().map(e -> ((OutboxEntry) e).id).toList());
    for (Long id : due) {
      deliver(id);
    }
  }

  /** Claims, sends and records one entry; does nothing when another attempt holds it. */
  public void deliver(Long id) {
    try {
      if (!claim(id)) {
        return;
      }
      OutboxEntry entry = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.findById(id));
      Context context = Envelopes.parse(entry.body).getContext();
      SendResult result = sender.sendBytes(entry.targetUrl, entry.recipientId, context, entry.body);
      record(id, result);
    } catch (Exception e) {
      Log.errorf(e, "outbox entry %d: attempt failed", id);
    }
  }

  private boolean claim(Long id) {
    Instant now = Instant.now();
    Instant until = now.plus(config.outbox().lease());
    return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.update(
        "leaseOwner = ?1, leaseUntil = ?2, version = version + 1 where id = ?3 and status = ?4"
            + " and nextAttemptAt <= ?5 and (leaseUntil is null or leaseUntil < ?5)",
        owner, until, id, OutboxStatus.PENDING, now) == 1);
  }

  private void record(Long id, SendResult result) {
    Instant now = Instant.now();
    QuarkusTransaction.requiringNew().run(() -> {
      OutboxEntry e = OutboxEntry.findById(id);
      if (e == null || !owner.equals(e.leaseOwner)) {
        return;
      }
      e.attempts++;
      e.leaseOwner = null;
      e.leaseUntil = null;
      e.lastError = result.acked() ? null : truncate(result.describe());
      if (result.acked()) {
        e.status = OutboxStatus.DELIVERED;
        e.deliveredAt = now;
      } else if (result.nacked()) {
        e.status = OutboxStatus.REFUSED;
        Log.warnf("%s %s to %s refused: %s", e.action, e.messageId, e.targetUrl, result.describe());
      } else {
        Instant next = now.plus(new Backoff(config.outbox().initialBackoff(), config.outbox().maxBackoff())
            .after(e.attempts));
        if (next.isAfter(e.expiresAt)) {
          e.status = OutboxStatus.EXPIRED;
          Log.warnf("%s %s to %s given up after %d attempts: %s", e.action, e.messageId, e.targetUrl,
              e.attempts, result.describe());
        } else {
          e.nextAttemptAt = next;
          Log.infof("%s %s to %s: attempt %d failed (%s), next at %s", e.action, e.messageId, e.targetUrl,
              e.attempts, result.describe(), next);
        }
      }
      metrics.counter("uei.outbox.attempts", "action", e.action, "outcome", e.status.name()).increment();
    });
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
