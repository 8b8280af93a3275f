package org.uei.p2p.examples.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.settlement.Figures;

/**
 * The scripted UEI v1 day of the UP pilot (intra-DISCOM, MVVNL in Lucknow), driven only through the
 * nodes' own APIs and a buyer app's own signed messages: prosumers and offers on the seller
 * platform, search → on_search, purchases refused over quantity and outside the pilot's DISCOM,
 * ACTIVE orders and their status, the seller platform re-pricing what a buyer app wrote, MVVNL's
 * meter data, the settlement with its 1.1.0 reports, both platforms' statements and every node's
 * audit log. Market time moves on every node together.
 */
final class UeiV1Day {
  private final UeiV1Network net;
  private final Console console;
  private final LocalDate day;
  private final UeiV1Steps steps;
  private final Map<String, String> offerOf = new LinkedHashMap<>();
  private final List<UeiV1Steps.Bought> bought = new ArrayList<>();

  UeiV1Day(UeiV1Network net, Console console, LocalDate deliveryDay) {
    this.net = net;
    this.console = console;
    this.day = deliveryDay;
    this.steps = new UeiV1Steps(net, console);
  }

  private static Instant at(LocalDate d, int hour) {
    return d.atTime(hour, 0).atZone(TradingDay.IST).toInstant();
  }

  void run() throws Exception {
    LocalDate eve = day.minusDays(1);
    console.phase("Enrolment: MVVNL's prosumers on the seller platform, consumers buying");
    net.marketClock(at(eve, 14));
    steps.enrol();

    console.phase("Trading day " + eve + " 14:00 IST: Lucknow prosumers offer energy for " + day);
    for (DemoCast.Prosumer p : UeiV1Cast.PROSUMERS) {
      offerOf.put(p.id(), steps.offer(p, at(day, p.slotHour())));
    }
    steps.searchAll();

    console.phase(
        "Lucknow consumers buy (search → select → init → confirm, every message signed 1.1.0)");
    for (UeiV1Cast.Purchase p : UeiV1Cast.PURCHASES) {
      bought.add(steps.buy(p, offerOf.get(p.seller().id())));
    }
    refusals();
    List<UeiV1Steps.Bought> active = bought.stream().filter(b -> b.orderId() != null).toList();
    console.check(
        active.size() == 2, "the household's and the bakery's orders are ACTIVE: " + active.size());
    partialFill();

    console.phase("Status of each ACTIVE order (status → on_status, with the seller's terms)");
    List<List<String>> rows = new ArrayList<>();
    for (UeiV1Steps.Bought b : active) {
      rows.add(steps.status(b));
    }
    console.table(
        List.of("order", "status", "trade", "kWh", "value", "payment (seller's terms)"), rows);

    console.phase("The trust boundary: a buyer app's own select, priced by the seller platform");
    new UeiV1TrustBoundary(net, console).show(UeiV1Cast.ALIGANJ, offerOf.get("pros-aliganj-02"), 2);

    if (active.size() == 2) {
      delivery(active);
    }

    console.phase("Audit logs: every node's signed log verified against its registry key");
    PlatformSteps.verifyAuditLogs(console, net.registryUrl(), net.nodes());
  }

  /** The delivery day: meter data, settlement, the reports and both platforms' statements. */
  private void delivery(List<UeiV1Steps.Bought> active) throws Exception {
    UeiV1Delivery d = new UeiV1Delivery(net, console);
    console.phase("D+1 " + day.plusDays(1) + " 08:00 IST: MVVNL's meter data of " + day);
    net.marketClock(at(day.plusDays(1), 8));
    d.meterData(day);

    console.phase(
        "Settlement of "
            + day
            + " on the seller platform ("
            + UeiV1Network.SETTLEMENT_PROFILE
            + "), reported in 1.1.0 on_status and on_update");
    d.settle(day, active);
    d.reports(active);

    console.phase("Statements of " + day + " on both platforms");
    d.statements(day, active);
  }

  /** Each refused purchase is refused with the code the day expects. */
  private void refusals() {
    for (UeiV1Steps.Bought b : bought) {
      String code = b.p().refusedWith();
      if (code != null) {
        console.check(
            b.orderId() == null && b.refusal() != null && b.refusal().startsWith(code + " "),
            b.p().buyer().name() + "'s purchase is refused with " + code + ": " + b.refusal());
      }
    }
  }

  /** The bakery bought 5 of the school's 8 kWh: 3 stay on offer. */
  private void partialFill() throws Exception {
    DemoCast.Prosumer school = UeiV1Cast.ALIGANJ;
    BigDecimal left = steps.availableKwh(offerOf.get(school.id()));
    console.step(
        "partial fill: %s offered %s kWh, %s bought 5.00, %s kWh stay on offer",
        school.name(),
        TradingDay.kwh(school.offeredKwh()),
        UeiV1Cast.HAZRATGANJ.name(),
        Figures.kwh(left));
    console.check(
        left.compareTo(BigDecimal.valueOf(3)) == 0,
        "the remainder of a partly sold offer stays on offer");
  }
}
