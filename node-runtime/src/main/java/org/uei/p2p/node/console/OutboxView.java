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

  /**
   * Most callbacks the last hour's chart reads: far above what a node sends in an hour, a bound on
   * what one page view costs when a peer floods it.
   */
  static final int MAX_HOUR_ROWS = 50_000;

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
    return rows(kind.where + " order by id desc", kind.status, MAX_ROWS);
  }

  /** Every callback of one transaction, oldest first (at most {@link #MAX_ROWS}). */
  @Transactional
  public List<Row> byTransaction(String transactionId) {
    return rows("transactionId = ?1 order by id", transactionId, MAX_ROWS);
  }

  /** The rows matching {@code where}, without their bodies (which the console never shows). */
  private static List<Row> rows(String where, Object param, int max) {
    List<Object[]> rows =
        OutboxEntry.getEntityManager()
            .createQuery(
                "select id, action, transactionId, messageId, recipientId, targetUrl, status,"
                    + " attempts, createdAt, nextAttemptAt, deliveredAt, lastError"
                    + " from OutboxEntry where "
                    + where,
                Object[].class)
            .setParameter(1, param)
            .setMaxResults(max)
            .getResultList();
    return rows.stream().map(OutboxView::row).toList();
  }

  private static Row row(Object[] r) {
    OutboxStatus status = (OutboxStatus) r[6];
    return new Row(
        (Long) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        status.name(),
        (Integer) r[7],
        (Instant) r[8],
        status == OutboxStatus.PENDING ? (Instant) r[9] : null,
        (Instant) r[10],
        (String) r[11],
        status != OutboxStatus.DELIVERED);
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
    // Four columns per callback, never the bodies; the newest MAX_HOUR_ROWS at most.
    List<Object[]> rows =
        OutboxEntry.getEntityManager()
            .createQuery(
                "select createdAt, deliveredAt, expiresAt, status from OutboxEntry"
                    + " where createdAt <= ?1 and (deliveredAt is null or deliveredAt >= ?2)"
                    + " and (status = ?3 or status = ?4 or expiresAt >= ?2) order by id desc",
                Object[].class)
            .setParameter(1, now)
            .setParameter(2, from)
            .setParameter(3, OutboxStatus.PENDING)
            .setParameter(4, OutboxStatus.DELIVERED)
            .setMaxResults(MAX_HOUR_ROWS)
            .getResultList();
    List<Bucket> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Instant start = from.plus(Duration.ofMinutes(5L * i));
      Instant end = start.plus(Duration.ofMinutes(5));
      long backlog = 0;
      long delivered = 0;
      long latency = 0;
      for (Object[] r : rows) {
        Instant createdAt = (Instant) r[0];
        Instant deliveredAt = (Instant) r[1];
        OutboxStatus status = (OutboxStatus) r[3];
        boolean queued = !createdAt.isAfter(end);
        boolean done =
            status != OutboxStatus.PENDING && doneBy(status, deliveredAt, (Instant) r[2], end);
        if (queued && !done) {
          backlog++;
        }
        if (deliveredAt != null && !deliveredAt.isBefore(start) && deliveredAt.isBefore(end)) {
          delivered++;
          latency += Duration.between(createdAt, deliveredAt).toMillis();
        }
      }
      out.add(new Bucket(start, backlog, delivered, delivered == 0 ? 0 : latency / delivered));
    }
    return out;
  }

  private static boolean doneBy(
      OutboxStatus status, Instant deliveredAt, Instant expiresAt, Instant t) {
    Instant doneAt = deliveredAt != null ? deliveredAt : expiresAt;
    return status == OutboxStatus.REFUSED || !doneAt.isAfter(t);
  }
}
