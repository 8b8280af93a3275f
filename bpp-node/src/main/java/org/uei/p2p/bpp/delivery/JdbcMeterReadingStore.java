package org.uei.p2p.bpp.delivery;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.market.meter.MeterReadingStore;
import org.uei.p2p.model.trade.MeterReading;
import org.uei.p2p.node.store.Lease;

/**
 * energy-market's {@link MeterReadingStore} on the node's database (table {@code meter_block}),
 * bound to one connection so that a whole import lands in the caller's transaction. The longest
 * block is 60 minutes, so every block that can overlap a new one starts less than an hour before
 * its end; one range query per put finds them.
 */
public final class JdbcMeterReadingStore implements MeterReadingStore {
  private static final long LONGEST_BLOCK_SECONDS = 3600;

  private final Connection connection;

  /** A store working through {@code connection}; the caller owns commit and close. */
  public JdbcMeterReadingStore(Connection connection) {
    this.connection = connection;
  }

  @Override
  public PutResult put(MeterReading r) {
    Instant end = r.blockStart().plusSeconds(r.blockMinutes() * 60L);
    List<MeterReading> near =
        query(r.meterId(), r.blockStart().minusSeconds(LONGEST_BLOCK_SECONDS - 1), end);
    for (MeterReading s : near) {
      if (s.blockStart().equals(r.blockStart())) {
        if (s.sameValuesAs(r)) {
          return new PutResult(Outcome.UNCHANGED, s);
        }
        return new PutResult(
            s.blockMinutes() == r.blockMinutes()
                ? Outcome.CONFLICTING_VALUE
                : Outcome.OVERLAPPING_BLOCK,
            s);
      }
    }
    for (MeterReading s : near) {
      Instant sEnd = s.blockStart().plusSeconds(s.blockMinutes() * 60L);
      if (s.blockStart().isBefore(end) && sEnd.isAfter(r.blockStart())) {
        return new PutResult(Outcome.OVERLAPPING_BLOCK, s);
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO meter_block "
                + "(meter_id, block_start, block_minutes, import_kwh, export_kwh, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.meterId());
      ps.setObject(2, Lease.utc(r.blockStart()));
      ps.setInt(3, r.blockMinutes());
      ps.setBigDecimal(4, r.importKwh());
      ps.setBigDecimal(5, r.exportKwh());
      ps.setObject(6, Lease.utc(Instant.now()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("storing a meter block failed: " + e.getMessage(), e);
    }
    return new PutResult(Outcome.ADDED, r);
  }

  @Override
  public List<MeterReading> readings(String meterId, Instant from, Instant to) {
    return query(meterId, from, to);
  }

  @Override
  public long size() {
    try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM meter_block");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("counting meter blocks failed: " + e.getMessage(), e);
    }
  }

  private List<MeterReading> query(String meterId, Instant from, Instant to) {
    List<MeterReading> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT block_start, block_minutes, import_kwh, export_kwh "
                + "FROM meter_block WHERE meter_id = ? AND block_start >= ? AND block_start < ? ORDER BY block_start")) {
      ps.setString(1, meterId);
      ps.setObject(2, Lease.utc(from));
      ps.setObject(3, Lease.utc(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MeterReading(
                  meterId,
                  rs.getObject(1, OffsetDateTime.class).toInstant(),
                  rs.getInt(2),
                  strip(rs.getBigDecimal(3)),
                  strip(rs.getBigDecimal(4))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading meter blocks failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** The column's fixed scale is storage detail; readings carry the value as given. */
  private static BigDecimal strip(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
