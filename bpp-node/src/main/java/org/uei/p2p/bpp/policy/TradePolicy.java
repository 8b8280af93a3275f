package org.uei.p2p.bpp.policy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.uei.p2p.bpp.catalog.Prosumer;
import org.uei.p2p.bpp.catalog.SlotOffer;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.order.OrderStatus;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.order.SellerOrderLine;
import org.uei.p2p.market.book.TradeBook;
import org.uei.p2p.market.meter.MeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.rules.RuleViolation;
import org.uei.p2p.market.rules.TradeRuleChecker;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.node.store.Lease;

/**
 * Applies the network's trading rules (energy-market's {@link TradeRuleChecker}) to an order. The
 * seller platform knows its own prosumers, so it checks the seller-side cap against the prosumers'
 * installed capacity and the orders already confirmed here; the buyer-side cap is the buyer
 * platform's and the DISCOM's business.
 */
@ApplicationScoped
public class TradePolicy implements org.uei.p2p.bpp.order.SellerCapCheck {

  private final TradingRules rules;
  private final boolean enabled;
  private final ProsumerMeters meters;
  private final ConfirmedTrades confirmed;
  private final DataSource dataSource;

  @Inject
  public TradePolicy(BppConfig config, TradingRules rules, AgroalDataSource dataSource) {
    this.rules = rules;
    this.dataSource = dataSource;
    this.enabled = config.rules().enabled();
    this.meters = new ProsumerMeters(dataSource);
    this.confirmed = new ConfirmedTrades(dataSource);
  }

  /**
   * A checker that counts, beside the confirmed trades, those of {@code earlier}: the lines of the
   * same order checked before, so that two lines on one meter and slot cannot each fit the cap
   * while together they go over it.
   */
  private TradeRuleChecker checker(List<Trade> earlier) {
    return new TradeRuleChecker(rules, meters, new WithEarlierLines(confirmed, earlier));
  }

  /** The rules in force. */
  public TradingRules rules() {
    return rules;
  }

  /**
   * Every trading rule the order breaks on the seller side; empty when it keeps them all (or rules
   * are off).
   */
  public List<RuleViolation> violations(TradeOrder order, String transactionId, Instant now) {
    List<RuleViolation> out = new ArrayList<>();
    if (!enabled) {
      return out;
    }
    List<Trade> trades = order.trades(transactionId, now);
    for (int i = 0; i < trades.size(); i++) {
      out.addAll(
          checker(trades.subList(0, i)).check(trades.get(i), now, EnumSet.of(TradeSide.SELLER)));
    }
    return out;
  }

  /**
   * Checks the seller cap of {@code trades}, about to be stored in the caller's transaction, under
   * a row lock on each seller meter's prosumer. Admission checks the cap in a read transaction, so
   * two confirms (or updates) of one meter admitted together could both pass it; here the second
   * waits for the first to commit and counts what it stored. Nothing is over when rules are off.
   */
  @Override
  public Optional<OverCap> lockedOverCap(List<Trade> trades, Instant now) {
    if (!enabled || trades.isEmpty()) {
      return Optional.empty();
    }
    // Always in the same order, so that two orders on the same meters cannot deadlock.
    java.util.SortedSet<String> meters = new java.util.TreeSet<>();
    trades.forEach(t -> meters.add(t.seller().meterId()));
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT id FROM prosumer WHERE meter_id = ? FOR UPDATE")) {
      if (c.getAutoCommit()) {
        throw new IllegalStateException("a locked cap check needs the caller's transaction");
      }
      for (String meter : meters) {
        s.setString(1, meter);
        s.executeQuery().close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot lock seller meters " + meters + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < trades.size(); i++) {
      for (RuleViolation v :
          checker(trades.subList(0, i)).check(trades.get(i), now, EnumSet.of(TradeSide.SELLER))) {
        if (v.rule() == org.uei.p2p.market.rules.Rule.SELLER_CAP) {
          return Optional.of(new OverCap(i, v));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Prosumer meters as the rule checker sees them (capacity caps the seller side). Read with one
   * plain statement, as the open trades below: the cap check runs on every select, init and
   * confirm, in the admission's read transaction, before anything is written.
   */
  static final class ProsumerMeters implements MeterDirectory {
    private final DataSource dataSource;

    ProsumerMeters(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public Optional<MeterInfo> find(String meterId) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT meter_id, discom_id, id, state_code, installed_capacity_kw"
                      + " FROM prosumer WHERE meter_id = ?")) {
        s.setString(1, meterId);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          String state = r.getString(4);
          return Optional.of(
              new MeterInfo(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  state == null || state.isBlank() ? "-" : state,
                  r.getBigDecimal(5),
                  BigDecimal.ZERO));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read meter " + meterId + ": " + e.getMessage(), e);
      }
    }
  }

  /** The confirmed trades, and the earlier lines of the order being checked. */
  private record WithEarlierLines(TradeBook confirmed, List<Trade> earlier) implements TradeBook {
    @Override
    public List<Trade> openTrades(String meterId, DeliverySlot slot) {
      List<Trade> out = confirmed.openTrades(meterId, slot);
      if (earlier.isEmpty()) {
        return out;
      }
      out = new ArrayList<>(out);
      for (Trade t : earlier) {
        if (t.slot().equals(slot)
            && (t.seller().meterId().equals(meterId) || t.buyer().meterId().equals(meterId))) {
          out.add(t);
        }
      }
      return out;
    }

    @Override
    public List<Trade> all() {
      List<Trade> out = new ArrayList<>(confirmed.all());
      out.addAll(earlier);
      return out;
    }
  }

  /** Confirmed, not cancelled order lines of a seller meter and slot. */
  static final class ConfirmedTrades implements TradeBook {
    private final DataSource dataSource;

    ConfirmedTrades(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public List<Trade> openTrades(String meterId, DeliverySlot slot) {
      // One statement: the active lines on any offer of the meter in the slot, with their orders
      // and the meter's DISCOM.
      List<Trade> out = new ArrayList<>();
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT o.id, l.line_no, o.bap_id, o.buyer_meter_id, o.buyer_discom_id,"
                      + " l.quantity_kwh, l.price_per_kwh, l.currency, o.created_at, p.discom_id"
                      + " FROM seller_order_line l"
                      + " JOIN seller_order o ON o.id = l.order_id"
                      + " JOIN slot_offer f ON f.id = l.offer_id"
                      + " JOIN prosumer p ON p.id = f.prosumer_id"
                      + " WHERE o.status = ? AND p.meter_id = ? AND f.slot_start = ?")) {
        s.setString(1, OrderStatus.ACTIVE.name());
        s.setString(2, meterId);
        s.setObject(3, Lease.utc(slot.start()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(
                new Trade(
                    r.getString(1) + "/" + r.getInt(2),
                    r.getString(3),
                    "self",
                    new MeterPoint(r.getString(4), r.getString(5)),
                    new MeterPoint(meterId, r.getString(10)),
                    slot,
                    r.getBigDecimal(6),
                    new UnitPrice(
                        r.getBigDecimal(7), java.util.Currency.getInstance(r.getString(8))),
                    TradeStatus.CONFIRMED,
                    r.getObject(9, OffsetDateTime.class).toInstant()));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot read the open trades of meter " + meterId + ": " + e.getMessage(), e);
      }
      return out;
    }

    @Override
    public List<Trade> all() {
      List<Trade> out = new ArrayList<>();
      for (SellerOrderLine l : SellerOrderLine.<SellerOrderLine>listAll()) {
        SlotOffer o = SlotOffer.findById(l.offerId);
        Prosumer p = Prosumer.findById(o.prosumerId);
        out.add(trade(l, p.meterId, p.discomId, new DeliverySlot(o.slotStart, o.slotEnd)));
      }
      return out;
    }

    private static Trade trade(
        SellerOrderLine l, String sellerMeter, String sellerDiscom, DeliverySlot slot) {
      SellerOrder o = l.order;
      return new Trade(
          o.id + "/" + l.lineNo(),
          o.bapId,
          "self",
          new MeterPoint(o.buyerMeterId, o.buyerDiscomId),
          new MeterPoint(sellerMeter, sellerDiscom),
          slot,
          l.quantityKwh,
          new UnitPrice(l.pricePerKwh, java.util.Currency.getInstance(l.currency)),
          o.status == OrderStatus.CANCELLED ? TradeStatus.CANCELLED : TradeStatus.CONFIRMED,
          o.createdAt);
    }
  }
}
