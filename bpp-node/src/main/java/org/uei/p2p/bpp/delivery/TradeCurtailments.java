package org.uei.p2p.bpp.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.market.settlement.Curtailment;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.store.Lease;

/**
 * The table {@code trade_curtailment}: what the DISCOMs' utility nodes curtailed of this platform's
 * trades. A curtailment counts only if it arrives before the trade is allocated: the database
 * refuses to add or change one for an allocated trade, so money already reported never moves.
 */
@ApplicationScoped
public class TradeCurtailments {

  @Inject AgroalDataSource dataSource;
  @Inject BppConfig config;
  @Inject OrderTrades orderTrades;
  @Inject MarketClock marketClock;

  /**
   * Keeps the curtailment of line {@code lineNo} of {@code o} reported by utility {@code
   * utilityId}, in the caller's transaction; the side is the one whose DISCOM that utility speaks
   * for.
   *
   * @return whether it was kept (false once the trade is allocated)
   */
  public boolean record(
      SellerOrder o, int lineNo, String utilityId, BigDecimal kwh, String reason) {
    Trade t = orderTrades.trade(o, o.lines.get(lineNo - 1));
    String discom =
        config.utilities().entrySet().stream()
            .filter(e -> e.getValue().equals(utilityId))
            .map(e -> e.getKey().replace("\"", ""))
            .findFirst()
            .orElse(t.seller().discomId());
    TradeSide side = discom.equals(t.seller().discomId()) ? TradeSide.SELLER : TradeSide.BUYER;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement del =
          c.prepareStatement(
              "DELETE FROM trade_curtailment WHERE trade_id = ? AND NOT "
                  + "EXISTS (SELECT 1 FROM trade_allocation a WHERE a.trade_id = ?)")) {
        del.setString(1, t.tradeId());
        del.setString(2, t.tradeId());
        del.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO trade_curtailment (trade_id, order_id, line_no, "
                  + "slot_start, side, discom_id, curtailed_kwh, reason, utility_id, received_at) SELECT ?, ?, ?, ?, ?, ?, ?, "
                  + "?, ?, ? FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS (SELECT 1 FROM trade_allocation a "
                  + "WHERE a.trade_id = ?) AND NOT EXISTS (SELECT 1 FROM trade_curtailment k WHERE k.trade_id = ?)")) {
        ps.setString(1, t.tradeId());
        ps.setString(2, o.id);
        ps.setInt(3, lineNo);
        ps.setObject(4, Lease.utc(t.slot().start()));
        ps.setString(5, side.name());
        ps.setString(6, discom);
        ps.setBigDecimal(7, kwh.min(t.quantityKwh()));
        ps.setString(8, reason == null || reason.isBlank() ? "OTHER" : reason);
        ps.setString(9, utilityId);
        ps.setObject(10, Lease.utc(marketClock.now()));
        ps.setString(11, t.tradeId());
        ps.setString(12, t.tradeId());
        boolean kept = ps.executeUpdate() == 1;
        if (!kept) {
          Log.warnf(
              "curtailment of %s from %s arrived after allocation; settled as allocated",
              t.tradeId(), utilityId);
        }
        return kept;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "storing the curtailment of " + t.tradeId() + " failed: " + e.getMessage(), e);
    }
  }

  /** The curtailment of {@code tradeId}, on the caller's connection. */
  static Optional<Curtailment> of(Connection c, String tradeId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT trade_id, side, curtailed_kwh, reason FROM "
                + "trade_curtailment WHERE trade_id = ?")) {
      ps.setString(1, tradeId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  /** Curtailments of trades whose slot starts in {@code [from, to)}, by trade id. */
  static Map<String, Curtailment> inPeriod(Connection c, Instant from, Instant to)
      throws SQLException {
    Map<String, Curtailment> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT trade_id, side, curtailed_kwh, reason FROM "
                + "trade_curtailment WHERE slot_start >= ? AND slot_start < ?")) {
      ps.setObject(1, Lease.utc(from));
      ps.setObject(2, Lease.utc(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Curtailment k = row(rs);
          out.put(k.tradeId(), k);
        }
      }
    }
    return out;
  }

  private static Curtailment row(ResultSet rs) throws SQLException {
    return new Curtailment(
        rs.getString(1), TradeSide.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getString(4));
  }
}
