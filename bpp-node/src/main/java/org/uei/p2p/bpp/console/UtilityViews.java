package org.uei.p2p.bpp.console;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.uei.p2p.bpp.utility.DeliveryReport;
import org.uei.p2p.bpp.utility.IssuedCredential;
import org.uei.p2p.bpp.utility.UtilityConsumer;
import org.uei.p2p.bpp.utility.UtilityLedger;
import org.uei.p2p.bpp.utility.UtilityTrade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * What a DISCOM's utility node shows: its consumers with sanctioned load and the headroom left in
 * each slot they trade in, the trades recorded (and curtailed), and the SLDC view of P2P flows:
 * contracted against delivered kWh per hour for each pair of DISCOMs.
 */
@ApplicationScoped
public class UtilityViews {

  /** Most rows a list shows. */
  static final int MAX_ROWS = 500;

  @Inject UtilityLedger ledger;

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

  /** Consumers with their traded slots and headroom. */
  @Transactional
  public List<Consumer> consumers() {
    List<Consumer> out = new ArrayList<>();
    List<UtilityConsumer> consumers = UtilityConsumer.list("order by meterId");
    for (UtilityConsumer c : consumers.subList(0, Math.min(consumers.size(), MAX_ROWS))) {
      TreeSet<Instant> slots = new TreeSet<>();
      List<UtilityTrade> trades =
          UtilityTrade.list(
              "status <> ?1 and (buyerMeterId = ?2 or sellerMeterId = ?2)",
              UtilityTrade.CANCELLED,
              c.meterId);
      trades.forEach(t -> slots.add(t.slotStart));
      List<Headroom> room = new ArrayList<>();
      for (Instant s : slots) {
        room.add(
            new Headroom(
                s,
                ledger.headroom(c.meterId, TradeSide.BUYER, s).orElse(null),
                ledger.headroom(c.meterId, TradeSide.SELLER, s).orElse(null)));
      }
      out.add(
          new Consumer(
              c.meterId,
              c.customerId,
              c.sanctionedLoadKw,
              c.installedCapacityKw,
              credential(c.meterId),
              room));
    }
    return out;
  }

  /** The meter's credential as an operator reads it: active since, or revoked when and why. */
  private static String credential(String meterId) {
    Optional<IssuedCredential> active = IssuedCredential.active(meterId);
    if (active.isPresent()) {
      return "urn:uuid:" + active.get().id + ", issued " + active.get().issuedAt;
    }
    return IssuedCredential.<IssuedCredential>find("meterId = ?1 order by issuedAt desc", meterId)
        .firstResultOptional()
        .map(
            c ->
                "revoked "
                    + c.revokedAt
                    + (c.revocationReason == null ? "" : ": " + c.revocationReason))
        .orElse("none");
  }

  /** Recorded trades, by slot. */
  @Transactional
  public List<Trade> trades() {
    List<UtilityTrade> rows = UtilityTrade.find("order by slotStart, id").page(0, MAX_ROWS).list();
    Map<String, BigDecimal> delivered = delivered();
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
   * buyer}), hours in order. Delivered is what the meters allocated to the trade: the smaller side
   * where both sides reported, the one reported otherwise.
   */
  @Transactional
  public List<Flow> flows() {
    Map<String, BigDecimal> delivered = delivered();
    Map<String, Map<Instant, BigDecimal[]>> byPair = new TreeMap<>();
    List<UtilityTrade> trades = UtilityTrade.list("status <> ?1", UtilityTrade.CANCELLED);
    for (UtilityTrade t : trades) {
      String pair = t.sellerDiscomId + " → " + t.buyerDiscomId;
      BigDecimal[] sums =
          byPair
              .computeIfAbsent(pair, p -> new TreeMap<>())
              .computeIfAbsent(t.slotStart, h -> new BigDecimal[] {BigDecimal.ZERO, null});
      BigDecimal curtailed = t.curtailedKwh == null ? BigDecimal.ZERO : t.curtailedKwh;
      sums[0] = sums[0].add(t.quantityKwh.subtract(curtailed.min(t.quantityKwh)));
      BigDecimal d = delivered.get(t.id);
      if (d != null) {
        sums[1] = sums[1] == null ? d : sums[1].add(d);
      }
    }
    List<Flow> out = new ArrayList<>();
    byPair.forEach(
        (pair, hours) -> hours.forEach((hour, s) -> out.add(new Flow(pair, hour, s[0], s[1]))));
    return out;
  }

  private static Map<String, BigDecimal> delivered() {
    Map<String, BigDecimal> out = new HashMap<>();
    List<DeliveryReport> reports = DeliveryReport.listAll();
    for (DeliveryReport r : reports) {
      out.merge(r.tradeId, r.allocatedKwh, BigDecimal::min);
    }
    return out;
  }
}
