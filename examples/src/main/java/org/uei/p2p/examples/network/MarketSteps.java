package org.uei.p2p.examples.network;

import static org.uei.p2p.examples.network.DemoNetwork.BUYER_PLATFORM;
import static org.uei.p2p.examples.network.DemoNetwork.SELLER_PLATFORM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uei.p2p.cli.UeiCli;
import org.uei.p2p.market.settlement.Figures;
import picocli.CommandLine;

/**
 * The single steps of the trading day, each one call (or a few) to a node's own API, printing what
 * happened and checking the outcome.
 */
final class MarketSteps {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final DemoNetwork net;
  private final Console console;

  MarketSteps(DemoNetwork net, Console console) {
    this.net = net;
    this.console = console;
  }

  private String bap() {
    return net.node(BUYER_PLATFORM).url();
  }

  private String bpp() {
    return net.node(SELLER_PLATFORM).url();
  }

  String publish(DemoCast.Prosumer p, Instant slotStart) throws IOException, InterruptedException {
    return PlatformSteps.offer(console, bpp(), p, slotStart);
  }

  void showCatalog() throws IOException, InterruptedException {
    JsonNode d =
        Json.post(
                bap() + "/client/discover",
                Map.of(
                    "filter",
                    "$[?(@.beckn:provider.beckn:providerAttributes.utilityId == 'PVVNL')]"))
            .expect(200);
    int n = d.path("offers").size();
    console.step("the Delhi buyer platform discovers %d PVVNL offers", n);
    console.check(n == DemoCast.PROSUMERS.size(), "discover finds every PVVNL offer");
  }

  TradingDay.Bought buy(TradingDay.Purchase p, String offerId)
      throws IOException, InterruptedException {
    JsonNode d =
        Json.post(
                bap() + "/client/discover",
                Map.of("filter", "$[?(@.beckn:id == '" + offerId + "')]"))
            .expect(200);
    String txn = d.get("transactionId").asText();
    Map<String, Object> order =
        Map.of(
            "transactionId",
            txn,
            "bppId",
            SELLER_PLATFORM,
            "buyer",
            Map.of("id", p.buyer().id(), "meterId", p.buyer().meterId(), "discomId", "TPDDL"),
            "items",
            List.of(Map.of("offerId", offerId, "quantityKwh", p.kwh())));
    PlatformSteps.Ordered o = PlatformSteps.selectInitConfirm(bap(), order);
    String refusal = o.refusal();
    String orderId =
        refusal == null ? o.confirm().at("/callbacks/0/summary/order/orderId").asText(null) : null;
    console.step(
        "%-20s asks %s kWh of %-22s → %s",
        p.buyer().name(),
        TradingDay.kwh(p.kwh()),
        p.seller().name(),
        orderId != null ? "confirmed" : "refused: " + refusal);
    return new TradingDay.Bought(p, txn, orderId, refusal);
  }

  BigDecimal availableKwh(String offerId) throws IOException, InterruptedException {
    return Json.get(bpp() + "/provider/offers/" + offerId)
        .expect(200)
        .get("availableKwh")
        .decimalValue();
  }

  void cancelAfterGateClosure(TradingDay.Bought b) throws IOException, InterruptedException {
    String refusal =
        PlatformSteps.error(
            Json.post(bap() + "/client/cancel", Map.of("transactionId", b.transactionId()))
                .expect(200));
    console.step(
        "%s tries to cancel its order → %s",
        b.p().buyer().name(), refusal == null ? "cancelled" : refusal);
    console.check(
        refusal != null && refusal.contains("gate closure"), "no cancellation after gate closure");
  }

  void curtail(String utility, TradingDay.Bought b, String kwh, String reason) throws Exception {
    JsonNode trades = Json.get(net.node(utility).url() + "/utility/trades").expect(200);
    String utilityOrder = null;
    for (JsonNode t : trades) {
      if (t.path("meterId").asText().equals(b.p().seller().meterId())) {
        utilityOrder = t.path("orderId").asText();
      }
    }
    console.check(utilityOrder != null, "PVVNL recorded the Meerut trade at confirm");
    Json.post(
            net.node(utility).url() + "/utility/curtailments",
            Map.of("orderId", String.valueOf(utilityOrder), "curtailedKwh", kwh, "reason", reason))
        .expect(201);
    JsonNode seen =
        Await.until(
            () -> {
              for (JsonNode c :
                  Json.get(bap() + "/client/transactions/" + b.transactionId())
                      .expect(200)
                      .get("callbacks")) {
                JsonNode f =
                    c.at(
                        "/message/order/beckn:orderItems/0/beckn:orderItemAttributes/fulfillmentAttributes");
                if (c.get("action").asText().equals("on_update") && f.has("curtailedQuantity")) {
                  return f;
                }
              }
              return null;
            },
            WAIT);
    console.step(
        "PVVNL → seller platform → Delhi buyer platform: %s kWh curtailed (%s); the contract of "
            + "the slot shrinks by it",
        seen == null ? "?" : Figures.kwh(seen.get("curtailedQuantity").decimalValue()),
        seen == null ? "not relayed" : seen.path("curtailmentReason").asText());
    console.check(seen != null, "the curtailment reaches the buyer platform");
  }

  void dropMdms(String utility, LocalDate day, List<DemoCast.Reading> readings) throws IOException {
    PlatformSteps.dropMdms(console, net.node(utility), day, readings);
  }

  /**
   * Runs the day until every order is settled (the DISCOMs' meter data arrives over Beckn
   * meanwhile).
   */
  void settle(LocalDate day, List<String> orderIds) throws Exception {
    PlatformSteps.Settled run = PlatformSteps.settle(bpp(), day, orderIds);
    console.step(
        "%d trades allocated, %d orders settled; on_status (delivery, AUTHORIZED) and on_update "
            + "(SETTLED) sent to the buyer platform",
        run.allocated().size(), run.settled().size());
    console.check(run.settled().containsAll(orderIds), "every confirmed order is settled");
  }

  /**
   * The statements of {@code day} on both platforms, the net amount and its due date; the day was
   * settled at {@code settlementDay} market time.
   */
  void settlementTables(LocalDate day, List<TradingDay.Bought> confirmed, Instant settlementDay)
      throws Exception {
    JsonNode seller =
        Json.get(
                bpp()
                    + "/provider/settlement/statement?from="
                    + day
                    + "&to="
                    + day
                    + "&counterparty="
                    + BUYER_PLATFORM)
            .expect(200);
    JsonNode buyer =
        Await.until(
            () -> {
              JsonNode s = Json.get(bap() + "/client/settlement/statement?from=" + day).expect(200);
              return s.get("trades").size() >= confirmed.size() ? s : null;
            },
            WAIT);
    List<List<String>> rows = new ArrayList<>();
    BigDecimal fees = BigDecimal.ZERO;
    for (TradingDay.Bought b : confirmed) {
      JsonNode t = PlatformSteps.tradeOf(seller, b.orderId());
      JsonNode bt = buyer == null ? null : PlatformSteps.tradeOf(buyer, b.orderId());
      String settledKwh = t == null ? "-" : kwh(t, "settledKwh");
      BigDecimal fee = t == null ? BigDecimal.ZERO : PlatformSteps.sum(t, "PLATFORM_FEE", null);
      fees = fees.add(fee);
      rows.add(
          List.of(
              b.p().seller().name(),
              b.p().buyer().name(),
              TradingDay.kwh(b.p().kwh()),
              t == null ? "-" : kwh(t, "curtailedKwh"),
              t == null ? "-" : kwh(t, "sellerAllocatedKwh"),
              t == null ? "-" : kwh(t, "buyerAllocatedKwh"),
              settledKwh,
              t == null ? "-" : Figures.inr(PlatformSteps.sum(t, "ENERGY", null)),
              Figures.inr(fee),
              t == null ? "-" : Figures.inr(PlatformSteps.sum(t, "DEVIATION", "SELLER"))));
      console.check(
          b.p().expectedSettledKwh().equals(settledKwh),
          b.p().seller().name()
              + " → "
              + b.p().buyer().name()
              + ": settled "
              + settledKwh
              + " kWh, expected "
              + b.p().expectedSettledKwh());
      console.check(
          bt != null
              && t != null
              && bt.get("settledKwh").decimalValue().compareTo(t.get("settledKwh").decimalValue())
                  == 0,
          "both platforms agree on " + b.orderId());
    }
    console.table(
        List.of(
            "seller",
            "buyer",
            "contracted kWh",
            "curtailed kWh",
            "seller-side kWh",
            "buyer-side kWh",
            "settled kWh",
            "energy",
            "platform fees",
            "seller deviation"),
        rows);
    JsonNode profile = Json.get(bpp() + "/provider/settlement/profile").expect(200);
    console.step(
        "profile %s %s: transaction charge ₹%s/kWh split %s/%s, inter-state UP→DL ₹%s/kWh, UP deviation "
            + "penalties waived",
        profile.get("profile").asText(),
        profile.get("version").asText(),
        Figures.rate(profile.get("feePerKwh").decimalValue()),
        "buyer",
        "seller",
        profile.at("/interStatePerKwh/UP->DL").asText("0"));
    console.check(
        fees.signum() > 0,
        "the pilot's transaction charge is billed (₹" + Figures.money(fees) + ")");
    JsonNode meerut = PlatformSteps.tradeOf(seller, confirmed.get(1).orderId());
    console.check(
        meerut != null
            && kwh(meerut, "curtailedKwh").equals("1.00")
            && kwh(meerut, "buyerAllocatedKwh").equals("4.00")
            && PlatformSteps.sum(meerut, "DEVIATION", null).signum() == 0,
        "the curtailed 1 kWh is neither charged to the Meerut school nor paid by the clinic");
    List<List<String>> nets = new ArrayList<>();
    Instant settledAt = null;
    for (JsonNode n : seller.get("netPositions")) {
      Instant due = Instant.parse(n.get("dueBy").asText());
      nets.add(
          List.of(
              n.get("payerPlatformId").asText(),
              n.get("payeePlatformId").asText(),
              Figures.inr(n.get("amount").decimalValue()),
              Figures.ist(due)));
      settledAt = due;
    }
    console.line("");
    console.table(List.of("payer platform", "payee platform", "net amount", "due by"), nets);
    JsonNode bn = buyer == null ? null : buyer.at("/netPositions/0");
    JsonNode sn = seller.at("/netPositions/0");
    console.check(
        bn != null
            && !bn.isMissingNode()
            && bn.get("amount").decimalValue().compareTo(sn.get("amount").decimalValue()) == 0,
        "the buyer platform's statement nets to the same amount");
    // the market clock runs on from D+1 08:00 while the run waits for the utilities' readings
    Instant due = settlementDay.plus(Duration.ofHours(72));
    console.check(
        settledAt != null
            && !settledAt.isBefore(due)
            && settledAt.isBefore(due.plus(Duration.ofMinutes(15))),
        "payment is due 72 h after settlement on the market clock");
  }

  private static String kwh(JsonNode trade, String field) {
    return Figures.kwh(trade.get(field).decimalValue());
  }

  void billing(LocalDate day) throws IOException, InterruptedException {
    String month = day.toString().substring(0, 7);
    String csv = Json.getText(bpp() + "/provider/settlement/report?month=" + month + "&format=csv");
    Path file = net.dir().resolve("discom-billing-" + month + ".csv");
    Files.writeString(file, csv);
    csv.lines().forEach(l -> console.step("%s", l));
    console.step("written to %s", file);
    boolean all =
        DemoCast.PROSUMERS.stream().allMatch(p -> csv.contains(p.meterId()))
            && DemoCast.CONSUMERS.stream().allMatch(c -> csv.contains(c.meterId()));
    console.check(all, "the billing file lists every meter that traded");
  }

  void dreReport(LocalDate day) throws IOException, InterruptedException {
    String month = day.toString().substring(0, 7);
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new UeiCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int exit =
        cli.execute(
            "settlement", "report", "--node", bpp(), "--dre", "--month", month, "--format", "text");
    out.toString().lines().forEach(l -> console.step("%s", l));
    console.check(
        exit == 0 && out.toString().contains("TPDDL") && out.toString().contains("9.20"),
        "the DRE report credits TPDDL with the 9.20 rooftop-solar kWh its consumers bought");
  }

  void verifyAuditLogs() {
    PlatformSteps.verifyAuditLogs(console, net.registryUrl(), net.nodes());
  }
}
