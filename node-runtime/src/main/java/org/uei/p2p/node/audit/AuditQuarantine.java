package org.uei.p2p.node.audit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.uei.p2p.audit.store.LogStoreException;

/**
 * Stored messages the audit log could not append (table {@code audit_quarantine}, migration {@code
 * V4_0}). A message that fails on its own is moved here so that it cannot hold up every message
 * after it; the move raises an alarm: an error in the log, the counter {@code
 * uei.audit.quarantined} and a readiness check ({@code audit-log}) that stays DOWN until an
 * operator has removed the rows (after appending or accounting for those messages).
 */
@ApplicationScoped
@Readiness
@Default
public class AuditQuarantine implements HealthCheck {

  @Inject AgroalDataSource dataSource;
  @Inject MeterRegistry metrics;

  /**
   * Moves stored message {@code rowId} from the append queue to quarantine, in a transaction of its
   * own; does nothing when the message is no longer queued (another instance appended it).
   */
  void add(long rowId, String reason) {
    String why =
        reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    boolean moved = QuarkusTransaction.requiringNew().call(() -> move(rowId, why));
    if (moved) {
      metrics.counter("uei.audit.quarantined").increment();
      Log.errorf(
          "audit log: stored message %d cannot be appended and is quarantined (readiness DOWN): %s",
          rowId, why);
    }
  }

  private boolean move(long rowId, String reason) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement take =
            c.prepareStatement("DELETE FROM audit_pending WHERE beckn_message_id = ?");
        PreparedStatement put =
            c.prepareStatement(
                "INSERT INTO audit_quarantine (beckn_message_id, reason, quarantined_at) VALUES (?, ?, ?)")) {
      take.setLong(1, rowId);
      if (take.executeUpdate() == 0) {
        return false;
      }
      put.setLong(1, rowId);
      put.setString(2, reason);
      put.setTimestamp(3, Timestamp.from(Instant.now()));
      put.executeUpdate();
      return true;
    } catch (SQLException e) {
      throw new LogStoreException("cannot quarantine message " + rowId + ": " + e.getMessage(), e);
    }
  }

  /** How many messages are quarantined, and the oldest one's id (0 when none). */
  long[] countAndOldest() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*), COALESCE(MIN(beckn_message_id), 0) FROM audit_quarantine");
        ResultSet r = s.executeQuery()) {
      r.next();
      return new long[] {r.getLong(1), r.getLong(2)};
    } catch (SQLException e) {
      throw new LogStoreException("cannot read the audit quarantine: " + e.getMessage(), e);
    }
  }

  @Override
  public HealthCheckResponse call() {
    long[] q = countAndOldest();
    return HealthCheckResponse.named("audit-log")
        .status(q[0] == 0)
        .withData("quarantinedMessages", q[0])
        .withData("oldestQuarantinedMessage", q[1])
        .build();
  }
}
