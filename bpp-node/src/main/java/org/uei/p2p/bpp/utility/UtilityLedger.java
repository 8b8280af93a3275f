package org.uei.p2p.bpp.utility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.market.book.TradeBook;
import org.uei.p2p.market.meter.MeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.rules.Rule;
import org.uei.p2p.market.rules.RuleViolation;
import org.uei.p2p.market.rules.TradeRuleChecker;
import org.uei.p2p.market.settlement.Figures;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.store.Causes;

/**
 * The DISCOM's record of trades: checks an order's trades on the sides whose meter is this DISCOM's
 * consumer (caps from sanctioned load and installed capacity, open trades = those recorded here)
 * and records them atomically at confirm, once per platform transaction.
 */
@ApplicationScoped
public class UtilityLedger {

  /** One side of one order item, checked. */
  public record SideCheck(
      int item, TradeSide side, String meterId, boolean ok, BigDecimal remainingKwh) {}

  /**
   * The check of a whole order.
   *
   * @param sides one entry per checked side
   * @param errors why it was refused (empty when every side is OK)
   */
  public record Verdict(List<SideCheck> sides, List<String> errors) {
    /** True when nothing was refused. */
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** What a confirm left: the order recorded (new or from an earlier confirm), or the refusal. */
  public record Recorded(UtilityOrder order, Verdict verdict) {}

  @Inject BppConfig config;
  @Inject org.uei.p2p.market.rules.TradingRules rules;
  @Inject MarketClock marketClock;

  /** The DISCOM this node speaks for. */
  public String discomId() {
    return config
        .utility()
        .discomId()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "missing configuration: uei.bpp.utility.discom-id (UEI_BPP_UTILITY_DISCOM_ID) is required in utility mode"));
  }

  /** Checks {@code order} against what is recorded, without recording it. */
  public Verdict check(TradeOrder order, String tradeIdPrefix) {
    return QuarkusTransaction.joiningExisting()
        .call(() -> verdict(order.trades(tradeIdPrefix, marketClock.now())));
  }

  /**
   * Records {@code order} for the platform's transaction if every checked side passes; a
   * transaction already recorded gets its order back unchanged.
   */
  public Recorded record(
      TradeOrder order,
      String platformId,
      String platformUri,
      String domain,
      String transactionId,
      byte[] orderJson) {
    return record(
        order, platformId, platformUri, domain, transactionId, orderJson, UtilityOrder.WAVE1);
  }

  /**
   * {@link #record(TradeOrder, String, String, String, String, byte[])} of a confirm that came on
   * {@code wire} ({@link UtilityOrder#WAVE1} or {@link UtilityOrder#WAVE2}).
   */
  public Recorded record(
      TradeOrder order,
      String platformId,
      String platformUri,
      String domain,
      String transactionId,
      byte[] orderJson,
      String wire) {
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                // Check and insert must not interleave with another confirm on the same meter, on
                // any
                // instance: the consumers' rows are locked in a fixed order for the rest of the
                // transaction.
                lockConsumers(order);
                Optional<UtilityOrder> existing = UtilityOrder.of(platformId, transactionId);
                if (existing.isPresent()) {
                  return new Recorded(existing.get(), verdict(existingTrades(existing.get())));
                }
                String id = "UO-" + UUID.randomUUID();
                Instant now = Instant.now();
                List<Trade> trades = order.trades(id, marketClock.now());
                Verdict v = verdict(trades);
                if (!v.ok()) {
                  return new Recorded(null, v);
                }
                UtilityOrder o = new UtilityOrder();
                o.id = id;
                o.platformId = platformId;
                o.platformUri = platformUri;
                o.domain = domain;
                o.transactionId = transactionId;
                o.status = UtilityOrder.CONFIRMED;
                o.orderJson = orderJson;
                o.wire = wire;
                o.createdAt = now;
                o.updatedAt = now;
                o.persist();
                for (int i = 0; i < trades.size(); i++) {
                  Trade t = trades.get(i);
                  UtilityTrade r = new UtilityTrade();
                  r.id = t.tradeId();
                  r.orderId = id;
                  r.lineNo = i + 1;
                  r.buyerMeterId = t.buyer().meterId();
                  r.buyerDiscomId = t.buyer().discomId();
                  r.sellerMeterId = t.seller().meterId();
                  r.sellerDiscomId = t.seller().discomId();
                  r.slotStart = t.slot().start();
                  r.slotEnd = t.slot().end();
                  r.quantityKwh = t.quantityKwh();
                  r.pricePerKwh = t.price().perKwh();
                  r.currency = t.price().currency().getCurrencyCode();
                  r.status = UtilityTrade.CONFIRMED;
                  r.createdAt = now;
                  r.persist();
                }
                // Re-read the headroom now that the trades count against it.
                return new Recorded(o, verdict(trades));
              });
    } catch (RuntimeException e) {
      if (!Causes.isConstraintViolation(e)) {
        throw e;
      }
      // The same platform transaction recorded at the same moment elsewhere (its unique key): that
      // one stands.
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                UtilityOrder o = UtilityOrder.of(platformId, transactionId).orElseThrow(() -> e);
                return new Recorded(o, verdict(existingTrades(o)));
              });
    }
  }

  private void lockConsumers(TradeOrder order) {
    String discom = discomId();
    java.util.TreeSet<String> meters = new java.util.TreeSet<>();
    for (var line : order.lines()) {
      if (discom.equals(order.buyer().discomId())) {
        meters.add(order.buyer().meterId());
      }
      if (discom.equals(line.seller().discomId())) {
        meters.add(line.seller().meterId());
      }
    }
    meters.forEach(
        m -> UtilityConsumer.findById(m, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  /** Cancels the order: its trades stop counting against the headroom. */
  public UtilityOrder cancel(String orderId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              UtilityOrder o = UtilityOrder.findById(orderId);
              if (o != null && !UtilityOrder.CANCELLED.equals(o.status)) {
                o.status = UtilityOrder.CANCELLED;
                o.updatedAt = Instant.now();
                UtilityTrade.update(
                    "status = ?1 where orderId = ?2", UtilityTrade.CANCELLED, orderId);
              }
              return o;
            });
  }

  /**
   * What {@code meterId} may still contract on {@code side} in the slot starting at {@code
   * slotStart}.
   */
  public Optional<BigDecimal> headroom(String meterId, TradeSide side, Instant slotStart) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                checker(List.of(), null)
                    .headroomKwh(
                        meterId,
                        side,
                        new DeliverySlot(slotStart, slotStart.plus(rules.slotLength()))));
  }

  /** The recorded trades of an order, line order. */
  public static List<UtilityTrade> tradesOf(String orderId) {
    return UtilityTrade.list("orderId = ?1 order by lineNo", orderId);
  }

  private List<Trade> existingTrades(UtilityOrder o) {
    return tradesOf(o.id).stream().map(t -> t.trade(o.platformId)).toList();
  }

  private Verdict verdict(List<Trade> trades) {
    String discom = discomId();
    Instant now = marketClock.now();
    List<SideCheck> sides = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    TradeRuleChecker all = checker(trades, null);
    for (int i = 0; i < trades.size(); i++) {
      Trade t = trades.get(i);
      Set<TradeSide> mine = EnumSet.noneOf(TradeSide.class);
      for (TradeSide side : TradeSide.values()) {
        if (discom.equals(t.party(side).discomId())) {
          mine.add(side);
        }
      }
      if (mine.isEmpty()) {
        errors.add(
            "item "
                + (i + 1)
                + ": neither buyer meter "
                + t.buyer().meterId()
                + " nor seller meter "
                + t.seller().meterId()
                + " is connected to DISCOM "
                + discom);
        continue;
      }
      boolean known = true;
      for (TradeSide side : mine) {
        if (UtilityConsumer.findById(t.party(side).meterId()) == null) {
          errors.add(
              "item "
                  + (i + 1)
                  + ": "
                  + side.name().toLowerCase()
                  + " meter "
                  + t.party(side).meterId()
                  + " is not a consumer of DISCOM "
                  + discom);
          known = false;
        }
      }
      if (!known) {
        continue;
      }
      List<RuleViolation> violations = all.check(t, now, mine);
      for (TradeSide side : mine) {
        String meter = t.party(side).meterId();
        List<RuleViolation> against = violations.stream().filter(v -> appliesTo(v, side)).toList();
        if (against.isEmpty()) {
          sides.add(
              new SideCheck(
                  i, side, meter, true, all.headroomKwh(meter, side, t.slot()).orElseThrow()));
          continue;
        }
        BigDecimal before =
            checker(trades, t.tradeId()).headroomKwh(meter, side, t.slot()).orElseThrow();
        sides.add(new SideCheck(i, side, meter, false, before));
        for (RuleViolation v : against) {
          errors.add(
              "item "
                  + (i + 1)
                  + ": "
                  + v.rule()
                  + " ("
                  + side.name().toLowerCase()
                  + " meter "
                  + meter
                  + ", remaining headroom "
                  + Figures.kwh(before)
                  + " kWh): "
                  + v.message());
        }
      }
    }
    return new Verdict(sides, errors);
  }

  /** A cap violation is the capped side's; every other rule refuses the trade on all sides. */
  private static boolean appliesTo(RuleViolation v, TradeSide side) {
    if (v.rule() == Rule.BUYER_CAP) {
      return side == TradeSide.BUYER;
    }
    if (v.rule() == Rule.SELLER_CAP) {
      return side == TradeSide.SELLER;
    }
    return true;
  }

  /** A checker over the recorded trades plus {@code pending} (minus {@code leaveOut}). */
  private TradeRuleChecker checker(List<Trade> pending, String leaveOut) {
    return new TradeRuleChecker(
        rules, new Consumers(discomId()), new RecordedBook(pending, leaveOut));
  }

  /** The DISCOM's consumers as the rule checker sees them. */
  static final class Consumers implements MeterDirectory {
    private final String discomId;

    Consumers(String discomId) {
      this.discomId = discomId;
    }

    @Override
    public Optional<MeterInfo> find(String meterId) {
      UtilityConsumer c = UtilityConsumer.findById(meterId);
      return Optional.ofNullable(c)
          .map(
              x ->
                  new MeterInfo(
                      x.meterId,
                      discomId,
                      x.customerId,
                      x.stateCode == null || x.stateCode.isBlank() ? "-" : x.stateCode,
                      x.installedCapacityKw,
                      x.sanctionedLoadKw));
    }
  }

  /** Open trades recorded here, plus the trades of the order being checked. */
  static final class RecordedBook implements TradeBook {
    private final List<Trade> pending;
    private final String leaveOut;

    RecordedBook(List<Trade> pending, String leaveOut) {
      this.pending = pending;
      this.leaveOut = leaveOut;
    }

    @Override
    public List<Trade> openTrades(String meterId, DeliverySlot slot) {
      List<Trade> out = new ArrayList<>();
      for (UtilityTrade r : UtilityTrade.open(meterId, slot.start())) {
        out.add(r.trade(r.orderId));
      }
      for (Trade t : pending) {
        boolean mine = t.buyer().meterId().equals(meterId) || t.seller().meterId().equals(meterId);
        if (mine
            && t.slot().equals(slot)
            && !t.tradeId().equals(leaveOut)
            && out.stream().noneMatch(o -> o.tradeId().equals(t.tradeId()))) {
          out.add(t);
        }
      }
      return out;
    }

    @Override
    public List<Trade> all() {
      List<Trade> out = new ArrayList<>();
      for (UtilityTrade r : UtilityTrade.<UtilityTrade>listAll()) {
        out.add(r.trade(r.orderId));
      }
      out.addAll(pending);
      return out;
    }
  }
}
