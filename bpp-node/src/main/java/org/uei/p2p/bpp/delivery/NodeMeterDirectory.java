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
 * The meters this node has meter data for: a seller platform's prosumers' meters and the buyer
 * meters of the orders taken; a utility node's consumers. A buyer's account is the buyer id of its
 * order; its state is unknown here and written {@code -}. Lookups are cached for the life of one
 * import.
 */
final class NodeMeterDirectory implements MeterDirectory {
  private final Connection connection;
  private final String utilityDiscom;
  private final Map<String, Optional<MeterInfo>> cache = new HashMap<>();

  /**
   * @param utilityDiscom in utility mode the DISCOM whose consumers are known, else null
   */
  NodeMeterDirectory(Connection connection, String utilityDiscom) {
    this.connection = connection;
    this.utilityDiscom = utilityDiscom;
  }

  @Override
  public Optional<MeterInfo> find(String meterId) {
    return cache.computeIfAbsent(meterId, this::load);
  }

  private Optional<MeterInfo> load(String meterId) {
    try {
      if (utilityDiscom != null) {
        return consumer(meterId);
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT discom_id, id, state_code, installed_capacity_kw FROM prosumer WHERE meter_id = ?")) {
        ps.setString(1, meterId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            String state = rs.getString(3);
            return Optional.of(
                new MeterInfo(
                    meterId,
                    rs.getString(1),
                    rs.getString(2),
                    state == null || state.isBlank() ? "-" : state,
                    rs.getBigDecimal(4),
                    BigDecimal.ZERO));
          }
        }
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT buyer_discom_id, buyer_id FROM seller_order "
                  + "WHERE buyer_meter_id = ? ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY")) {
        ps.setString(1, meterId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(
                new MeterInfo(
                    meterId,
                    rs.getString(1),
                    rs.getString(2),
                    "-",
                    BigDecimal.ZERO,
                    BigDecimal.ZERO));
          }
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "looking up meter " + meterId + " failed: " + e.getMessage(), e);
    }
  }

  private Optional<MeterInfo> consumer(String meterId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT customer_id, state_code, installed_capacity_kw, "
                + "sanctioned_load_kw FROM utility_consumer WHERE meter_id = ?")) {
      ps.setString(1, meterId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String state = rs.getString(2);
        return Optional.of(
            new MeterInfo(
                meterId,
                utilityDiscom,
                rs.getString(1),
                state == null || state.isBlank() ? "-" : state,
                rs.getBigDecimal(3),
                rs.getBigDecimal(4)));
      }
    }
  }
}
