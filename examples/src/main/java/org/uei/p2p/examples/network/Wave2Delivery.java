package org.uei.p2p.examples.network;

import static org.uei.p2p.examples.network.Wave2Network.BRPL_UTILITY;
import static org.uei.p2p.examples.network.Wave2Network.BUYER_PLATFORM;
import static org.uei.p2p.examples.network.Wave2Network.PVVNL_UTILITY;
import static org.uei.p2p.examples.network.Wave2Network.SELLER_PLATFORM;
import static org.uei.p2p.examples.network.Wave2Network.TPDDL_UTILITY;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.settlement.Figures;

/**
 * The wave-2 day after delivery: the DISCOMs' meter actuals, the ledgers' allocations cascading
 * ledger → platform → platform → ledger, the seller platform's settlement with its RevenueFlow,
 * what both ledgers show each party, and both platforms' statements.
 */
final class Wave2Delivery {
  // Ledger → DISCOM → ledger → both platforms → seller → buyer: six hops through six outboxes.
  private static final Duration SETTLING = Duration.ofSeconds(120);

  private final Wave2Network net;
  private final Console console;
  private final Wave2Steps steps;

  Wave2Delivery(Wave2Network net, Console console, Wave2Steps steps) {
    this.net = net;
    this.console = console;
    this.steps = steps;
  }

  /** A utility node takes its MDMS's hourly readings of {@code day}. */
  void meterData(NodeProcess utility, String discom, LocalDate day, List<Wave2Cast.Reading> rs)
      throws IOException, InterruptedException {
    List<Map<String, Object>> readings = new ArrayList<>();
    for (Wave2Cast.Reading r : rs) {
      readings.add(
          Map.of(
              "meterId",
              r.meterId(),
              "blockStart",
              day.atTime(r.hour(), 0).atZone(TradingDay.IST).toOffsetDateTime().toString(),
              "blockMinutes",
              60,
              "importKwh",
              new BigDecimal(r.importKwh()),
              "exportKwh",
              new BigDecimal(r.exportKwh())));
      console.step(
          "%s MDMS: %s %02d:00–%02d:00 imported %s kWh, exported %s kWh",
          discom, r.meterId(), r.hour(), r.hour() + 1, r.importKwh(), r.exportKwh());
    }
    Json.post(utility.url() + "/provider/meter-data", Map.of("readings", readings)).expect(200);
  }

  /**
   * A DISCOM's ledger asks its utility node for the actuals of the day's trade windows (a wave-2
   * status); the node answers, the ledger allocates and reports to its side's platform.
   */
  void askActuals(NodeProcess ledger, String ledgerId, LocalDate day)
      throws IOException, InterruptedException {
    JsonNode r =
        Json.post(ledger.url() + "/provider/ledger/actuals/requests", Map.of("day", day.toString()))
            .expect(200);
    console.step(
        "%s asks its DISCOM for %d meter window(s) of %s (wave-2 status %s)",
        ledgerId, r.path("windows").asInt(), day, r.path("messageIds").toString());
  }

  /**
   * Waits until TPDDL's figures of every contract went buyer platform → seller platform → PVVNL's
   * ledger, so the seller platform holds the buyer side before PVVNL's ledger reports the seller
   * side.
   */
  void awaitBuyerSideAtSellerLedger(List<Wave2Steps.Bought> confirmed) throws Exception {
    List<String> pulled =
        Await.until(
            () -> {
              List<String> out = new ArrayList<>();
              for (Wave2Steps.Bought b : confirmed) {
                JsonNode r = steps.records(net.pvvnlLedger, PVVNL_UTILITY, b.transactionId());
                String m =
                    r.size() == 1 ? metric(r.get(0), "buyerFulfillmentValidationMetrics") : "-";
                if (m.equals("-")) {
                  return null;
                }
                out.add(Figures.kwh(new BigDecimal(m)));
              }
              return out;
            },
            SETTLING);
    console.step(
        "TPDDL's figures went %s → %s → %s → %s: it shows pulled %s kWh",
        Wave2Network.TPDDL_LEDGER,
        BUYER_PLATFORM,
        SELLER_PLATFORM,
        Wave2Network.PVVNL_LEDGER,
        pulled == null ? "?" : String.join(", ", pulled));
    console.check(pulled != null, "the buyer side's allocations reach the seller DISCOM's ledger");
  }

  /**
   * Waits for each contract's settlement at the buyer platform (the seller platform's on_status
   * with FINAL_ALLOC and {@code consideration[id=auto-settlement-flows]}) and shows the cascade's
   * figures; the settlement summaries by contract.
   */
  Map<Wave2Steps.Bought, JsonNode> awaitSettled(List<Wave2Steps.Bought> confirmed)
      throws Exception {
    Map<Wave2Steps.Bought, JsonNode> settled = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    for (Wave2Steps.Bought b : confirmed) {
      JsonNode s =
          Await.until(
              () -> {
                for (JsonNode c :
                    Json.get(net.bap.url() + "/client/transactions/" + b.transactionId())
                        .expect(200)
                        .get("callbacks")) {
                  if (c.toString().contains("auto-settlement-flows")) {
                    return c.get("summary");
                  }
                }
                return null;
              },
              SETTLING);
      String fin =
          s == null ? "-" : Figures.kwh(s.at("/finalKwh").elements().next().decimalValue());
      rows.add(
          List.of(
              b.contractId(),
              b.p().seller().name() + " → " + b.p().buyer().name(),
              TradingDay.kwh(b.p().kwh()),
              s == null ? "-" : allocated(s, "SELLER"),
              s == null ? "-" : allocated(s, "BUYER"),
              fin));
      console.check(
          s != null, "the seller platform settles contract " + b.contractId() + " in time");
      console.check(
          b.p().finalKwh().equals(fin),
          b.contractId() + ": FINAL_ALLOC " + fin + " kWh, expected " + b.p().finalKwh());
      if (s != null) {
        settled.put(b, s);
      }
    }
    console.table(
        List.of(
            "contract",
            "trade",
            "contracted kWh",
            "SELLER_DISCOM_ALLOC",
            "BUYER_DISCOM_ALLOC",
            "FINAL_ALLOC"),
        rows);
    return settled;
  }

  private static String allocated(JsonNode summary, String side) {
    for (JsonNode a : summary.path("allocations")) {
      if (a.path("side").asText().equals(side)) {
        return Figures.kwh(a.path("allocatedKwh").decimalValue());
      }
    }
    return "-";
  }

  /** Each settled contract's RevenueFlow, line by line; the lines must sum to zero. */
  void revenueFlows(Map<Wave2Steps.Bought, JsonNode> settled) {
    for (Map.Entry<Wave2Steps.Bought, JsonNode> e : settled.entrySet()) {
      Wave2Steps.Bought b = e.getKey();
      console.step(
          "contract %s (%s → %s, ₹%s/kWh):",
          b.contractId(),
          b.p().seller().name(),
          b.p().buyer().name(),
          b.p().seller().pricePerKwh());
      List<List<String>> rows = new ArrayList<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode f : e.getValue().path("revenueFlows")) {
        BigDecimal amount = f.path("amount").decimalValue();
        sum = sum.add(amount);
        rows.add(
            List.of(
                f.path("party").asText(),
                signed(amount),
                amount.signum() < 0 ? "pays" : "receives"));
      }
      rows.add(List.of("sum", signed(sum), ""));
      console.table(List.of("party", "amount", ""), rows);
      console.check(
          rows.size() == 5 && sum.signum() == 0,
          "the RevenueFlow of " + b.contractId() + " has four lines summing to zero");
    }
    console.step(
        "the local network's policy: wheeling ₹%s/kWh to the buyer DISCOM, ₹%s/kWh to the seller"
            + " DISCOM, no shortfall penalty",
        Wave2Policy.WHEELING_BUYER, Wave2Policy.WHEELING_SELLER);
  }

  private static String signed(BigDecimal amount) {
    return (amount.signum() < 0 ? "−" : "") + Figures.inr(amount.abs());
  }

  /**
   * What each DISCOM's ledger shows each party (POST /ledger/get signed by that party), once both
   * ledgers hold both DISCOMs' figures of every contract.
   */
  void ledgerViews(List<Wave2Steps.Bought> confirmed) throws Exception {
    Boolean both =
        Await.until(
            () -> {
              for (Wave2Steps.Bought b : confirmed) {
                if (!bothSides(net.pvvnlLedger, PVVNL_UTILITY, b.transactionId())
                    || !bothSides(net.tpddlLedger, TPDDL_UTILITY, b.transactionId())) {
                  return null;
                }
              }
              return Boolean.TRUE;
            },
            SETTLING);
    console.check(both != null, "both ledgers hold both DISCOMs' figures of every contract");
    List<String> parties =
        List.of(BUYER_PLATFORM, SELLER_PLATFORM, TPDDL_UTILITY, PVVNL_UTILITY, BRPL_UTILITY);
    List<List<String>> rows = new ArrayList<>();
    for (NodeProcess ledger : List.of(net.pvvnlLedger, net.tpddlLedger)) {
      String name =
          ledger == net.pvvnlLedger ? Wave2Network.PVVNL_LEDGER : Wave2Network.TPDDL_LEDGER;
      for (String party : parties) {
        JsonNode records = net.ledgerGet(ledger, party, Map.of()).get("records");
        List<String> seen = new ArrayList<>();
        for (JsonNode r : records) {
          seen.add(
              String.format(
                  "%s %s kWh pushed %s pulled %s",
                  r.path("sellerId").asText().replace("TEST_UP_PVVNL_", ""),
                  r.at("/tradeDetails/0/tradeQty").asText(),
                  metric(r, "sellerFulfillmentValidationMetrics"),
                  metric(r, "buyerFulfillmentValidationMetrics")));
        }
        rows.add(
            List.of(
                name,
                party,
                Integer.toString(records.size()),
                seen.isEmpty() ? "-" : String.join("; ", seen)));
        boolean brpl = party.equals(BRPL_UTILITY);
        console.check(
            records.size() == (brpl ? 0 : confirmed.size()),
            name + " shows " + party + (brpl ? " nothing" : " every contract"));
      }
    }
    console.table(List.of("ledger", "asked by", "records", "what it shows"), rows);
  }

  private static String metric(JsonNode record, String field) {
    JsonNode m = record.path(field);
    return m.isEmpty() ? "-" : m.get(0).path("validationMetricValue").asText();
  }

  private boolean bothSides(NodeProcess ledger, String caller, String txn) throws Exception {
    JsonNode r = steps.records(ledger, caller, txn);
    return r.size() == 1
        && r.get(0).path("buyerFulfillmentValidationMetrics").size() > 0
        && r.get(0).path("sellerFulfillmentValidationMetrics").size() > 0;
  }
}
