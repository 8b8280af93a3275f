package org.uei.p2p.node.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.node.store.Lease;

/**
 * Claims due outbox rows in one statement pair: {@code SELECT … FOR UPDATE SKIP LOCKED} takes rows
 * no other instance is claiming at that moment, and a conditional update writes this instance's
 * lease on them. Instances polling together so split the due rows between them instead of queueing
 * on the same ones; the update's condition keeps a row from being claimed twice even where the
 * database cannot skip locked rows. A delivery is recorded under the same condition: only by the
 * lease's holder, and a new row goes in already leased to the instance that queued it.
 */
final class OutboxClaims {

  /** A claimed row's delivery data. */
  record Claimed(
      Long id,
      String targetUrl,
      String recipientId,
      byte[] body,
      String traceParent,
      Instant createdAt) {}

  private OutboxClaims() {}

  /** Claims up to {@code max} due rows for {@code owner} until {@code until}, in {@code c}. */
  static List<Claimed> claimDue(Connection c, String owner, Instant now, Instant until, int max)
      throws SQLException {
    List<Claimed> candidates = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, target_url, recipient_id, body, trace_parent, created_at FROM callback_outbox"
                + " WHERE status = ? AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?)"
                + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
      s.setString(1, OutboxStatus.PENDING.name());
      s.setObject(2, Lease.utc(now));
      s.setObject(3, Lease.utc(now));
      s.setInt(4, max);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          candidates.add(
              new Claimed(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  r.getBytes(4),
                  r.getString(5),
                  r.getObject(6, OffsetDateTime.class).toInstant()));
        }
      }
    }
    List<Claimed> claimed = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE callback_outbox SET lease_owner = ?, lease_until = ?, version = version + 1"
                + " WHERE id = ? AND status = ? AND (lease_until IS NULL OR lease_until < ?)")) {
      for (Claimed row : candidates) {
        s.setString(1, owner);
        s.setObject(2, Lease.utc(until));
        s.setLong(3, row.id());
        s.setString(4, OutboxStatus.PENDING.name());
        s.setObject(5, Lease.utc(now));
        if (s.executeUpdate() == 1) {
          claimed.add(row);
        }
      }
    }
    return claimed;
  }

  /**
   * Records the ACKed delivery of row {@code id} if {@code owner} still holds its lease, in {@code
   * c}; false when it does not (another instance took the row over, or it was recorded already).
   */
  static boolean delivered(Connection c, long id, String owner, Instant at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE callback_outbox SET status = ?, delivered_at = ?, attempts = attempts + 1,"
                + " last_error = NULL, lease_owner = NULL, lease_until = NULL,"
                + " version = version + 1 WHERE id = ? AND lease_owner = ?")) {
      s.setString(1, OutboxStatus.DELIVERED.name());
      s.setObject(2, Lease.utc(at));
      s.setLong(3, id);
      s.setString(4, owner);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * Inserts the new rows {@code entries}, each already leased to the instance that queues it or
   * already in the state its first attempt left it, in one batch on {@code c}, and sets their ids.
   * Plain statements: every callback passes here, and an entity session around a few inserts cost
   * more than the inserts.
   */
  static void insert(Connection c, List<OutboxEntry> entries) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO callback_outbox (target_url, action, transaction_id, message_id,"
                + " recipient_id, body, status, attempts, next_attempt_at, created_at, expires_at,"
                + " lease_owner, lease_until, trace_parent, delivered_at, last_error, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            new String[] {"id"})) {
      for (OutboxEntry e : entries) {
        s.setString(1, e.targetUrl);
        s.setString(2, e.action);
        s.setString(3, e.transactionId);
        s.setString(4, e.messageId);
        s.setString(5, e.recipientId);
        s.setBytes(6, e.body);
        s.setString(7, e.status.name());
        s.setInt(8, e.attempts);
        s.setObject(9, Lease.utc(e.nextAttemptAt));
        s.setObject(10, Lease.utc(e.createdAt));
        s.setObject(11, Lease.utc(e.expiresAt));
        s.setString(12, e.leaseOwner);
        s.setObject(13, Lease.utc(e.leaseUntil), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setString(14, e.traceParent);
        s.setObject(15, Lease.utc(e.deliveredAt), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setString(16, e.lastError);
        s.addBatch();
      }
      s.executeBatch();
      try (ResultSet keys = s.getGeneratedKeys()) {
        for (OutboxEntry e : entries) {
          if (!keys.next()) {
            throw new SQLException("the database returned fewer ids than callbacks inserted");
          }
          e.id = keys.getLong(1);
        }
      }
    }
  }
}
