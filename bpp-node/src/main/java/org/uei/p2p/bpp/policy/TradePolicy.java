package org.uei.p2p.bpp.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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

/**
 * Applies the network's trading rules (energy-market's {@link TradeRuleChecker}) to an order. The
 * seller platform knows its own prosumers, so it checks the seller-side cap against the prosumers'
 * installed capacity and the orders already confirmed here; the buyer-side cap is the buyer
 * platform's and the DISCOM's business.
 */
@ApplicationScoped
public class TradePolicy {

  private final TradingRules rules;
  private final boolean enabled;
  private final TradeRuleChecker checker;

  @Inject
  public TradePolicy(BppConfig config, TradingRules rules) {
    this.rules = rules;
    this.enabled = config.rules().enabled();
    this.checker = new TradeRuleChecker(rules, new ProsumerMeters(), new ConfirmedTrades());
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
    for (Trade t : order.trades(transactionId, now)) {
      out.addAll(checker.check(t, now, EnumSet.of(TradeSide.SELLER)));
    }
    return out;
  }

  /** Prosumer meters as the rule checker sees them (capacity caps the seller side). */
  static final class ProsumerMeters implements MeterDirectory {
    @Override
    public Optional<MeterInfo> find(String meterId) {
      return Prosumer.<Prosumer>find("meterId", meterId)
          .firstResultOptional()
          .map(
              p ->
                  new MeterInfo(
                      p.meterId,
                      p.discomId,
                      p.id,
                      p.stateCode == null || p.stateCode.isBlank() ? "-" : p.stateCode,
                      p.installedCapacityKw,
                      BigDecimal.ZERO));
    }
  }

  /** Confirmed, not cancelled order lines of a seller meter and slot. */
  static final class ConfirmedTrades implements TradeBook {
    @Override
    public List<Trade> openTrades(String meterId, DeliverySlot slot) {
      // One query: the lines with their orders fetched, not one query per line for its order.
      List<SellerOrderLine> lines =
          SellerOrderLine.list(
              "from SellerOrderLine l join fetch l.order o where o.status = ?1 and l.offerId in "
                  + "(select f.id from SlotOffer f, Prosumer p where f.prosumerId = p.id and p.meterId = ?2 and f.slotStart = ?3)",
              OrderStatus.ACTIVE,
              meterId,
              slot.start());
      if (lines.isEmpty()) {
        return List.of();
      }
      String discomId = sellerDiscom(meterId);
      return lines.stream()
          .map(l -> trade(l, meterId, discomId, slot))
          .collect(Collectors.toList());
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

    private static String sellerDiscom(String meterId) {
      return Prosumer.<Prosumer>find("meterId", meterId).firstResult().discomId;
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
