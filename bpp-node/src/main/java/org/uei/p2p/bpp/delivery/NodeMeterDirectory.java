package org.uei.p2p.bpp.delivery;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.market.meter.MeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;

/**
 * The meters this seller platform has meter data for: its prosumers' meters and the buyer meters
 * of the orders taken. A buyer's account is the buyer id of its order; its state is unknown here
 * and written {@code -}. Lookups are cached for the life of one import.
 */
final class NodeMeterDirectory implements MeterDirectory {
  private final Connection connection;
  private final Map<String, Optional<MeterInfo>> cache = new HashMap<>();

  NodeMeterDirectory(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<MeterInfo> find(String meterId) {
    return cache.computeIfAbsent(meterId, this::load);
  }

  private Optional<MeterInfo> load(String meterId) {
    try {
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT discom_id, id, state_code, installed_capacity_kw FROM prosumer WHERE meter_id = ?")) {
        ps.setString(1, meterId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            String state = rs.getString(3);
            return Optional.of(new MeterInfo(meterId, rs.getString(1), rs.getString(2),
                state == null || state.isBlank() ? "-" : state, rs.getBigDecimal(4), BigDecimal.ZERO));
          }
        }
      }
      try (PreparedStatement ps = connection.prepareStatement("SELECT buyer_discom_id, buyer_id FROM seller_order "
          + "WHERE buyer_meter_id = ? ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY")) {
        ps.setString(1, meterId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(new MeterInfo(meterId, rs.getString(1), rs.getString(2), "-", BigDecimal.ZERO,
                BigDecimal.ZERO));
          }
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("looking up meter " + meterId + " failed: " + e.getMessage(), e);
    }
  }
}
