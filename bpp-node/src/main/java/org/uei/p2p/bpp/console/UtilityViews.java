package org.uei.p2p.bpp.console;

import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.uei.p2p.bpp.utility.DeliveryReport;
import org.uei.p2p.bpp.utility.IssuedCredential;
import org.uei.p2p.bpp.utility.UtilityConsumer;
import org.uei.p2p.bpp.utility.UtilityLedger;
import org.uei.p2p.bpp.utility.UtilityTrade;
import org.uei.p2p.market.book.TradeBook;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.rules.TradeRuleChecker;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.TradeSide;

/**
 * What a DISCOM's utility node shows: its consumers with sanctioned load and the headroom left in
 * each slot they trade in, the trades recorded (and curtailed), and the SLDC view of P2P flows:
 * contracted against delivered kWh per hour for each pair of DISCOMs. Each section reads a page or
 * a period in a fixed number of queries, whatever the number of consumers or trades.
 */
@ApplicationScoped
public class UtilityViews {

  /** Most rows a list shows. */
  static final int MAX_ROWS = 500;

  /** Consumers per page. */
  static final int CONSUMERS_PER_PAGE = 100;

  /** Most hour-and-pair rows the flows view reads. */
  static final int MAX_FLOW_ROWS = 5_000;

  @Inject UtilityLedger ledger;
  @Inject TradingRules rules;
  @Inject AgroalDataSource dataSource;

  /** A consumer's headroom in one slot. */
  @TemplateData
  public record Headroom(Instant slotStart, BigDecimal buyKwh, BigDecimal sellKwh) {}

  /** One consumer with the slots it trades in. */
  @TemplateData
  public record Consumer(
      String meterId,
      String customerId,
      BigDecimal sanctionedLoadKw,
      BigDecimal installedCapacityKw,
      String credential,
      List<Headroom> slots) {}

  /** A page of consumers, and whether another follows. */
  @TemplateData
  public record Consumers(List<Consumer> consumers, int page, boolean more) {}

  /** One recorded trade. */
  @TemplateData
  public record Trade(
      String id,
      String orderId,
      String sellerMeterId,
      String sellerDiscomId,
      String buyerMeterId,
      String buyerDiscomId,
      Instant slotStart,
      BigDecimal kwh,
      BigDecimal price,
      String status,
      BigDecimal curtailedKwh,
      String curtailmentReason,
      BigDecimal deliveredKwh) {}

  /** One hour of one DISCOM pair. */
  @TemplateData
  public record Flow(
      String pair, Instant hour, BigDecimal contractedKwh, BigDecimal deliveredKwh) {}

  /**
   * Page {@code page} (from 0) of the consumers, each with the slots from {@code since} on that it
   * trades in and its headroom there. Three queries: the consumers, their open trades, their
   * credentials; the headroom is the utility's own rule checker run over those trades.
   */
  @Transactional
  public Consumers consumers(int page, Instant since) {
    List<UtilityConsumer> rows =
        UtilityConsumer.find("order by meterId")
            .range(page * CONSUMERS_PER_PAGE, page * CONSUMERS_PER_PAGE + CONSUMERS_PER_PAGE)
            .list();
    boolean more = rows.size() > CONSUMERS_PER_PAGE;
    rows = rows.subList(0, Math.min(rows.size(), CONSUMERS_PER_PAGE));
    Map<String, MeterInfo> meters = new LinkedHashMap<>();
    String discom = ledger.discomId();
    for (UtilityConsumer c : rows) {
      meters.put(
          c.meterId,
          new MeterInfo(
              c.meterId,
              discom,
              c.customerId,
              c.stateCode == null || c.stateCode.isBlank() ? "-" : c.stateCode,
              c.installedCapacityKw,
              c.sanctionedLoadKw));
    }
    List<org.uei.p2p.model.trade.Trade> open = openTrades(meters.keySet(), since);
    TradeRuleChecker checker =
        new TradeRuleChecker(rules, id -> Optional.ofNullable(meters.get(id)), book(open));
    Map<String, String> credentials = credentials(meters.keySet());
    List<Consumer> out = new ArrayList<>();
    for (UtilityConsumer c : rows) {
      TreeSet<Instant> slots = new TreeSet<>();
      open.stream()
          .filter(
              t -> t.buyer().meterId().equals(c.meterId) || t.seller().meterId().equals(c.meterId))
          .forEach(t -> slots.add(t.slot().start()));
      List<Headroom> room = new ArrayList<>();
      for (Instant s : slots) {
        DeliverySlot slot = new DeliverySlot(s, s.plus(rules.slotLength()));
        room.add(
            new Headroom(
                s,
                checker.headroomKwh(c.meterId, TradeSide.BUYER, slot).orElse(null),
                checker.headroomKwh(c.meterId, TradeSide.SELLER, slot).orElse(null)));
      }
      out.add(
          new Consumer(
              c.meterId,
              c.customerId,
              c.sanctionedLoadKw,
              c.installedCapacityKw,
              credentials.getOrDefault(c.meterId, "none"),
              room));
    }
    return new Consumers(out, page, more);
  }

  /** The open (not cancelled) trades of {@code meters} in slots from {@code since} on. */
  private static List<org.uei.p2p.model.trade.Trade> openTrades(
      Collection<String> meters, Instant since) {
    if (meters.isEmpty()) {
      return List.of();
    }
    List<UtilityTrade> rows =
        UtilityTrade.list(
            "status <> ?1 and slotStart >= ?2 and (buyerMeterId in ?3 or sellerMeterId in ?3)",
            UtilityTrade.CANCELLED,
            since,
            meters);
    return rows.stream().map(t -> t.trade(t.orderId)).toList();
  }

  /** The trades read for a page, as the rule checker looks them up. */
  private static TradeBook book(List<org.uei.p2p.model.trade.Trade> open) {
    return new TradeBook() {
      @Override
      public List<org.uei.p2p.model.trade.Trade> openTrades(String meterId, DeliverySlot slot) {
        return open.stream()
            .filter(
                t ->
                    t.slot().start().equals(slot.start())
                        && (t.buyer().meterId().equals(meterId)
                            || t.seller().meterId().equals(meterId)))
            .toList();
      }

      @Override
      public List<org.uei.p2p.model.trade.Trade> all() {
        return open;
      }
    };
  }

  /**
   * Each meter's credential as an operator reads it: the newest active one, issued when, or else
   * the newest revoked one, revoked when and why.
   */
  private static Map<String, String> credentials(Collection<String> meters) {
    Map<String, String> out = new HashMap<>();
    if (meters.isEmpty()) {
      return out;
    }
    List<Object[]> rows =
        IssuedCredential.getEntityManager()
            .createQuery(
                "select meterId, id, issuedAt, revokedAt, revocationReason from IssuedCredential"
                    + " where meterId in :meters order by issuedAt desc",
                Object[].class)
            .setParameter("meters", meters)
            .getResultList();
    for (Object[] r : rows) {
      String meter = (String) r[0];
      if (r[3] == null && (out.get(meter) == null || out.get(meter).startsWith("revoked"))) {
        out.put(meter, "urn:uuid:" + r[1] + ", issued " + r[2]);
      } else if (r[3] != null && !out.containsKey(meter)) {
        out.put(meter, "revoked " + r[3] + (r[4] == null ? "" : ": " + r[4]));
      }
    }
    return out;
  }

  /** Recorded trades, by slot (at most {@link #MAX_ROWS}), with what was delivered of each. */
  @Transactional
  public List<Trade> trades() {
    List<UtilityTrade> rows = UtilityTrade.find("order by slotStart, id").page(0, MAX_ROWS).list();
    Map<String, BigDecimal> delivered = new HashMap<>();
    if (!rows.isEmpty()) {
      List<DeliveryReport> reports =
          DeliveryReport.list("tradeId in ?1", rows.stream().map(t -> t.id).toList());
      reports.forEach(r -> delivered.merge(r.tradeId, r.allocatedKwh, BigDecimal::min));
    }
    return rows.stream()
        .map(
            t ->
                new Trade(
                    t.id,
                    t.orderId,
                    t.sellerMeterId,
                    t.sellerDiscomId,
                    t.buyerMeterId,
                    t.buyerDiscomId,
                    t.slotStart,
                    t.quantityKwh,
                    t.pricePerKwh,
                    t.status,
                    t.curtailedKwh,
                    t.curtailmentReason,
                    delivered.get(t.id)))
        .toList();
  }

  /**
   * Contracted (after curtailment) and delivered kWh per hour and DISCOM pair ({@code seller →
   * buyer}) for the slots in {@code [from, to)}, pairs and hours in order, summed in the database.
   * Delivered is what the meters allocated to the trade: the smaller side where both sides
   * reported, the one reported otherwise.
   */
  public List<Flow> flows(Instant from, Instant to) throws SQLException {
    List<Flow> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.seller_discom_id, t.buyer_discom_id, t.slot_start,"
                    + " SUM(t.quantity_kwh - CASE WHEN t.curtailed_kwh IS NULL THEN 0"
                    + " WHEN t.curtailed_kwh > t.quantity_kwh THEN t.quantity_kwh"
                    + " ELSE t.curtailed_kwh END), SUM(d.kwh)"
                    + " FROM utility_trade t LEFT JOIN (SELECT r.trade_id AS trade_id,"
                    + " MIN(r.allocated_kwh) AS kwh FROM utility_delivery_report r"
                    + " JOIN utility_trade x ON x.id = r.trade_id"
                    + " WHERE x.slot_start >= ? AND x.slot_start < ? GROUP BY r.trade_id) d"
                    + " ON d.trade_id = t.id"
                    + " WHERE t.status <> ? AND t.slot_start >= ? AND t.slot_start < ?"
                    + " GROUP BY t.seller_discom_id, t.buyer_discom_id, t.slot_start"
                    + " ORDER BY t.seller_discom_id, t.buyer_discom_id, t.slot_start LIMIT ?")) {
      OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
      OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
      ps.setObject(1, start);
      ps.setObject(2, end);
      ps.setString(3, UtilityTrade.CANCELLED);
      ps.setObject(4, start);
      ps.setObject(5, end);
      ps.setInt(6, MAX_FLOW_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Flow(
                  rs.getString(1) + " → " + rs.getString(2),
                  rs.getObject(3, OffsetDateTime.class).toInstant(),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5)));
        }
      }
    }
    return out;
  }
}
