package org.uei.p2p.bpp.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.bpp.catalog.CatalogService;
import org.uei.p2p.bpp.catalog.OffersForSale;
import org.uei.p2p.bpp.catalog.OffersForSale.OfferForSale;
import org.uei.p2p.bpp.catalog.SlotOffer;
import org.uei.p2p.bpp.credential.ProsumerCredentials;
import org.uei.p2p.bpp.order.OrderStatus;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.policy.TradePolicy;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The synchronous business checks of select, init, confirm, status, update and cancel: the order
 * must decode, name offers this platform has with their slot, provider and price, ask no more than
 * is left (summed per offer over its lines), not trade a meter with itself and pass the network's
 * trading rules; order-id actions need an order of this buyer platform. Read-only: the reservation
 * itself happens at confirm, atomically.
 */
@ApplicationScoped
public class OrderAdmission {

  private final Wave1Codec codec = new Wave1Codec();

  @Inject CatalogService catalog;
  @Inject OffersForSale offers;
  @Inject ProsumerCredentials credentials;
  @Inject NodeIdentity identity;
  @Inject TradePolicy policy;
  @Inject org.uei.p2p.node.clock.MarketClock marketClock;

  /** Decodes the order of select, init or confirm; a NACK with the codec's path when it cannot. */
  public TradeOrder decode(InboundMessage m) throws InboundRejection {
    try {
      return codec.order(m.envelope().getMessage());
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), java.util.Map.of());
    }
  }

  /**
   * The order of select, init or confirm as this platform sells it: every line's price, seller,
   * provider and slot taken from the catalog's offer, whatever the buyer wrote there. The catalog
   * is the only source of price, so the quote always equals what confirm charges. The order that
   * {@link #checkOrder(InboundMessage)} priced when the message was admitted, when there is one.
   */
  public TradeOrder priced(InboundMessage m) throws InboundRejection {
    return m.admitted().orElse(TradeOrder.class, () -> priced(decode(m), OrderPaths.WAVE1));
  }

  /** {@link #priced(InboundMessage)} for an order already decoded, of either wire. */
  @Transactional
  public TradeOrder priced(TradeOrder order, OrderPaths paths) throws InboundRejection {
    return priced(order, paths, new java.util.HashMap<>());
  }

  /** {@link #priced(TradeOrder, OrderPaths)} with the offers {@code read} already. */
  private TradeOrder priced(
      TradeOrder order, OrderPaths paths, java.util.Map<String, OfferForSale> read)
      throws InboundRejection {
    List<OrderLine> lines = new java.util.ArrayList<>();
    for (int i = 0; i < order.lines().size(); i++) {
      OrderLine l = order.lines().get(i);
      OfferForSale sale = offerForSale(l.offerId(), paths.offer(i), read);
      SlotOffer offer = sale.offer();
      lines.add(
          new OrderLine(
              offer.id,
              offer.prosumerId,
              sale.sellerMeter(),
              new DeliverySlot(offer.slotStart, offer.slotEnd),
              new UnitPrice(offer.pricePerKwh, java.util.Currency.getInstance(offer.currency)),
              l.quantityKwh()));
    }
    return order.withLines(lines);
  }

  /** The offer {@code offerId} with its prosumer, read once per admission; refused if unknown. */
  private OfferForSale offerForSale(
      String offerId, String path, java.util.Map<String, OfferForSale> read)
      throws InboundRejection {
    OfferForSale sale = read.get(offerId);
    if (sale == null) {
      sale =
          offers
              .find(offerId)
              .orElseThrow(
                  () ->
                      InboundRejection.business(
                          ErrorCode.ITEM_NOT_FOUND, "no offer '" + offerId + "'", path));
      read.put(offerId, sale);
    }
    return sale;
  }

  /** Checks an order against the catalog and the trading rules. */
  @Transactional
  public TradeOrder checkOrder(InboundMessage m) throws InboundRejection {
    TradeOrder priced = checkOrder(decode(m), m.context().getTransactionId(), OrderPaths.WAVE1);
    // The handler quotes what was checked here, moments ago, instead of pricing it again.
    m.admitted().set(priced);
    return priced;
  }

  /**
   * Checks an order of either wire against the catalog and the trading rules; refusals name the
   * member at fault by {@code paths}.
   */
  @Transactional
  public TradeOrder checkOrder(TradeOrder order, String transactionId, OrderPaths paths)
      throws InboundRejection {
    if (!identity.subscriberId().equals(order.sellerPlatformId())) {
      throw InboundRejection.business(
          ErrorCode.PROVIDER_NOT_FOUND,
          "the order is for seller platform '"
              + order.sellerPlatformId()
              + "', not '"
              + identity.subscriberId()
              + "'",
          paths.sellerPlatform());
    }
    Instant now = marketClock.now();
    List<OrderLine> lines = order.lines();
    // Lines that take from the same offer together must not ask more than it has left.
    java.util.Map<String, BigDecimal> asked = new java.util.HashMap<>();
    java.util.Set<String> attested = new java.util.HashSet<>();
    java.util.Map<String, OfferForSale> read = new java.util.HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLine l = lines.get(i);
      OfferForSale sale = offerForSale(l.offerId(), paths.offer(i), read);
      SlotOffer offer = sale.offer();
      if (!offer.openAt(now)) {
        throw InboundRejection.business(
            ErrorCode.ITEM_NOT_FOUND,
            "offer '" + l.offerId() + "' is withdrawn or outside its validity window",
            paths.offer(i));
      }
      if (!l.slot().equals(new DeliverySlot(offer.slotStart, offer.slotEnd))) {
        throw InboundRejection.business(
            ErrorCode.ITEM_NOT_FOUND,
            "offer '"
                + l.offerId()
                + "' delivers in "
                + offer.slotStart
                + "/"
                + offer.slotEnd
                + ", not in "
                + l.slot().start()
                + "/"
                + l.slot().end(),
            paths.slot(i));
      }
      if (!l.providerId().equals(offer.prosumerId)) {
        throw InboundRejection.business(
            ErrorCode.ITEM_NOT_FOUND,
            "offer '"
                + l.offerId()
                + "' is made by '"
                + offer.prosumerId
                + "', not '"
                + l.providerId()
                + "'",
            paths.provider(i));
      }
      BigDecimal total = asked.merge(l.offerId(), l.quantityKwh(), BigDecimal::add);
      if (total.compareTo(offer.availableKwh) > 0) {
        String which = total.equals(l.quantityKwh()) ? "" : " by the lines of this order together";
        throw InboundRejection.business(
            ErrorCode.ITEM_QUANTITY_UNAVAILABLE,
            "offer '"
                + l.offerId()
                + "' has "
                + offer.availableKwh.toPlainString()
                + " kWh left, "
                + total.toPlainString()
                + " asked"
                + which,
            paths.quantity(i));
      }
      if (!samePrice(l, offer)) {
        throw InboundRejection.business(
            ErrorCode.QUOTE_UNAVAILABLE,
            "offer '"
                + l.offerId()
                + "' costs "
                + offer.pricePerKwh.stripTrailingZeros().toPlainString()
                + " "
                + offer.currency
                + "/kWh, not "
                + l.price().perKwh().toPlainString()
                + " "
                + l.price().currency().getCurrencyCode()
                + "; discover again for the current price",
            paths.price(i));
      }
      MeterPoint seller = sale.sellerMeter();
      if (seller.meterId().equals(order.buyer().meterId())) {
        throw InboundRejection.business(
            ErrorCode.POLICY_ERROR,
            "no self-trade: buyer meter '" + order.buyer().meterId() + "' is the seller meter",
            paths.buyerMeter());
      }
      if (credentials.required() && attested.add(offer.prosumerId)) {
        Optional<String> problem = catalog.credentialProblem(sale.prosumer());
        if (problem.isPresent()) {
          throw InboundRejection.business(
              ErrorCode.POLICY_ERROR,
              "prosumer '" + offer.prosumerId + "' may not trade: " + problem.get(),
              paths.provider(i));
        }
      }
    }
    TradeOrder priced = priced(order, paths, read);
    List<BecknError> broken =
        policy.violations(priced, transactionId, now).stream()
            .map(v -> BecknError.of(v.code(), v.message(), paths.order()))
            .toList();
    if (!broken.isEmpty()) {
      throw new InboundRejection(200, broken, java.util.Map.of());
    }
    return priced;
  }

  /** True when a line names the catalog's price: a buyer never sets or bargains the price. */
  private static boolean samePrice(OrderLine l, SlotOffer offer) {
    return l.price().perKwh().compareTo(offer.pricePerKwh) == 0
        && l.price().currency().getCurrencyCode().equals(offer.currency);
  }

  /**
   * The order named by a status, update or cancel, which must belong to the sending buyer platform.
   */
  @Transactional
  public SellerOrder existingOrder(InboundMessage m) throws InboundRejection {
    OrderMessage om = (OrderMessage) m.envelope().getMessage();
    String id = om.getOrder().getId();
    SellerOrder order = SellerOrder.findById(id);
    if (order == null || !order.bapId.equals(m.context().getBapId())) {
      throw InboundRejection.business(
          ErrorCode.ORDER_NOT_FOUND,
          "no order '" + id + "' of '" + m.context().getBapId() + "'",
          "message.order.beckn:id");
    }
    return order;
  }

  /** Update and cancel are possible until gate closure of the earliest slot in the order. */
  @Transactional
  public void beforeGateClosure(SellerOrder order, ErrorCode code, String what, Instant gateClosure)
      throws InboundRejection {
    if (order.status != OrderStatus.ACTIVE) {
      throw InboundRejection.business(
          code, "order '" + order.id + "' is " + order.status, "message.order.beckn:id");
    }
    if (!marketClock.now().isBefore(gateClosure)) {
      throw InboundRejection.business(
          code,
          what + " is not possible after gate closure at " + gateClosure,
          "message.order.beckn:id");
    }
  }
}
