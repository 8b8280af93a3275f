package org.uei.p2p.bpp.console;

import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seller platform's allocations of a period: what the meters (wave 1, {@code trade_allocation})
 * or the DISCOMs' ledgers (wave 2, {@code wave2_discom_allocation}) allocated to each trade, summed
 * per delivery day, and one page of the trades themselves. Each section is one query over both
 * tables; the per-day sums are grouped by slot in the database, so a period of {@link
 * SellerConsoleResource#MAX_DAYS} days reads at most a few thousand rows.
 */
@ApplicationScoped
public class AllocationViews {

  /** Allocations per page. */
  static final int PAGE_SIZE = 100;

  /** Both sources as one relation: one row per allocated trade. */
  private static final String ALLOCATED =
      "SELECT a.slot_start AS slot_start, a.order_id AS order_id, a.line_no AS line_no,"
          + " l.quantity_kwh AS contracted, a.buyer_metered_kwh AS buyer_metered,"
          + " a.seller_metered_kwh AS seller_metered, a.buyer_kwh AS buyer_kwh,"
          + " a.seller_kwh AS seller_kwh, a.allocated_at AS allocated_at,"
          + " 'meter data' AS source"
          + " FROM trade_allocation a JOIN seller_order_line l"
          + " ON l.order_id = a.order_id AND l.line_no = a.line_no"
          + " WHERE a.slot_start >= ? AND a.slot_start < ?"
          + " UNION ALL"
          + " SELECT s.slot_start, l.order_id, l.line_no, l.quantity_kwh, NULL, NULL,"
          + " b.allocated_kwh, v.allocated_kwh,"
          + " CASE WHEN b.received_at IS NULL OR v.received_at > b.received_at"
          + " THEN v.received_at ELSE b.received_at END,"
          + " 'DISCOM ledgers'"
          + " FROM seller_order_line l JOIN slot_offer s ON s.id = l.offer_id"
          + " LEFT JOIN wave2_discom_allocation b ON b.order_id = l.order_id"
          + " AND b.line_no = l.line_no AND b.side = 'BUYER'"
          + " LEFT JOIN wave2_discom_allocation v ON v.order_id = l.order_id"
          + " AND v.line_no = l.line_no AND v.side = 'SELLER'"
          + " WHERE (b.order_id IS NOT NULL OR v.order_id IS NOT NULL)"
          + " AND s.slot_start >= ? AND s.slot_start < ?";

  @Inject AgroalDataSource dataSource;

  /** One delivery day's allocations. */
  @TemplateData
  public record Day(
      LocalDate day,
      long trades,
      BigDecimal contractedKwh,
      BigDecimal buyerKwh,
      BigDecimal sellerKwh) {}

  /** One trade's allocation; the metered figures exist where this node's meter data decided. */
  @TemplateData
  public record Allocation(
      Instant slotStart,
      String orderId,
      int lineNo,
      String transactionId,
      BigDecimal contractedKwh,
      BigDecimal buyerMeteredKwh,
      BigDecimal sellerMeteredKwh,
      BigDecimal buyerKwh,
      BigDecimal sellerKwh,
      Instant allocatedAt,
      String source) {}

  /** One page of allocations, and whether another follows. */
  @TemplateData
  public record Page(List<Allocation> rows, int page, boolean more) {}

  /** Allocated kWh per delivery day (in {@code zone}) of the slots in {@code [from, to)}. */
  public List<Day> days(Instant from, Instant to, ZoneId zone) throws SQLException {
    Map<LocalDate, Day> days = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT slot_start, COUNT(*), SUM(contracted), SUM(buyer_kwh), SUM(seller_kwh)"
                    + " FROM ("
                    + ALLOCATED
                    + ") x GROUP BY slot_start")) {
      period(ps, from, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate day = instant(rs, 1).atZone(zone).toLocalDate();
          Day d = days.getOrDefault(day, new Day(day, 0, null, null, null));
          days.put(
              day,
              new Day(
                  day,
                  d.trades() + rs.getLong(2),
                  add(d.contractedKwh(), rs.getBigDecimal(3)),
                  add(d.buyerKwh(), rs.getBigDecimal(4)),
                  add(d.sellerKwh(), rs.getBigDecimal(5))));
        }
      }
    }
    return List.copyOf(days.values());
  }

  /**
   * Page {@code page} (from 0) of the allocated trades of {@code [from, to)}, newest slot first.
   */
  public Page page(Instant from, Instant to, int page) throws SQLException {
    List<Allocation> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT x.slot_start, x.order_id, x.line_no, o.transaction_id, x.contracted,"
                    + " x.buyer_metered, x.seller_metered, x.buyer_kwh, x.seller_kwh,"
                    + " x.allocated_at, x.source FROM ("
                    + ALLOCATED
                    + ") x JOIN seller_order o ON o.id = x.order_id"
                    + " ORDER BY x.slot_start DESC, x.order_id, x.line_no LIMIT ? OFFSET ?")) {
      period(ps, from, to);
      ps.setInt(5, PAGE_SIZE + 1);
      ps.setInt(6, page * PAGE_SIZE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Allocation(
                  instant(rs, 1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getBigDecimal(7),
                  rs.getBigDecimal(8),
                  rs.getBigDecimal(9),
                  instant(rs, 10),
                  rs.getString(11)));
        }
      }
    }
    boolean more = out.size() > PAGE_SIZE;
    return new Page(out.subList(0, Math.min(out.size(), PAGE_SIZE)), page, more);
  }

  private static void period(PreparedStatement ps, Instant from, Instant to) throws SQLException {
    ps.setObject(1, from.atOffset(ZoneOffset.UTC));
    ps.setObject(2, to.atOffset(ZoneOffset.UTC));
    ps.setObject(3, from.atOffset(ZoneOffset.UTC));
    ps.setObject(4, to.atOffset(ZoneOffset.UTC));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** A sum where either side may be missing: a side no DISCOM reported yet stays unknown. */
  private static BigDecimal add(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.add(b);
  }
}
