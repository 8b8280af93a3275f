package org.uei.p2p.node.console;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.outbox.OutboxEntry;
import org.uei.p2p.node.outbox.OutboxStatus;

/**
 * The callback outbox as the console shows it: how many callbacks wait, retry or were given up, the
 * rows of each kind, the last hour's backlog and delivery latency, and the operator's retry.
 */
@ApplicationScoped
public class OutboxView {

  /** Most rows one list shows, newest first. */
  static final int MAX_ROWS = 200;

  @Inject NodeConfig config;

  /** The kinds of callback the console lists, as the operator thinks of them. */
  public enum Kind {
    /** Queued, not yet tried. */
    PENDING("status = ?1 and attempts = 0", OutboxStatus.PENDING),
    /** Tried and waiting for its next attempt. */
    RETRYING("status = ?1 and attempts > 0", OutboxStatus.PENDING),
    /** The receiver answered NACK. */
    REFUSED("status = ?1", OutboxStatus.REFUSED),
    /** Not delivered before its maximum age. */
    EXPIRED("status = ?1", OutboxStatus.EXPIRED),
    /** ACKed by the receiver. */
    DELIVERED("status = ?1", OutboxStatus.DELIVERED);

    final String where;
    final OutboxStatus status;

    Kind(String where, OutboxStatus status) {
      this.where = where;
      this.status = status;
    }

    /** The kind named in a URL, e.g. {@code retrying}; PENDING for anything else. */
    public static Kind parse(String name) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(name)) {
          return k;
        }
      }
      return PENDING;
    }

    /** Lower-case name for URLs. */
    public String slug() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One callback row, without its body. */
  @TemplateData
  public record Row(
      long id,
      String action,
      String transactionId,
      String messageId,
      String recipientId,
      String targetUrl,
      String status,
      int attempts,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant deliveredAt,
      String lastError,
      boolean retryable) {}

  /** One five-minute bucket of the last hour. */
  @TemplateData
  public record Bucket(Instant start, long backlog, long delivered, long averageLatencyMillis) {}

  /** How many callbacks of each kind there are, in {@link Kind} order. */
  @Transactional
  public Map<Kind, Long> counts() {
    Map<Kind, Long> out = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      out.put(k, OutboxEntry.count(k.where, k.status));
    }
    return out;
  }

  /** Age of the oldest undelivered callback still being tried, or zero. */
  @Transactional
  public Duration oldestPendingAge(Instant now) {
    Instant oldest =
        OutboxEntry.getEntityManager()
            .createQuery(
                "select min(e.createdAt) from OutboxEntry e where e.status = :s", Instant.class)
            .setParameter("s", OutboxStatus.PENDING)
            .getSingleResult();
    return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
  }

  /** The newest {@link #MAX_ROWS} callbacks of one kind. */
  @Transactional
  public List<Row> list(Kind kind) {
    List<OutboxEntry> rows =
        OutboxEntry.find(kind.where + " order by id desc", kind.status).page(0, MAX_ROWS).list();
    return rows.stream().map(OutboxView::row).toList();
  }

  /** Every callback of one transaction, oldest first. */
  @Transactional
  public List<Row> byTransaction(String transactionId) {
    List<OutboxEntry> rows = OutboxEntry.list("transactionId = ?1 order by id", transactionId);
    return rows.stream().map(OutboxView::row).toList();
  }

  private static Row row(OutboxEntry e) {
    return new Row(
        e.id,
        e.action,
        e.transactionId,
        e.messageId,
        e.recipientId,
        e.targetUrl,
        e.status.name(),
        e.attempts,
        e.createdAt,
        e.status == OutboxStatus.PENDING ? e.nextAttemptAt : null,
        e.deliveredAt,
        e.lastError,
        e.status != OutboxStatus.DELIVERED);
  }

  /**
   * Sends a callback again as soon as the outbox worker next looks: one still being tried at once,
   * one refused or expired with a fresh maximum age. A row another instance is sending right now
   * (its lease runs) is left alone, so no callback goes out twice at the same time.
   *
   * @return whether the row was queued again
   */
  @Transactional
  public boolean retry(long id, Instant now) {
    int changed =
        OutboxEntry.update(
            "status = ?1, nextAttemptAt = ?2, expiresAt = ?3, version = version + 1"
                + " where id = ?4 and status <> ?5 and (leaseUntil is null or leaseUntil < ?2)",
            OutboxStatus.PENDING,
            now,
            now.plus(config.outbox().maxAge()),
            id,
            OutboxStatus.DELIVERED);
    return changed == 1;
  }

  /**
   * The last hour in five-minute buckets: callbacks undelivered at the end of each bucket, and
   * those delivered in it with their average time from queueing to ACK.
   */
  @Transactional
  public List<Bucket> lastHour(Instant now) {
    Instant from = now.minus(Duration.ofHours(1));
    List<OutboxEntry> rows =
        OutboxEntry.list(
            "createdAt <= ?1 and (deliveredAt is null or deliveredAt >= ?2)"
                + " and (status = ?3 or status = ?4 or expiresAt >= ?2)",
            now,
            from,
            OutboxStatus.PENDING,
            OutboxStatus.DELIVERED);
    List<Bucket> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Instant start = from.plus(Duration.ofMinutes(5L * i));
      Instant end = start.plus(Duration.ofMinutes(5));
      long backlog = 0;
      long delivered = 0;
      long latency = 0;
      for (OutboxEntry e : rows) {
        boolean queued = !e.createdAt.isAfter(end);
        boolean done = e.status != OutboxStatus.PENDING && doneBy(e, end);
        if (queued && !done) {
          backlog++;
        }
        if (e.deliveredAt != null
            && !e.deliveredAt.isBefore(start)
            && e.deliveredAt.isBefore(end)) {
          delivered++;
          latency += Duration.between(e.createdAt, e.deliveredAt).toMillis();
        }
      }
      out.add(new Bucket(start, backlog, delivered, delivered == 0 ? 0 : latency / delivered));
    }
    return out;
  }

  private static boolean doneBy(OutboxEntry e, Instant t) {
    Instant doneAt = e.deliveredAt != null ? e.deliveredAt : e.expiresAt;
    return e.status == OutboxStatus.REFUSED || !doneAt.isAfter(t);
  }
}
