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
import java.util.Optional;
import org.uei.p2p.node.store.Lease;

/**
 * The tables {@code trade_allocation} and {@code order_settlement}: what allocation found per trade
 * and how each order was settled; and, read-only, the DISCOMs' allocations of settled IES wave-2
 * contracts ({@code wave2_discom_allocation}, {@code wave2_settlement}), so that statements and
 * bills read both generations as one list of allocations. Works on the caller's connection and
 * transaction.
 */
final class AllocationLedger {

  /**
   * One trade's allocation as stored.
   *
   * @param tradeId trade ({@code <order id>/<line>})
   * @param orderId order
   * @param lineNo order line
   * @param buyerMeteredKwh the buyer meter's import in the slot; null for a wave-2 contract, which
   *     the DISCOMs' ledgers allocated from meter data this node never saw
   * @param sellerMeteredKwh the seller meter's export in the slot; null for a wave-2 contract
   * @param buyerKwh allocation from the buyer's meter
   * @param sellerKwh allocation from the seller's meter
   * @param allocatedAt when it was allocated (a wave-2 contract: when it settled)
   */
  record Row(
      String tradeId,
      String orderId,
      int lineNo,
      BigDecimal buyerMeteredKwh,
      BigDecimal sellerMeteredKwh,
      BigDecimal buyerKwh,
      BigDecimal sellerKwh,
      Instant allocatedAt) {}

  /**
   * How an order was settled.
   *
   * @param paymentStatus SETTLED once booked
   * @param amount energy value of the settled kWh
   * @param currency currency of the amount
   * @param txnRef settlement reference
   * @param deliveredAt when delivery was reported
   * @param paidAt when payment was booked
   */
  record OrderSettlement(
      String paymentStatus,
      BigDecimal amount,
      String currency,
      String txnRef,
      Instant deliveredAt,
      Instant paidAt) {}

  private final Connection c;

  AllocationLedger(Connection c) {
    this.c = c;
  }

  /** The connection (and transaction) the ledger works on. */
  Connection connection() {
    return c;
  }

  boolean allocated(String tradeId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM trade_allocation WHERE trade_id = ?")) {
      ps.setString(1, tradeId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  void insert(Row r, Instant slotStart) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO trade_allocation (trade_id, order_id, line_no, "
                + "slot_start, buyer_metered_kwh, seller_metered_kwh, buyer_kwh, seller_kwh, allocated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.tradeId());
      ps.setString(2, r.orderId());
      ps.setInt(3, r.lineNo());
      ps.setObject(4, Lease.utc(slotStart));
      ps.setBigDecimal(5, r.buyerMeteredKwh());
      ps.setBigDecimal(6, r.sellerMeteredKwh());
      ps.setBigDecimal(7, r.buyerKwh());
      ps.setBigDecimal(8, r.sellerKwh());
      ps.setObject(9, Lease.utc(r.allocatedAt()));
      ps.executeUpdate();
    }
  }

  List<Row> ofOrder(String orderId) throws SQLException {
    return rows("WHERE order_id = ? ORDER BY line_no", ps -> ps.setString(1, orderId));
  }

  /** Allocations of trades whose slot starts in {@code [from, to)}. */
  List<Row> inPeriod(Instant from, Instant to) throws SQLException {
    return rows(
        "WHERE slot_start >= ? AND slot_start < ? ORDER BY slot_start, trade_id",
        ps -> {
          ps.setObject(1, Lease.utc(from));
          ps.setObject(2, Lease.utc(to));
        });
  }

  /**
   * Every trade of the settled wave-2 contracts that have a trade whose slot starts in {@code
   * [from, to)}, by contract and line: a contract settles as a whole, so its statement lines are
   * cut from all of its trades, also those outside the period.
   */
  List<Row> wave2Settled(Instant from, Instant to) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.order_id, b.line_no, b.allocated_kwh, s.allocated_kwh, w.settled_at"
                + " FROM wave2_settlement w"
                + " JOIN wave2_discom_allocation b ON b.order_id = w.order_id AND b.side = 'BUYER'"
                + " JOIN wave2_discom_allocation s ON s.order_id = b.order_id"
                + " AND s.line_no = b.line_no AND s.side = 'SELLER'"
                + " WHERE w.order_id IN (SELECT l.order_id FROM seller_order_line l"
                + " JOIN slot_offer o ON o.id = l.offer_id"
                + " WHERE o.slot_start >= ? AND o.slot_start < ?)"
                + " ORDER BY b.order_id, b.line_no")) {
      ps.setObject(1, Lease.utc(from));
      ps.setObject(2, Lease.utc(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String orderId = rs.getString(1);
          int line = rs.getInt(2);
          out.add(
              new Row(
                  OrderTrades.tradeId(orderId, line),
                  orderId,
                  line,
                  null,
                  null,
                  rs.getBigDecimal(3),
                  rs.getBigDecimal(4),
                  rs.getObject(5, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return out;
  }

  Optional<OrderSettlement> settlement(String orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT payment_status, amount, currency, txn_ref, delivered_at, "
                + "paid_at FROM order_settlement WHERE order_id = ?")) {
      ps.setString(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        OffsetDateTime paid = rs.getObject(6, OffsetDateTime.class);
        return Optional.of(
            new OrderSettlement(
                rs.getString(1),
                rs.getBigDecimal(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                paid == null ? null : paid.toInstant()));
      }
    }
  }

  void insertSettlement(String orderId, OrderSettlement s) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO order_settlement (order_id, payment_status, amount, "
                + "currency, txn_ref, delivered_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, orderId);
      ps.setString(2, s.paymentStatus());
      ps.setBigDecimal(3, s.amount());
      ps.setString(4, s.currency());
      ps.setString(5, s.txnRef());
      ps.setObject(6, Lease.utc(s.deliveredAt()));
      ps.setObject(7, s.paidAt() == null ? null : Lease.utc(s.paidAt()));
      ps.executeUpdate();
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Row> rows(String where, Binder binder) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT trade_id, order_id, line_no, buyer_metered_kwh, "
                + "seller_metered_kwh, buyer_kwh, seller_kwh, allocated_at FROM trade_allocation "
                + where)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getBigDecimal(7),
                  rs.getObject(8, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return out;
  }
}
