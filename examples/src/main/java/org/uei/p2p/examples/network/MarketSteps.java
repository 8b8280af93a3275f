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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    return offer(console, bpp(), p, slotStart);
  }

  /** The prosumer's offer for the slot at {@code slotStart}, made on the seller platform's API. */
  static String offer(Console console, String bpp, DemoCast.Prosumer p, Instant slotStart)
      throws IOException, InterruptedException {
    JsonNode o =
        Json.post(
                bpp + "/provider/offers",
                Map.of(
                    "prosumerId",
                    p.id(),
                    "slotStart",
                    slotStart.toString(),
                    "pricePerKwh",
                    p.pricePerKwh(),
                    "maxKwh",
                    p.offeredKwh()))
            .expect(201);
    console.step(
        "%-24s offers %s kWh for %02d:00–%02d:00 IST at ₹%s/kWh (%s)",
        p.name(),
        TradingDay.kwh(p.offeredKwh()),
        p.slotHour(),
        p.slotHour() + 1,
        p.pricePerKwh(),
        o.get("id").asText());
    return o.get("id").asText();
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
    Ordered o = selectInitConfirm(bap(), order);
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

  /** What select → init → confirm came to: the first refusal, or the confirm's answer. */
  record Ordered(String refusal, JsonNode confirm) {}

  /**
   * Select, init and confirm of {@code order} (transaction, seller platform, buyer, items) on the
   * buyer platform's client API in sync mode, each step only when the one before passed.
   */
  static Ordered selectInitConfirm(String bap, Map<String, Object> order)
      throws IOException, InterruptedException {
    Object txn = order.get("transactionId");
    String refusal = error(Json.post(bap + "/client/select", order).expect(200));
    if (refusal == null) {
      refusal = error(Json.post(bap + "/client/init", Map.of("transactionId", txn)).expect(200));
    }
    if (refusal != null) {
      return new Ordered(refusal, null);
    }
    JsonNode confirm = Json.post(bap + "/client/confirm", Map.of("transactionId", txn)).expect(200);
    return new Ordered(error(confirm), confirm);
  }

  /** A prosumer of {@code discom} in {@code state} registered on the seller platform. */
  static void registerProsumer(String bpp, DemoCast.Prosumer p, String discom, String state)
      throws IOException, InterruptedException {
    Json.post(
            bpp + "/provider/prosumers",
            Map.of(
                "id",
                p.id(),
                "name",
                p.name(),
                "meterId",
                p.meterId(),
                "discomId",
                discom,
                "stateCode",
                state,
                "installedCapacityKw",
                p.capacityKw()))
        .expect(201);
  }

  /** The first error of a sync client answer: a NACK of the request or an error in its callback. */
  static String error(JsonNode answer) {
    for (JsonNode r : answer.path("requests")) {
      if (r.hasNonNull("error")) {
        return r.at("/error/code").asText() + " " + r.at("/error/message").asText();
      }
    }
    for (JsonNode c : answer.path("callbacks")) {
      if (c.hasNonNull("error")) {
        return c.at("/error/code").asText() + " " + c.at("/error/message").asText();
      }
    }
    if (answer.path("callbacks").isEmpty()) {
      return "no answer from the seller platform";
    }
    return null;
  }

  BigDecimal availableKwh(String offerId) throws IOException, InterruptedException {
    return Json.get(bpp() + "/provider/offers/" + offerId)
        .expect(200)
        .get("availableKwh")
        .decimalValue();
  }

  void cancelAfterGateClosure(TradingDay.Bought b) throws IOException, InterruptedException {
    String refusal =
        error(
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
    dropMdms(console, net.node(utility), day, readings);
  }

  /**
   * The MDMS file of {@code day} landing in {@code node}'s drop directory, as a DISCOM's MDMS
   * delivers it: one row per meter and block, moved in whole.
   */
  static void dropMdms(
      Console console, DemoNetwork.Node node, LocalDate day, List<DemoCast.Reading> readings)
      throws IOException {
    StringBuilder csv =
        new StringBuilder("meter_id,block_start,block_minutes,import_kwh,export_kwh\n");
    for (DemoCast.Reading r : readings) {
      csv.append(r.meterId())
          .append(',')
          .append(day.atTime(r.hour(), r.minute()).atZone(TradingDay.IST).toOffsetDateTime())
          .append(',')
          .append(r.blockMinutes())
          .append(',')
          .append(r.importKwh())
          .append(',')
          .append(r.exportKwh())
          .append('\n');
    }
    Path drop = node.mdmsDrop();
    Files.createDirectories(drop);
    Path tmp = drop.resolveSibling("mdms-" + day + ".csv.part");
    Files.writeString(tmp, csv);
    // Moved in whole, as an SFTP drop finishes a file, so the poller never reads half of it.
    Files.move(tmp, drop.resolve("mdms-" + day + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    console.step(
        "%s: %d rows in %s", node.id(), readings.size(), drop.resolve("mdms-" + day + ".csv"));
  }

  /**
   * Runs the day until every order is settled (the DISCOMs' meter data arrives over Beckn
   * meanwhile).
   */
  void settle(LocalDate day, List<String> orderIds) throws Exception {
    Settled run = settle(bpp(), day, orderIds);
    console.step(
        "%d trades allocated, %d orders settled; on_status (delivery, AUTHORIZED) and on_update "
            + "(SETTLED) sent to the buyer platform",
        run.allocated().size(), run.settled().size());
    console.check(run.settled().containsAll(orderIds), "every confirmed order is settled");
  }

  /** What settlement runs of a day came to: the orders settled and the trades allocated. */
  record Settled(Set<String> settled, Set<String> allocated) {}

  /**
   * Runs the settlement of {@code day} on the seller platform at {@code bpp} until every order of
   * {@code orderIds} is settled (the meter data arrives meanwhile), or a deadline passes.
   */
  static Settled settle(String bpp, LocalDate day, List<String> orderIds) throws Exception {
    Set<String> settled = new LinkedHashSet<>();
    Set<String> allocated = new LinkedHashSet<>();
    Await.until(
        () -> {
          JsonNode run =
              Json.post(bpp + "/provider/settlement/run?day=" + day, Map.of()).expect(200);
          run.get("settledOrders").forEach(o -> settled.add(o.asText()));
          run.get("allocated").forEach(o -> allocated.add(o.asText()));
          return settled.containsAll(orderIds) ? Boolean.TRUE : null;
        },
        WAIT);
    return new Settled(settled, allocated);
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
      JsonNode t = tradeOf(seller, b.orderId());
      JsonNode bt = buyer == null ? null : tradeOf(buyer, b.orderId());
      String settledKwh = t == null ? "-" : kwh(t, "settledKwh");
      BigDecimal fee = t == null ? BigDecimal.ZERO : sum(t, "PLATFORM_FEE", null);
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
              t == null ? "-" : Figures.inr(sum(t, "ENERGY", null)),
              Figures.inr(fee),
              t == null ? "-" : Figures.inr(sum(t, "DEVIATION", "SELLER"))));
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
    JsonNode meerut = tradeOf(seller, confirmed.get(1).orderId());
    console.check(
        meerut != null
            && kwh(meerut, "curtailedKwh").equals("1.00")
            && kwh(meerut, "buyerAllocatedKwh").equals("4.00")
            && sum(meerut, "DEVIATION", null).signum() == 0,
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

  /** The amounts of {@code trade}'s lines of {@code type} (paid by {@code payer}, or anyone). */
  static BigDecimal sum(JsonNode trade, String type, String payer) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode l : trade.path("lines")) {
      if (l.path("type").asText().equals(type)
          && (payer == null || l.path("payer").asText().equals(payer))) {
        sum = sum.add(l.get("amount").decimalValue());
      }
    }
    return sum;
  }

  static JsonNode tradeOf(JsonNode statement, String orderId) {
    for (JsonNode t : statement.get("trades")) {
      if (t.get("tradeId").asText().startsWith(orderId)) {
        return t;
      }
    }
    return null;
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
    verifyAuditLogs(console, net.registryUrl(), net.nodes());
  }

  /** Every node's signed audit log verified against its registry key with {@code uei audit}. */
  static void verifyAuditLogs(Console console, String registryUrl, List<DemoNetwork.Node> nodes) {
    for (DemoNetwork.Node n : nodes) {
      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(new UeiCli());
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      int exit =
          cli.execute(
              "audit",
              "verify",
              "--node",
              n.url(),
              "--registry",
              registryUrl,
              "--subscriber-id",
              n.id());
      console.step("%-24s %s", n.id(), out.toString().strip().replace('\n', ' '));
      console.check(exit == 0, "the audit log of " + n.id() + " verifies");
    }
  }
}
