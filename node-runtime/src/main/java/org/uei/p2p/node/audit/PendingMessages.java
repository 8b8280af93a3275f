package org.uei.p2p.node.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.uei.p2p.audit.store.LogStoreException;

/**
 * The queue of stored messages waiting for their audit-log append (table {@code audit_pending} of
 * migration {@code V3_0}). Inside a JTA transaction the data source hands out the transaction's
 * connection, so queueing commits with the message and taking commits with the append. The messages
 * themselves are kept in memory from their commit to their append, so that under load the appender
 * reads only the queue's keys; after a restart, or for a message another instance stored, it reads
 * the message by its key.
 */
final class PendingMessages {

  /** Most body and header bytes kept in memory between the messages' commit and their append. */
  static final long RECENT_BYTES = 16L << 20;

  private final DataSource dataSource;
  private final Map<Long, Pending> recent = new ConcurrentHashMap<>();
  private final AtomicLong recentBytes = new AtomicLong();

  PendingMessages(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Queues the stored message {@code rowId}. */
  void add(long rowId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("INSERT INTO audit_pending (beckn_message_id) VALUES (?)")) {
      s.setLong(1, rowId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new LogStoreException(
          "cannot queue message " + rowId + " for the audit log: " + e.getMessage(), e);
    }
  }

  /**
   * Keeps a message whose queueing just committed, so that its append need not read it back. Only
   * within {@link #RECENT_BYTES}: a message not kept is read from the database when its turn comes.
   */
  void committed(Pending message) {
    long size = size(message);
    if (recentBytes.addAndGet(size) <= RECENT_BYTES) {
      recent.put(message.rowId(), message);
    } else {
      recentBytes.addAndGet(-size);
    }
  }

  /** How many messages are kept in memory now. */
  int keptCount() {
    return recent.size();
  }

  private void forget(long rowId) {
    Pending p = recent.remove(rowId);
    if (p != null) {
      recentBytes.addAndGet(-size(p));
    }
  }

  private static long size(Pending p) {
    return p.body().length + 2L * p.headers().length();
  }

  /** Up to {@code max} queued messages, oldest stored first. */
  List<Pending> oldest(int max) {
    List<Long> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              // In the SQL, not setMaxRows: PostgreSQL then plans for the first rows of the index,
              // not for the whole queue.
              "SELECT beckn_message_id FROM audit_pending ORDER BY beckn_message_id LIMIT ?")) {
        s.setInt(1, max);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            ids.add(r.getLong(1));
          }
        }
      }
      if (!ids.isEmpty()) {
        // Kept messages below the queue's head left it without this instance's append (another
        // instance appended them, or they were quarantined): they will not be asked for.
        long head = ids.get(0);
        recent.keySet().stream().filter(id -> id < head).toList().forEach(this::forget);
      }
      return messages(c, ids);
    } catch (SQLException e) {
      throw new LogStoreException(
          "cannot read the messages waiting for the audit log: " + e.getMessage(), e);
    }
  }

  /**
   * The queued messages {@code ids}: those this instance kept, the others read one by one by key.
   * Not one join of the queue with the messages: a planner without fresh statistics on a growing
   * table joins them by reading every message ever stored, at every pass.
   */
  private List<Pending> messages(Connection c, List<Long> ids) throws SQLException {
    List<Pending> out = new ArrayList<>(ids.size());
    PreparedStatement read = null;
    try {
      for (Long id : ids) {
        Pending kept = recent.get(id);
        if (kept != null) {
          out.add(kept);
          continue;
        }
        if (read == null) {
          read =
              c.prepareStatement(
                  "SELECT id, direction, action, transaction_id, message_id, body, headers,"
                      + " created_at FROM beckn_message WHERE id = ?");
        }
        read.setLong(1, id);
        try (ResultSet r = read.executeQuery()) {
          if (!r.next()) {
            throw new LogStoreException("queued message " + id + " is not in the message store");
          }
          out.add(
              new Pending(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getBytes(6),
                  r.getString(7),
                  r.getObject(8, OffsetDateTime.class).toInstant()));
        }
      }
    } finally {
      if (read != null) {
        read.close();
      }
    }
    return out;
  }

  /** Takes {@code rows} off the queue. */
  void remove(List<Pending> rows) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM audit_pending WHERE beckn_message_id = ?")) {
      for (Pending p : rows) {
        s.setLong(1, p.rowId());
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new LogStoreException(
          "cannot take appended messages off the audit queue: " + e.getMessage(), e);
    }
    // Should the caller's transaction roll back, the rows are read from the database again.
    rows.forEach(p -> forget(p.rowId()));
  }

  /** One stored message, as much of it as its log entry needs. */
  record Pending(
      long rowId,
      String direction,
      String action,
      String transactionId,
      String messageId,
      byte[] body,
      String headers,
      Instant createdAt) {}
}
