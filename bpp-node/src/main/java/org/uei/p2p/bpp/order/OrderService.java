package org.uei.p2p.bpp.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.uei.p2p.bpp.catalog.CatalogService;
import org.uei.p2p.bpp.catalog.OfferInventory;
import org.uei.p2p.bpp.catalog.SlotOffer;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * Confirmed orders: creation with atomic reservation of every line, cancellation and quantity
 * changes that give energy back, and the wire-neutral view of an order for callbacks.
 */
@ApplicationScoped
public class OrderService {

  @Inject OfferInventory inventory;
  @Inject CatalogService catalog;
  @Inject NodeIdentity identity;
  @Inject org.uei.p2p.node.clock.MarketClock marketClock;
  @Inject SellerCapCheck caps;

  /** Why a confirm could not be carried out. */
  public static final class NotAvailable extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    NotAvailable(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The index of the order item that could not be filled. */
    public int line() {
      return line;
    }
  }

  /**
   * Confirms {@code order} for the transaction of {@code context}: reserves every line or none. A
   * transaction already confirmed gets its existing order back, so a repeated confirm never takes
   * energy twice. Runs in the caller's transaction when there is one.
   *
   * @throws NotAvailable when a line's energy is no longer there (another buyer got it first)
   */
  @Transactional(rollbackOn = NotAvailable.class)
  public SellerOrder confirm(TradeOrder order, Context context) throws NotAvailable {
    return confirm(order, org.uei.p2p.node.wire.WireContext.of(context));
  }

  /**
   * {@link #confirm(TradeOrder, Context)} for a context of either wire; the order keeps the network
   * ({@code domain} or {@code networkId}) it was confirmed in and the wire it came on.
   */
  @Transactional(rollbackOn = NotAvailable.class)
  public SellerOrder confirm(TradeOrder order, org.uei.p2p.node.wire.WireContext context)
      throws NotAvailable {
    Optional<SellerOrder> existing = SellerOrder.byTransaction(context.transactionId());
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = Instant.now();
    SellerOrder o = new SellerOrder();
    o.id = "order-" + UUID.randomUUID();
    o.transactionId = context.transactionId();
    o.bapId = context.bapId();
    o.bapUri = context.bapUri();
    o.domain = context.network();
    o.wire = context.wire().shortName();
    o.buyerId = order.buyerId();
    o.buyerMeterId = order.buyer().meterId();
    o.buyerDiscomId = order.buyer().discomId();
    o.status = OrderStatus.ACTIVE;
    o.createdAt = now;
    o.updatedAt = now;
    Optional<SellerCapCheck.OverCap> over =
        caps.lockedOverCap(order.trades(o.id, now), marketClock.now());
    if (over.isPresent()) {
      throw new NotAvailable(over.get().index(), over.get().violation().message());
    }
    for (int i = 0; i < order.lines().size(); i++) {
      OrderLine l = order.lines().get(i);
      if (!inventory.take(l.offerId(), l.quantityKwh(), marketClock.now())) {
        throw new NotAvailable(
            i,
            "offer '"
                + l.offerId()
                + "' no longer has "
                + l.quantityKwh().toPlainString()
                + " kWh");
      }
      SlotOffer offer = catalog.offer(l.offerId()).orElseThrow();
      SellerOrderLine line = new SellerOrderLine();
      line.key = new SellerOrderLine.Key(o.id, i + 1);
      line.order = o;
      line.offerId = l.offerId();
      line.quantityKwh = l.quantityKwh();
      line.pricePerKwh = offer.pricePerKwh;
      line.currency = offer.currency;
      o.lines.add(line);
    }
    o.persist();
    return o;
  }

  /** Cancels an active order and returns its energy to the offers. */
  @Transactional
  public SellerOrder cancel(String orderId) {
    SellerOrder o = SellerOrder.findById(orderId);
    if (o.status == OrderStatus.ACTIVE) {
      Instant now = Instant.now();
      for (SellerOrderLine l : o.lines) {
        inventory.giveBack(l.offerId, l.quantityKwh, now);
      }
      o.status = OrderStatus.CANCELLED;
      o.updatedAt = now;
    }
    return o;
  }

  /**
   * Changes the quantity of line {@code lineNo}: less gives energy back, more takes it atomically.
   *
   * @throws NotAvailable when more was asked than the offer has left
   */
  @Transactional(rollbackOn = NotAvailable.class)
  public SellerOrder changeQuantity(String orderId, int lineNo, BigDecimal kwh)
      throws NotAvailable {
    SellerOrder o = SellerOrder.findById(orderId);
    SellerOrderLine line =
        o.lines.stream()
            .filter(l -> l.lineNo() == lineNo)
            .findFirst()
            .orElseThrow(
                () ->
                    new NotAvailable(lineNo - 1, "order '" + orderId + "' has no line " + lineNo));
    Instant now = Instant.now();
    BigDecimal delta = kwh.subtract(line.quantityKwh);
    if (delta.signum() > 0) {
      Optional<SellerCapCheck.OverCap> over =
          caps.lockedOverCap(List.of(trade(o, line).withQuantity(kwh)), marketClock.now());
      if (over.isPresent()) {
        throw new NotAvailable(lineNo - 1, over.get().violation().message());
      }
      if (!inventory.take(line.offerId, delta, marketClock.now())) {
        throw new NotAvailable(
            lineNo - 1,
            "offer '" + line.offerId + "' has less than " + delta.toPlainString() + " kWh more");
      }
    }
    if (delta.signum() < 0) {
      inventory.giveBack(line.offerId, delta.negate(), now);
    }
    line.quantityKwh = kwh;
    o.updatedAt = now;
    return o;
  }

  /**
   * The market's view of a stored order line: one {@link Trade}, id {@code <order id>/<line
   * number>} (the ids {@code TradeOrder.trades} gives the buyer platform), between the order's
   * buyer platform and this seller platform. Call inside a transaction.
   */
  public Trade trade(SellerOrder o, SellerOrderLine l) {
    SlotOffer offer = catalog.offer(l.offerId).orElseThrow();
    return new Trade(
        o.id + "/" + l.lineNo(),
        o.bapId,
        identity.subscriberId(),
        new MeterPoint(o.buyerMeterId, o.buyerDiscomId),
        catalog.sellerMeter(offer),
        new DeliverySlot(offer.slotStart, offer.slotEnd),
        l.quantityKwh,
        new UnitPrice(l.pricePerKwh, java.util.Currency.getInstance(l.currency)),
        o.status == OrderStatus.CANCELLED ? TradeStatus.CANCELLED : TradeStatus.CONFIRMED,
        o.createdAt);
  }

  /** An order by id. */
  @Transactional
  public Optional<SellerOrder> find(String orderId) {
    return SellerOrder.findByIdOptional(orderId);
  }

  /** Every order, newest first. */
  @Transactional
  public List<SellerOrder> all() {
    return SellerOrder.list("order by createdAt desc");
  }

  /** The earliest slot start among the order's lines: gate closure counts from it. */
  @Transactional
  public Instant firstSlotStart(SellerOrder o) {
    return o.lines.stream()
        .map(l -> catalog.offer(l.offerId).orElseThrow().slotStart)
        .min(Instant::compareTo)
        .orElseThrow();
  }

  /** The wire-neutral view of a stored order, for callbacks. */
  @Transactional
  public TradeOrder view(SellerOrder o) {
    List<OrderLine> lines = new ArrayList<>();
    for (SellerOrderLine l : o.lines) {
      SlotOffer offer = catalog.offer(l.offerId).orElseThrow();
      MeterPoint seller = catalog.sellerMeter(offer);
      lines.add(
          new OrderLine(
              offer.id,
              offer.prosumerId,
              seller,
              new DeliverySlot(offer.slotStart, offer.slotEnd),
              new UnitPrice(l.pricePerKwh, java.util.Currency.getInstance(l.currency)),
              l.quantityKwh));
    }
    TradeStatus status =
        switch (o.status) {
          case ACTIVE -> TradeStatus.CONFIRMED;
          case CANCELLED -> TradeStatus.CANCELLED;
          case COMPLETED -> TradeStatus.COMPLETED;
        };
    return new TradeOrder(
        o.id,
        status,
        o.bapId,
        identity.subscriberId(),
        o.buyerId,
        new MeterPoint(o.buyerMeterId, o.buyerDiscomId),
        lines);
  }
}
