package org.uei.p2p.bpp.console;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.uei.p2p.bpp.catalog.Prosumer;
import org.uei.p2p.bpp.catalog.SlotOffer;
import org.uei.p2p.bpp.delivery.DeliveryConfig;
import org.uei.p2p.bpp.delivery.Settlements;
import org.uei.p2p.bpp.order.OrderStatus;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.market.settlement.PlatformNetAmount;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.Payee;

/**
 * What the seller platform's console pages read: orders, prosumers with their offers, and the
 * settlements of a period per day and per counterparty, all through the node's own entities and
 * {@link Settlements}; nothing here writes.
 */
@ApplicationScoped
public class SellerViews {

  /** Most rows a list shows. */
  static final int MAX_ROWS = 200;

  /** Most offers the offers page reads, over all its prosumers. */
  static final int MAX_OFFERS = 2_000;

  @Inject Settlements settlements;
  @Inject DeliveryConfig delivery;

  /** One order line. */
  @TemplateData
  public record Line(
      int lineNo, String offerId, BigDecimal kwh, BigDecimal price, String currency) {}

  /** One order with its lines. */
  @TemplateData
  public record Order(
      String id,
      String transactionId,
      String bapId,
      String buyerMeterId,
      String buyerDiscomId,
      String status,
      Instant createdAt,
      List<Line> lines) {}

  /** One slot offer. */
  @TemplateData
  public record Offer(
      String id,
      Instant slotStart,
      Instant slotEnd,
      BigDecimal price,
      String currency,
      BigDecimal maxKwh,
      BigDecimal remainingKwh,
      String status) {}

  /** A prosumer and its offers, slot by slot. */
  @TemplateData
  public record ProsumerOffers(
      String id,
      String name,
      String meterId,
      String discomId,
      BigDecimal installedKw,
      List<Offer> offers) {}

  /** One delivery day's settlement totals. */
  @TemplateData
  public record Day(
      LocalDate day,
      long trades,
      BigDecimal contractedKwh,
      BigDecimal settledKwh,
      BigDecimal paid) {}

  /** One slot's contracted and settled kWh. */
  @TemplateData
  public record Slot(Instant start, BigDecimal contractedKwh, BigDecimal settledKwh) {}

  /** A period's settlements by day, by slot, and net with each counterparty. */
  @TemplateData
  public record Period(List<Day> days, List<Slot> slots, List<PlatformNetAmount> nets) {}

  /** The newest orders, newest first, each with its lines: two queries. */
  @Transactional
  public List<Order> orders() {
    EntityManager em = SellerOrder.getEntityManager();
    List<Object[]> rows =
        em.createQuery(
                "select id, transactionId, bapId, buyerMeterId, buyerDiscomId, status, createdAt"
                    + " from SellerOrder order by createdAt desc, id",
                Object[].class)
            .setMaxResults(MAX_ROWS)
            .getResultList();
    Map<String, List<Line>> lines = new HashMap<>();
    rows.forEach(r -> lines.put((String) r[0], new ArrayList<>()));
    if (!lines.isEmpty()) {
      List<Object[]> found =
          em.createQuery(
                  "select l.key.orderId, l.key.lineNo, l.offerId, l.quantityKwh, l.pricePerKwh,"
                      + " l.currency from SellerOrderLine l where l.key.orderId in :ids"
                      + " order by l.key.orderId, l.key.lineNo",
                  Object[].class)
              .setParameter("ids", lines.keySet())
              .getResultList();
      for (Object[] l : found) {
        lines
            .get((String) l[0])
            .add(
                new Line(
                    (Integer) l[1],
                    (String) l[2],
                    (BigDecimal) l[3],
                    (BigDecimal) l[4],
                    (String) l[5]));
      }
    }
    return rows.stream()
        .map(
            r ->
                new Order(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    ((OrderStatus) r[5]).name(),
                    (Instant) r[6],
                    lines.get((String) r[0])))
        .toList();
  }

  /**
   * The prosumers (at most {@link #MAX_ROWS}) with their offers for slots ending after {@code
   * since}, by slot: two queries.
   */
  @Transactional
  public List<ProsumerOffers> prosumers(Instant since) {
    List<Prosumer> prosumers = Prosumer.find("order by id").page(0, MAX_ROWS).list();
    Map<String, List<Offer>> offers = new HashMap<>();
    prosumers.forEach(p -> offers.put(p.id, new ArrayList<>()));
    if (!offers.isEmpty()) {
      List<SlotOffer> found =
          SlotOffer.find(
                  "prosumerId in ?1 and slotEnd > ?2 order by prosumerId, slotStart",
                  offers.keySet(),
                  since)
              .page(0, MAX_OFFERS)
              .list();
      for (SlotOffer s : found) {
        offers
            .get(s.prosumerId)
            .add(
                new Offer(
                    s.id,
                    s.slotStart,
                    s.slotEnd,
                    s.pricePerKwh,
                    s.currency,
                    s.maxKwh,
                    s.availableKwh,
                    s.status.name()));
      }
    }
    return prosumers.stream()
        .map(
            p ->
                new ProsumerOffers(
                    p.id, p.name, p.meterId, p.discomId, p.installedCapacityKw, offers.get(p.id)))
        .toList();
  }

  /** Settlements of trades with slots in {@code [from, to)}. */
  public Period period(Instant from, Instant to) {
    ZoneId zone = ZoneId.of(delivery.zone());
    List<TradeSettlement> all = settlements.settlements(from, to, Optional.empty());
    Map<LocalDate, Day> days = new TreeMap<>();
    Map<Instant, Slot> slots = new TreeMap<>();
    for (TradeSettlement s : all) {
      BigDecimal contracted = s.contractedKwh();
      BigDecimal settled = s.reconciled().settledKwh();
      LocalDate day = s.trade().slot().start().atZone(zone).toLocalDate();
      Day d =
          days.getOrDefault(
              day, new Day(day, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
      days.put(
          day,
          new Day(
              day,
              d.trades() + 1,
              d.contractedKwh().add(contracted),
              d.settledKwh().add(settled),
              d.paid().add(s.paidBy(Payee.BUYER))));
      Instant start = s.trade().slot().start();
      Slot sl = slots.getOrDefault(start, new Slot(start, BigDecimal.ZERO, BigDecimal.ZERO));
      slots.put(
          start, new Slot(start, sl.contractedKwh().add(contracted), sl.settledKwh().add(settled)));
    }
    List<PlatformNetAmount> nets = settlements.statement(from, to, Optional.empty()).nets();
    return new Period(List.copyOf(days.values()), List.copyOf(slots.values()), nets);
  }

  /** The zone delivery days and billing months are counted in. */
  public ZoneId zone() {
    return ZoneId.of(delivery.zone());
  }
}
