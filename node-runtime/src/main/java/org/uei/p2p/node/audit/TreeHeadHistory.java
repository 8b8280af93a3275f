package org.uei.p2p.node.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.audit.store.LogStoreException;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * Every tree head this node signed, in table {@code audit_tree_head}. Heads are only inserted; a
 * head read back is re-verified with the node's own key, so a row edited in the database is
 * reported rather than served.
 */
final class TreeHeadHistory {

  private final DataSource dataSource;
  private final Ed25519PublicKey ownKey;

  TreeHeadHistory(DataSource dataSource, Ed25519PublicKey ownKey) {
    this.dataSource = dataSource;
    this.ownKey = ownKey;
  }

  void add(SignedTreeHead head) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_tree_head (tree_size, root_hash, jws, created_at) VALUES (?, ?, ?, ?)")) {
      s.setLong(1, head.treeSize());
      s.setString(2, head.head().rootHashBase64());
      s.setString(3, head.jws());
      s.setTimestamp(4, Timestamp.from(head.head().timestamp()));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new LogStoreException("cannot store the signed tree head: " + e.getMessage(), e);
    }
  }

  /** The most recent head, if any was signed. */
  Optional<SignedTreeHead> latest() {
    List<SignedTreeHead> heads =
        query(
            "SELECT jws FROM audit_tree_head ORDER BY tree_size DESC, id DESC FETCH FIRST 1 ROWS ONLY",
            -1);
    return heads.isEmpty() ? Optional.empty() : Optional.of(heads.get(0));
  }

  /** Heads of at most {@code maxSize} entries, oldest first. */
  List<SignedTreeHead> upTo(long maxSize) {
    return query("SELECT jws FROM audit_tree_head WHERE tree_size <= ? ORDER BY id", maxSize);
  }

  private List<SignedTreeHead> query(String sql, long maxSize) {
    List<SignedTreeHead> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (maxSize >= 0) {
        s.setLong(1, maxSize);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(SignedTreeHead.verify(r.getString(1), ownKey));
        }
      }
    } catch (SQLException e) {
      throw new LogStoreException("cannot read signed tree heads: " + e.getMessage(), e);
    } catch (TreeHeadException e) {
      throw new LogStoreException(
          "a stored signed tree head does not verify with this node's key: " + e.getMessage(), e);
    }
    return out;
  }
}
