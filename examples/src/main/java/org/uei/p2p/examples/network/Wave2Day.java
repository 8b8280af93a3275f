package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.settlement.Figures;

/**
 * The scripted trading day on IES wave 2, driven only through the nodes' own APIs: enrolment, the
 * catalog published to and discovered at the catalog discovery service, purchases refused by the
 * contract policy and by a DISCOM's headroom, ACTIVE contracts on both DISCOMs' ledgers, the meter
 * actuals of the delivery day, the allocation cascade, the settlement's RevenueFlow, both ledgers'
 * views, both platforms' statements and every node's audit log. Market time moves on every node
 * together.
 */
final class Wave2Day {
  private final Wave2Network net;
  private final Console console;
  private final LocalDate day;
  private final Wave2Steps steps;
  private final Wave2Delivery delivery;
  private final Map<String, String> offerOf = new LinkedHashMap<>();
  private final List<Wave2Steps.Bought> bought = new ArrayList<>();

  Wave2Day(Wave2Network net, Console console, LocalDate deliveryDay) {
    this.net = net;
    this.console = console;
    this.day = deliveryDay;
    this.steps = new Wave2Steps(net, console);
    this.delivery = new Wave2Delivery(net, console, steps);
  }

  private static Instant at(LocalDate d, int hour) {
    return d.atTime(hour, 0).atZone(TradingDay.IST).toInstant();
  }

  void run() throws Exception {
    LocalDate eve = day.minusDays(1);
    console.phase("Enrolment: the DISCOMs know their consumers, the seller platform its prosumers");
    net.marketClock(at(eve, 14));
    steps.enrol();

    console.phase(
        "Trading day "
            + eve
            + " 14:00 IST: UP prosumers offer energy for "
            + day
            + "; the catalog goes to the discovery service");
    for (DemoCast.Prosumer p : Wave2Cast.PROSUMERS) {
      offerOf.put(p.id(), steps.offer(p, at(day, p.slotHour())));
    }
    steps.awaitPublished(Wave2Cast.PROSUMERS.size());
    steps.discoverAll();

    console.phase(
        "Delhi consumers buy across the state border (init → confirm; TPDDL and PVVNL check"
            + " headroom; the contract goes to both DISCOMs' ledgers)");
    for (Wave2Cast.Purchase p : Wave2Cast.PURCHASES) {
      bought.add(steps.buy(p, offerOf.get(p.seller().id())));
    }
    tradesTable();
    refusals();
    List<Wave2Steps.Bought> confirmed =
        bought.stream().filter(b -> b.p().finalKwh() != null).toList();
    confirmed.forEach(
        b ->
            console.check(
                b.contractId() != null,
                b.p().buyer().name() + "'s contract is ACTIVE (" + b.refusal() + ")"));
    if (confirmed.stream().anyMatch(b -> b.contractId() == null)) {
      return;
    }
    afterConfirm(confirmed);

    console.phase("D+1 " + day.plusDays(1) + " 08:00 IST: the DISCOMs' meter actuals of " + day);
    net.marketClock(at(day.plusDays(1), 8));
    delivery.meterData(net.pvvnl, "PVVNL", day, Wave2Cast.PVVNL_ACTUALS);
    delivery.meterData(net.tpddl, "TPDDL", day, Wave2Cast.TPDDL_ACTUALS);

    console.phase(
        "The allocation cascade: ledger → platform → platform → ledger; the seller platform"
            + " settles each contract");
    delivery.askActuals(net.tpddlLedger, Wave2Network.TPDDL_LEDGER, day);
    delivery.awaitBuyerSideAtSellerLedger(confirmed);
    delivery.askActuals(net.pvvnlLedger, Wave2Network.PVVNL_LEDGER, day);
    Map<Wave2Steps.Bought, JsonNode> settled = delivery.awaitSettled(confirmed);

    console.phase("RevenueFlow of each contract (consideration auto-settlement-flows)");
    delivery.revenueFlows(settled);

    console.phase("Both DISCOMs' ledgers, as each party sees them (POST /ledger/get, signed)");
    delivery.ledgerViews(confirmed);

    console.phase("Statements of " + day + " on both platforms");
    new Wave2Statements(net, console).show(day, settled);

    console.phase("Audit logs: every node's signed log verified against its registry key");
    PlatformSteps.verifyAuditLogs(console, net.registryUrl(), net.nodes());
  }

  /** The contract policy refuses BRPL's shop; TPDDL refuses the flat above its sanctioned load. */
  private void refusals() {
    for (Wave2Steps.Bought b : bought) {
      String by = b.p().refusedBy();
      if (by == null) {
        continue;
      }
      String why = String.valueOf(b.refusal());
      boolean named =
          by.startsWith("CON-")
              ? why.startsWith("50000 " + by)
              : why.startsWith("50000") && why.contains("TPDDL") && why.contains(by);
      console.check(
          b.contractId() == null && named,
          b.p().buyer().name() + "'s purchase is refused with 50000 " + by + ": " + why);
    }
  }

  /**
   * The partly sold offer keeps its remainder, TPDDL counts the household's energy in its headroom,
   * and both DISCOMs' ledgers hold every contract.
   */
  private void afterConfirm(List<Wave2Steps.Bought> confirmed) throws Exception {
    Wave2Steps.Bought clinic = confirmed.get(1);
    BigDecimal left = steps.availableKwh(offerOf.get(clinic.p().seller().id()));
    console.step(
        "partial fill: %s offered %s kWh, %s bought %s, %s kWh stay on offer",
        clinic.p().seller().name(),
        TradingDay.kwh(clinic.p().seller().offeredKwh()),
        clinic.p().buyer().name(),
        TradingDay.kwh(clinic.p().kwh()),
        Figures.kwh(left));
    console.check(
        left.compareTo(BigDecimal.valueOf(clinic.p().seller().offeredKwh() - clinic.p().kwh()))
            == 0,
        "the remainder of a partly sold offer stays on offer");
    Wave2Steps.Bought home = confirmed.get(0);
    BigDecimal headroom =
        steps.headroom(home.p().buyer().meterId(), at(day, home.p().seller().slotHour()));
    console.step(
        "TPDDL counts the contract: %s has %s kWh of its %d kW sanctioned load left at %02d:00",
        home.p().buyer().name(),
        Figures.kwh(headroom),
        home.p().buyer().sanctionedLoadKw(),
        home.p().seller().slotHour());
    console.check(
        headroom.compareTo(BigDecimal.valueOf(home.p().buyer().sanctionedLoadKw() - home.p().kwh()))
            == 0,
        "TPDDL's headroom counts the confirmed contract");
    steps.ledgerRecords(confirmed);
  }

  private void tradesTable() {
    List<List<String>> rows = new ArrayList<>();
    for (Wave2Steps.Bought b : bought) {
      rows.add(
          List.of(
              b.p().buyer().name(),
              b.p().buyer().discom(),
              b.p().seller().name(),
              String.format("%02d:00", b.p().seller().slotHour()),
              TradingDay.kwh(b.p().kwh()) + " kWh",
              "₹" + b.p().seller().pricePerKwh(),
              b.contractId() != null
                  ? "ACTIVE " + b.contractId()
                  : "refused: " + shorten(String.valueOf(b.refusal()), 70)));
    }
    console.table(
        List.of("buyer", "DISCOM", "seller (PVVNL)", "slot", "asked", "price/kWh", "outcome"),
        rows);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
