package org.uei.p2p.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One row of {@code node_lease}: a role that one instance of the node holds at a time, for {@code
 * duration} after each renewal. Times are the database's, so instances whose clocks differ still
 * agree on when a lease ran out. Every call is one statement of its own: call it outside a
 * transaction.
 */
public final class Lease {

  /**
   * Who holds a lease, and until when.
   *
   * @param holder the holding instance's id
   * @param until when the lease runs out unless renewed
   */
  public record Holder(String holder, Instant until) {}

  private final DataSource dataSource;
  private final String name;
  private final String instance;
  private final Duration duration;

  /** The lease {@code name}, as seen by {@code instance}. */
  public Lease(DataSource dataSource, String name, String instance, Duration duration) {
    this.dataSource = dataSource;
    this.name = name;
    this.instance = instance;
    this.duration = duration;
  }

  /**
   * Takes the lease when it is free or ran out, or renews it when this instance holds it.
   *
   * @return whether this instance holds it now, for {@code duration} from the call
   */
  public boolean acquire() {
    try (Connection c = dataSource.getConnection()) {
      Instant now = databaseNow(c);
      create(c);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE node_lease SET lease_until = ?, acquired_at = CASE WHEN holder = ?"
                  + " THEN acquired_at ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END, holder = ?"
                  + " WHERE name = ? AND (holder = ? OR holder IS NULL OR lease_until IS NULL"
                  + " OR lease_until < ?)")) {
        s.setObject(1, utc(now.plus(duration)));
        s.setString(2, instance);
        s.setObject(3, utc(now));
        s.setString(4, instance);
        s.setString(5, name);
        s.setString(6, instance);
        s.setObject(7, utc(now));
        return s.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("lease '" + name + "': " + e.getMessage(), e);
    }
  }

  /** Gives the lease up at once if this instance holds it, so that another need not wait. */
  public void release() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE node_lease SET holder = NULL, lease_until = NULL"
                    + " WHERE name = ? AND holder = ?")) {
      s.setString(1, name);
      s.setString(2, instance);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("lease '" + name + "': " + e.getMessage(), e);
    }
  }

  /** The current holder, if any holds it and its lease has not run out. */
  public Optional<Holder> holder() {
    try (Connection c = dataSource.getConnection()) {
      Instant now = databaseNow(c);
      try (PreparedStatement s =
          c.prepareStatement("SELECT holder, lease_until FROM node_lease WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || r.getString(1) == null) {
            return Optional.empty();
          }
          Instant until = r.getObject(2, OffsetDateTime.class).toInstant();
          return until.isBefore(now)
              ? Optional.empty()
              : Optional.of(new Holder(r.getString(1), until));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("lease '" + name + "': " + e.getMessage(), e);
    }
  }

  private void create(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO node_lease (name) SELECT CAST(? AS VARCHAR(100))"
                + " WHERE NOT EXISTS (SELECT 1 FROM node_lease WHERE name = ?)")) {
      s.setString(1, name);
      s.setString(2, name);
      s.executeUpdate();
    } catch (SQLException e) {
      if (!Causes.isConstraintViolation(e)) {
        throw e;
      }
      // another instance created it at the same moment
    }
  }

  static Instant databaseNow(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  /**
   * {@code t} as a UTC {@link OffsetDateTime}, the form both databases bind exactly; {@code null}
   * for {@code null}, to bind a column left empty.
   */
  public static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
