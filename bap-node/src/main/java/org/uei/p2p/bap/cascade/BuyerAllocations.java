package org.uei.p2p.bap.cascade;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * The buyer DISCOM's allocations its ledger provider reported, per contract and trade (line
 * number). A trade's first figure stands; the table's key decides between instances that record the
 * same trade at once. Runs in the caller's transaction.
 */
@ApplicationScoped
public class BuyerAllocations {

  @Inject AgroalDataSource dataSource;

  /** Line number to kWh of the contract {@code contractId} of {@code sellerPlatform}. */
  public Map<Integer, BigDecimal> of(String sellerPlatform, String contractId) throws SQLException {
    Map<Integer, BigDecimal> out = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT line_no, allocated_kwh FROM ledger_buyer_allocation"
                    + " WHERE seller_platform = ? AND contract_id = ?")) {
      ps.setString(1, sellerPlatform);
      ps.setString(2, contractId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getInt(1), asReported(rs.getBigDecimal(2)));
        }
      }
    }
    return out;
  }

  /** The figure without the zeros the column's scale added (3.5, not 3.500000000000000000). */
  private static BigDecimal asReported(BigDecimal stored) {
    BigDecimal d = stored.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /**
   * Keeps {@code kwh} per line number where the line has no figure yet; returns how many lines it
   * added.
   */
  public int record(
      String sellerPlatform,
      String contractId,
      String transactionId,
      String ledgerId,
      Map<Integer, BigDecimal> kwh)
      throws SQLException {
    int added = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO ledger_buyer_allocation (seller_platform, contract_id, line_no,"
                    + " transaction_id, ledger_id, allocated_kwh, received_at)"
                    + " SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                    + " ledger_buyer_allocation WHERE seller_platform = ? AND contract_id = ?"
                    + " AND line_no = ?)")) {
      for (Map.Entry<Integer, BigDecimal> e : kwh.entrySet()) {
        ps.setString(1, sellerPlatform);
        ps.setString(2, contractId);
        ps.setInt(3, e.getKey());
        ps.setString(4, transactionId);
        ps.setString(5, ledgerId);
        ps.setBigDecimal(6, e.getValue());
        ps.setObject(7, Instant.now().atOffset(ZoneOffset.UTC));
        ps.setString(8, sellerPlatform);
        ps.setString(9, contractId);
        ps.setInt(10, e.getKey());
        added += ps.executeUpdate();
      }
    }
    return added;
  }
}
