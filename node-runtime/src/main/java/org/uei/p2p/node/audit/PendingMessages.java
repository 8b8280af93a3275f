package org.uei.p2p.node.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.uei.p2p.audit.store.LogStoreException;

/**
 * The queue of stored messages waiting for their audit-log append (table {@code audit_pending} of
 * migration {@code V3_0}). Inside a JTA transaction the data source hands out the transaction's
 * connection, so queueing commits with the message and taking commits with the append.
 */
final class PendingMessages {

  private final DataSource dataSource;

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

  /** Up to {@code max} queued messages, oldest stored first. */
  List<Pending> oldest(int max) {
    List<Pending> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT m.id, m.direction, m.action, m.transaction_id,"
                    + " m.message_id, m.body, m.headers, m.created_at FROM audit_pending p"
                    + " JOIN beckn_message m ON m.id = p.beckn_message_id ORDER BY p.beckn_message_id"
                    // In the SQL, not setMaxRows: PostgreSQL then plans for the first rows of
                    // the index, not for the whole queue (a parallel scan and sort once it grows).
                    + " LIMIT ?")) {
      s.setInt(1, max);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
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
    } catch (SQLException e) {
      throw new LogStoreException(
          "cannot read the messages waiting for the audit log: " + e.getMessage(), e);
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
