package org.uei.p2p.node.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.uei.p2p.audit.anchor.TreeHeadAnchor;
import org.uei.p2p.audit.store.LogStoreException;

/**
 * The counterparties' tree heads this node received as {@link TreeHeadAnchor}s, indexed by
 * transaction. The anchor also stays inside the raw stored message; this table only makes the
 * anchors of a trade listable without parsing every message.
 */
@ApplicationScoped
public class AnchorStore {

  @Inject AgroalDataSource dataSource;

  /**
   * A stored anchor.
   *
   * @param transactionId the trade it came with
   * @param messageId the message that carried it
   * @param action that message's action
   * @param senderId who sent it (whose log the anchor is of)
   * @param anchor the anchor as received
   * @param receivedAt when it was stored
   */
  public record ReceivedAnchor(
      String transactionId,
      String messageId,
      String action,
      String senderId,
      TreeHeadAnchor anchor,
      Instant receivedAt) {}

  /** Stores {@code anchor} received with a message of {@code transactionId}. */
  @Transactional
  public void record(
      String transactionId,
      String messageId,
      String action,
      String senderId,
      TreeHeadAnchor anchor) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_anchor (transaction_id, message_id, action,"
                    + " sender_id, tree_size, root_hash, sth, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, transactionId);
      s.setString(2, messageId);
      s.setString(3, action);
      s.setString(4, senderId);
      s.setLong(5, anchor.treeSize());
      s.setString(6, Base64.getEncoder().encodeToString(anchor.rootHash()));
      s.setString(7, anchor.sth());
      s.setTimestamp(8, Timestamp.from(Instant.now()));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new LogStoreException("cannot store the tree head anchor: " + e.getMessage(), e);
    }
  }

  /** The anchors received with messages of {@code transactionId}, oldest first. */
  public List<ReceivedAnchor> byTransaction(String transactionId) {
    List<ReceivedAnchor> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT transaction_id, message_id, action, sender_id,"
                    + " tree_size, root_hash, sth, received_at FROM audit_anchor WHERE transaction_id = ? ORDER BY id")) {
      s.setString(1, transactionId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          TreeHeadAnchor anchor =
              new TreeHeadAnchor(
                  r.getLong(5), Base64.getDecoder().decode(r.getString(6)), r.getString(7));
          out.add(
              new ReceivedAnchor(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  anchor,
                  r.getTimestamp(8).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new LogStoreException("cannot read tree head anchors: " + e.getMessage(), e);
    }
    return out;
  }
}
