package org.uei.p2p.node.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.uei.p2p.node.jobs.NodeJob;

/**
 * Deletes the replay guard's entries whose time has passed, which would otherwise stay for ever:
 * one row per message ever received. An expired entry guards nothing any more (a copy of its
 * message fails the time and signature checks), and the claim of a key finds it absent or expired
 * alike. Entries are kept an hour past their expiry, far beyond the clock skew the inbound checks
 * allow. Deleting is idempotent, so every instance runs it; each chunk is its own short
 * transaction, so a large backlog never holds locks for long.
 */
@ApplicationScoped
public class ReplayGuardPurge {

  /** How long an entry is kept after it expired. */
  static final Duration KEEP_EXPIRED = Duration.ofHours(1);

  private static final int CHUNK = 5_000;

  @Inject AgroalDataSource dataSource;

  @NodeJob
  @Scheduled(
      every = "10m",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      long purged = purge(Instant.now().minus(KEEP_EXPIRED), CHUNK);
      if (purged > 0) {
        Log.debugf("replay guard: %d expired entries purged", purged);
      }
    } catch (RuntimeException e) {
      Log.warnf("replay guard: purge failed, will try again (%s)", e.getMessage());
    }
  }

  /**
   * Deletes the entries that expired before {@code before}, at most {@code chunk} per transaction.
   *
   * @return how many were deleted
   */
  public long purge(Instant before, int chunk) {
    long total = 0;
    int deleted;
    do {
      deleted = QuarkusTransaction.requiringNew().call(() -> deleteChunk(before, chunk));
      total += deleted;
    } while (deleted == chunk);
    return total;
  }

  private int deleteChunk(Instant before, int chunk) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "DELETE FROM replay_guard WHERE expires_at < ? AND (sender_id, message_id, action)"
                    + " IN (SELECT sender_id, message_id, action FROM replay_guard"
                    + " WHERE expires_at < ? ORDER BY expires_at LIMIT ?)")) {
      s.setObject(1, Lease.utc(before));
      s.setObject(2, Lease.utc(before));
      s.setInt(3, chunk);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot purge the replay guard: " + e.getMessage(), e);
    }
  }
}
