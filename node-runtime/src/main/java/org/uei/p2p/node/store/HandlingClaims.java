package org.uei.p2p.node.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.node.config.InstanceId;

/**
 * Claims received messages whose handling never finished: stored and ACKed by an instance that died
 * (or stopped) before it marked them handled. A message is claimed once its handling lease ran out,
 * with {@code SELECT … FOR UPDATE SKIP LOCKED} and a conditional update, so that of the instances
 * looking at once exactly one takes it over.
 */
@ApplicationScoped
public class HandlingClaims {

  @Inject AgroalDataSource dataSource;
  @Inject InstanceId instance;

  /**
   * Claims, for {@code lease} from now, up to {@code max} unhandled received messages whose lease
   * ran out by {@code asOf} or that were stored before {@code storedBefore}, whatever their lease
   * says (on a database that only this process can open, those stored before it started).
   *
   * @return the claimed messages, oldest first
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<StoredMessage> claim(Instant asOf, Instant storedBefore, Duration lease, int max) {
    List<Long> candidates = new ArrayList<>();
    List<Long> claimed = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id FROM beckn_message WHERE direction = 'IN' AND handled_at IS NULL"
                  + " AND (handling_until IS NULL OR handling_until < ? OR created_at < ?)"
                  + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
        s.setObject(1, Lease.utc(asOf));
        s.setObject(2, Lease.utc(storedBefore));
        s.setInt(3, max);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            candidates.add(r.getLong(1));
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE beckn_message SET handling_owner = ?, handling_until = ?"
                  + " WHERE id = ? AND handled_at IS NULL"
                  + " AND (handling_until IS NULL OR handling_until < ? OR created_at < ?)")) {
        for (Long id : candidates) {
          s.setString(1, instance.value());
          s.setObject(2, Lease.utc(Instant.now().plus(lease)));
          s.setLong(3, id);
          s.setObject(4, Lease.utc(asOf));
          s.setObject(5, Lease.utc(storedBefore));
          if (s.executeUpdate() == 1) {
            claimed.add(id);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim unhandled messages: " + e.getMessage(), e);
    }
    return claimed.isEmpty() ? List.of() : StoredMessage.list("id in ?1 order by id", claimed);
  }
}
