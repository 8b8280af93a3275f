package org.uei.p2p.examples.network;

import static org.uei.p2p.examples.network.DemoNetwork.PVVNL_UTILITY;
import static org.uei.p2p.examples.network.DemoNetwork.SELLER_PLATFORM;
import static org.uei.p2p.examples.network.DemoNetwork.TPDDL_UTILITY;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.settlement.Figures;

/**
 * The scripted trading day, driven only through the nodes' own APIs: enrolment at the DISCOMs,
 * offers for tomorrow's slots, cross-border purchases (one filled partially, one refused by the
 * buyer's DISCOM), gate closure, a curtailment, the MDMS files of the delivery day, allocation and
 * settlement, and the month's DISCOM billing file. Market time moves on every node together.
 */
final class TradingDay {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** A purchase: who buys how much of which prosumer's offer, and whether the DISCOM lets it. */
  record Purchase(
      DemoCast.Consumer buyer, DemoCast.Prosumer seller, int kwh, String expectedSettledKwh) {}

  /** What a purchase left behind. */
  record Bought(Purchase p, String transactionId, String orderId, String refusal) {}

  private final DemoNetwork net;
  private final Console console;
  private final LocalDate day;
  private final Map<String, String> offerOf = new LinkedHashMap<>();
  private final List<Bought> bought = new ArrayList<>();
  final MarketSteps steps;

  TradingDay(DemoNetwork net, Console console, LocalDate deliveryDay) {
    this.net = net;
    this.console = console;
    this.day = deliveryDay;
    this.steps = new MarketSteps(net, console);
  }

  Instant at(LocalDate d, int hour, int minute) {
    return d.atTime(hour, minute).atZone(IST).toInstant();
  }

  void run() throws Exception {
    LocalDate eve = day.minusDays(1);
    console.phase("Enrolment: the DISCOMs know their consumers, the seller platform its prosumers");
    net.setMarketClock(at(eve, 14, 0));
    enrol();

    console.phase("Trading day " + eve + " 14:00 IST: prosumers in UP offer energy for " + day);
    for (DemoCast.Prosumer p : DemoCast.PROSUMERS) {
      offerOf.put(p.id(), steps.publish(p, at(day, p.slotHour(), 0)));
    }
    steps.showCatalog();

    console.phase(
        "Delhi consumers buy across the state border (BAP → BPP, cascaded to TPDDL and PVVNL)");
    List<Purchase> plan =
        List.of(
            new Purchase(DemoCast.CONSUMERS.get(0), DemoCast.PROSUMERS.get(0), 4, "3.20"),
            new Purchase(DemoCast.CONSUMERS.get(1), DemoCast.PROSUMERS.get(1), 5, "4.00"),
            new Purchase(DemoCast.CONSUMERS.get(2), DemoCast.PROSUMERS.get(2), 3, null),
            new Purchase(DemoCast.CONSUMERS.get(2), DemoCast.PROSUMERS.get(2), 2, "2.00"));
    for (Purchase p : plan) {
      bought.add(steps.buy(p, offerOf.get(p.seller().id())));
    }
    tradesTable();
    Bought partial = bought.get(1);
    BigDecimal left = steps.availableKwh(offerOf.get(partial.p().seller().id()));
    console.step(
        "partial fill: %s offered %s kWh, %s bought %s, %s kWh stay on offer",
        partial.p().seller().name(),
        kwh(partial.p().seller().offeredKwh()),
        partial.p().buyer().name(),
        kwh(partial.p().kwh()),
        Figures.kwh(left));
    console.check(
        left.compareTo(BigDecimal.valueOf(partial.p().seller().offeredKwh() - partial.p().kwh()))
            == 0,
        "the remainder of a partly sold offer stays on offer");
    console.check(
        bought.get(2).refusal() != null && bought.get(2).refusal().contains("TPDDL"),
        "the purchase above the Shalimar Bagh flat's sanctioned load is refused, naming TPDDL");
    revokedSellerCannotTrade(partial.p().seller());
    bought.stream()
        .filter(b -> b.p().expectedSettledKwh() != null)
        .forEach(
            b ->
                console.check(
                    b.orderId() != null, b.p().buyer().name() + "'s purchase is confirmed"));

    console.phase("Gate closure: " + day + " 07:00 IST, the slots are locked");
    net.setMarketClock(at(day, 7, 0));
    steps.cancelAfterGateClosure(bought.get(0));

    console.phase(
        "Delivery, " + day + " 11:15 IST: PVVNL curtails the Meerut school's injection by 1 kWh");
    net.setMarketClock(at(day, 11, 15));
    steps.curtail(PVVNL_UTILITY, bought.get(1), "1", "CONGESTION");

    console.phase(
        "D+1 " + day.plusDays(1) + " 08:00 IST: the MDMS files of " + day + " reach the DISCOMs");
    net.setMarketClock(at(day.plusDays(1), 8, 0));
    steps.dropMdms(PVVNL_UTILITY, day, DemoCast.PVVNL_MDMS);
    steps.dropMdms(TPDDL_UTILITY, day, DemoCast.TPDDL_MDMS);

    console.phase("Allocation and settlement of " + day + " on the seller platform");
    List<Bought> confirmed = bought.stream().filter(b -> b.orderId() != null).toList();
    steps.settle(day, confirmed.stream().map(Bought::orderId).toList());
    steps.settlementTables(day, confirmed, at(day.plusDays(1), 8, 0));

    console.phase("Monthly reconciliation for the DISCOMs' bills");
    steps.billing(day);

    console.phase(
        "DRE compliance report of "
            + day.toString().substring(0, 7)
            + " (uei settlement report --dre)");
    steps.dreReport(day);

    console.phase("Audit logs: every node's signed log verified against its registry key");
    steps.verifyAuditLogs();
  }

  /** PVVNL revokes a seller's credential: its trades stand, its remaining offer cannot be sold. */
  private void revokedSellerCannotTrade(DemoCast.Prosumer seller) throws Exception {
    Json.post(
            net.node(PVVNL_UTILITY).url() + "/utility/credentials/" + seller.meterId() + "/revoke",
            Map.of("reason", "net meter replaced after inspection"))
        .expect(200);
    console.step("PVVNL revokes the credential of %s (net meter replaced)", seller.name());
    Bought refused =
        steps.buy(
            new Purchase(DemoCast.CONSUMERS.get(0), seller, 1, null), offerOf.get(seller.id()));
    console.check(
        refused.orderId() == null
            && refused.refusal() != null
            && refused.refusal().contains("REVOKED"),
        "a revoked seller's remaining offer can no longer be bought (credential REVOKED)");
  }

  private void enrol() throws IOException, InterruptedException {
    List<Map<String, Object>> pvvnl = new ArrayList<>();
    for (DemoCast.Prosumer p : DemoCast.PROSUMERS) {
      pvvnl.add(
          Map.of(
              "meterId",
              p.meterId(),
              "customerId",
              p.id(),
              "sanctionedLoadKw",
              p.capacityKw(),
              "installedCapacityKw",
              p.capacityKw(),
              "stateCode",
              "UP"));
    }
    List<Map<String, Object>> tpddl = new ArrayList<>();
    for (DemoCast.Consumer c : DemoCast.CONSUMERS) {
      tpddl.add(
          Map.of(
              "meterId",
              c.meterId(),
              "customerId",
              c.id(),
              "sanctionedLoadKw",
              c.sanctionedLoadKw(),
              "installedCapacityKw",
              0,
              "stateCode",
              "DL"));
    }
    Json.post(net.node(PVVNL_UTILITY).url() + "/utility/consumers", pvvnl).expect(201);
    Json.post(net.node(TPDDL_UTILITY).url() + "/utility/consumers", tpddl).expect(201);
    for (DemoCast.Prosumer p : DemoCast.PROSUMERS) {
      JsonNode credential =
          Json.get(net.node(PVVNL_UTILITY).url() + "/utility/credentials/" + p.meterId())
              .expect(200);
      Json.post(
              net.node(SELLER_PLATFORM).url() + "/provider/prosumers",
              Map.of(
                  "id",
                  p.id(),
                  "name",
                  p.name(),
                  "meterId",
                  p.meterId(),
                  "discomId",
                  "PVVNL",
                  "stateCode",
                  "UP",
                  "installedCapacityKw",
                  p.capacityKw(),
                  "credential",
                  credential))
          .expect(201);
    }
    console.step(
        "PVVNL (UP) enrolled %d prosumer meters and issued each an ElectricityCredential",
        pvvnl.size());
    console.step("the UP seller platform registered them, each with its verified PVVNL credential");
    console.step(
        "TPDDL (Delhi) enrolled %d consumer meters with their sanctioned loads", tpddl.size());
  }

  static String kwh(int kwh) {
    return Figures.kwh(BigDecimal.valueOf(kwh));
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private void tradesTable() {
    List<List<String>> rows = new ArrayList<>();
    for (Bought b : bought) {
      rows.add(
          List.of(
              b.p().buyer().name(),
              b.p().seller().name(),
              String.format("%02d:00", b.p().seller().slotHour()),
              kwh(b.p().kwh()) + " kWh",
              "₹" + b.p().seller().pricePerKwh(),
              b.orderId() != null
                  ? "confirmed " + b.orderId()
                  : "refused: " + shorten(b.refusal(), 70)));
    }
    console.table(
        List.of("buyer (TPDDL)", "seller (PVVNL)", "slot", "asked", "price/kWh", "outcome"), rows);
  }
}
