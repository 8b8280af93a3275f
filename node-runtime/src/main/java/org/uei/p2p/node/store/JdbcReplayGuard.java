package org.uei.p2p.node.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The replay guard in table {@code replay_guard}, keyed by its primary key. Plain statements on the
 * caller's transaction connection: the guard is looked up and written on every received message,
 * where an entity session would cost more than the statements themselves.
 */
@ApplicationScoped
public class JdbcReplayGuard implements ReplayGuard {

  private static final String WHERE_KEY = " WHERE sender_id = ? AND message_id = ? AND action = ?";

  @Inject AgroalDataSource dataSource;

  @Override
  public Entry lookUp(Key key, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      Instant expires = expiresAt(c, key);
      return expires == null ? Entry.NONE : expires.isAfter(at) ? Entry.LIVE : Entry.EXPIRED;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the replay guard: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean claim(Key key, Instant at, Instant expiresAt) {
    return claim(key, at, expiresAt, null);
  }

  @Override
  public boolean claim(Key key, Instant at, Instant expiresAt, Entry lookedUp) {
    try (Connection c = dataSource.getConnection()) {
      if (c.getAutoCommit()) {
        throw new IllegalStateException("a replay guard claim needs the caller's transaction");
      }
      if (lookedUp == Entry.NONE) {
        // Nearly every message is new: one statement instead of a read and a write.
        insert(c, key, expiresAt);
        return true;
      }
      Instant existing = expiresAt(c, key);
      if (existing == null) {
        insert(c, key, expiresAt);
        return true;
      }
      // An expired entry is renewed only if it is still expired: a concurrent claim that renewed
      // it first wins, and this one is the copy.
      return !existing.isAfter(at) && renew(c, key, at, expiresAt);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim " + key + ": " + e.getMessage(), e);
    }
  }

  private static Instant expiresAt(Connection c, Key key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT expires_at FROM replay_guard" + WHERE_KEY)) {
      bindKey(s, 1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getObject(1, OffsetDateTime.class).toInstant() : null;
      }
    }
  }

  private static void insert(Connection c, Key key, Instant expiresAt) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO replay_guard (sender_id, message_id, action, expires_at)"
                + " VALUES (?, ?, ?, ?)")) {
      bindKey(s, 1, key);
      s.setObject(4, Lease.utc(expiresAt));
      s.executeUpdate();
    }
  }

  private static boolean renew(Connection c, Key key, Instant at, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE replay_guard SET expires_at = ?" + WHERE_KEY + " AND expires_at <= ?")) {
      s.setObject(1, Lease.utc(expiresAt));
      bindKey(s, 2, key);
      s.setObject(5, Lease.utc(at));
      return s.executeUpdate() == 1;
    }
  }

  private static void bindKey(PreparedStatement s, int first, Key key) throws SQLException {
    s.setString(first, key.senderId());
    s.setString(first + 1, key.messageId());
    s.setString(first + 2, key.action());
  }
}
