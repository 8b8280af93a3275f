package org.uei.p2p.node.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.store.ConcurrentAppendException;
import org.uei.p2p.audit.store.LogStore;
import org.uei.p2p.audit.store.LogStoreException;
import org.uei.p2p.audit.store.TreeLayout;

/**
 * A {@link LogStore} in the node's database (tables of migration {@code V2_0__audit_log.sql}).
 *
 * <p>Entries and hashes are only inserted: this class has no statement that updates or deletes
 * them. The tree size lives in one row that an append advances by compare-and-set, which both
 * refuses an append computed against an outdated size and serialises writers of several node
 * instances on the same database. Inside a JTA transaction the data source hands out the
 * transaction's connection, so an append commits or rolls back with the caller's work.
 */
public final class JdbcLogStore implements LogStore {

  private final DataSource dataSource;

  public JdbcLogStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public long size() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT tree_size FROM audit_log_size WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        throw new LogStoreException("audit_log_size has no row: the V2_0 migration did not run");
      }
      return r.getLong(1);
    } catch (SQLException e) {
      throw new LogStoreException("cannot read the audit log size: " + e.getMessage(), e);
    }
  }

  /**
   * Blocks until no other transaction is appending, and keeps it so until the caller's transaction
   * ends; returns the size then. Call inside a transaction before appending.
   */
  public long lockForAppend() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT tree_size FROM audit_log_size WHERE id = 1 FOR UPDATE");
        ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        throw new LogStoreException("audit_log_size has no row: the V2_0 migration did not run");
      }
      return r.getLong(1);
    } catch (SQLException e) {
      throw new LogStoreException("cannot lock the audit log: " + e.getMessage(), e);
    }
  }

  @Override
  public void append(long index, byte[] entry, byte[][] hashes) {
    appendAll(index, List.of(entry), List.<byte[][]>of(hashes));
  }

  /**
   * Appends the entries in three statements whatever their number: the size moved by
   * compare-and-set, then the entries and their hashes as two batches.
   */
  @Override
  public void appendAll(long index, List<byte[]> entries, List<byte[][]> hashes) {
    TreeLayout.checkAppendAll(index, entries, hashes);
    List<String> transactionIds = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      transactionIds.add(EntryCodec.decode(entries.get(i)).transactionId());
    }
    if (entries.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      boolean own = c.getAutoCommit();
      if (own) {
        // Outside a transaction the size, the entries and their hashes still go in together or not
        // at all.
        c.setAutoCommit(false);
      }
      try {
        insert(c, index, transactionIds, entries, hashes);
        if (own) {
          c.commit();
        }
      } catch (SQLException | RuntimeException e) {
        if (own) {
          c.rollback();
        }
        throw e;
      } finally {
        if (own) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new LogStoreException(
          "cannot append audit log entries from " + index + ": " + e.getMessage(), e);
    }
  }

  private void insert(
      Connection c,
      long index,
      List<String> transactionIds,
      List<byte[]> entries,
      List<byte[][]> hashes)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE audit_log_size SET tree_size = ? WHERE id = 1 AND tree_size = ?")) {
      s.setLong(1, index + entries.size());
      s.setLong(2, index);
      if (s.executeUpdate() != 1) {
        throw new ConcurrentAppendException(index, currentSize(c));
      }
    }
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_log_entry (idx, transaction_id, entry, created_at) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < entries.size(); i++) {
        s.setLong(1, index + i);
        s.setString(2, transactionIds.get(i));
        s.setBytes(3, entries.get(i));
        s.setTimestamp(4, now);
        s.addBatch();
      }
      s.executeBatch();
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO audit_log_hash (pos, hash) VALUES (?, ?)")) {
      // Consecutive leaves' hashes are consecutive positions.
      long pos = TreeLayout.hashCount(index);
      for (byte[][] group : hashes) {
        for (byte[] h : group) {
          s.setLong(1, pos++);
          s.setBytes(2, h);
          s.addBatch();
        }
      }
      s.executeBatch();
    }
  }

  private static long currentSize(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT tree_size FROM audit_log_size WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : -1;
    }
  }

  @Override
  public byte[] entry(long index) {
    byte[] bytes = single("SELECT entry FROM audit_log_entry WHERE idx = ?", index);
    if (bytes == null) {
      throw new IndexOutOfBoundsException("no entry " + index + " in the audit log");
    }
    return bytes;
  }

  @Override
  public byte[] subtreeHash(int level, long index) {
    TreeLayout.checkComplete(level, index, size());
    byte[] hash =
        single("SELECT hash FROM audit_log_hash WHERE pos = ?", TreeLayout.position(level, index));
    if (hash == null) {
      throw new LogStoreException(
          "audit log hash at level " + level + ", index " + index + " is missing");
    }
    return hash;
  }

  /**
   * Entries {@code from} (inclusive) to {@code to} (exclusive) with their stored leaf hashes, in
   * two range queries rather than two per entry.
   */
  public List<StoredEntry> range(long from, long to) {
    List<StoredEntry> out = new ArrayList<>();
    if (from >= to) {
      return out;
    }
    Map<Long, byte[]> hashes = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT pos, hash FROM audit_log_hash WHERE pos >= ? AND pos <= ?")) {
        s.setLong(1, TreeLayout.position(0, from));
        s.setLong(2, TreeLayout.position(0, to - 1));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            hashes.put(r.getLong(1), r.getBytes(2));
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT idx, entry FROM audit_log_entry WHERE idx >= ? AND idx < ? ORDER BY idx")) {
        s.setLong(1, from);
        s.setLong(2, to);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            long idx = r.getLong(1);
            out.add(new StoredEntry(idx, r.getBytes(2), hashes.get(TreeLayout.position(0, idx))));
          }
        }
      }
    } catch (SQLException e) {
      throw new LogStoreException(
          "cannot read audit log entries " + from + ".." + to + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Indexes of the entries that belong to {@code transactionId}, ascending. */
  public List<Long> indexesOf(String transactionId) {
    List<Long> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT idx FROM audit_log_entry WHERE transaction_id = ? ORDER BY idx")) {
      s.setString(1, transactionId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new LogStoreException(
          "cannot list audit log entries of " + transactionId + ": " + e.getMessage(), e);
    }
    return out;
  }

  private byte[] single(String sql, long key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw new LogStoreException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  /**
   * One stored leaf.
   *
   * @param index its index
   * @param entry the canonical entry bytes as stored
   * @param leafHash the leaf hash as stored (null only if the row is missing)
   */
  public record StoredEntry(long index, byte[] entry, byte[] leafHash) {}
}
