package org.uei.p2p.examples.network;

import static org.uei.p2p.examples.network.UeiV1Network.BUYER_PLATFORM;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.market.settlement.Figures;

/**
 * The UEI v1 day after delivery: MVVNL's MDMS file at the seller platform, the settlement run, the
 * 1.1.0 reports it sends the buyer platform (on_status with the delivered energy, on_update PAID),
 * and both platforms' statements of the day, figure by figure.
 */
final class UeiV1Delivery {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final UeiV1Network net;
  private final Console console;

  UeiV1Delivery(UeiV1Network net, Console console) {
    this.net = net;
    this.console = console;
  }

  /** The MDMS file of {@code day} lands in the seller platform's drop directory. */
  void meterData(LocalDate day) throws Exception {
    console.step(
        "MVVNL's MDMS drops the day's file at the seller platform (every meter that traded is"
            + " MVVNL's):");
    PlatformSteps.dropMdms(console, net.sellerNode(), day, UeiV1Cast.MVVNL_MDMS);
  }

  /** Settles the day on the seller platform until every ACTIVE order is settled. */
  void settle(LocalDate day, List<UeiV1Steps.Bought> active) throws Exception {
    List<String> ids = active.stream().map(UeiV1Steps.Bought::orderId).toList();
    PlatformSteps.Settled run = PlatformSteps.settle(net.bpp.url(), day, ids);
    console.step(
        "settlement run of %s: %d trades allocated, %d orders settled",
        day, run.allocated().size(), run.settled().size());
    console.check(run.settled().containsAll(ids), "every ACTIVE order is settled");
  }

  /** The 1.1.0 reports of each order, as the buyer platform holds them. */
  void reports(List<UeiV1Steps.Bought> active) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (UeiV1Steps.Bought b : active) {
      // The settlement's on_status, not the answer to the buyer's own status before delivery.
      JsonNode status = await(b, "on_status", "/message/order/status", "COMPLETE");
      JsonNode update = await(b, "on_update", "/message/order/payments/0/status", "PAID");
      rows.add(
          List.of(
              b.orderId(),
              status == null
                  ? "not received"
                  : status.at("/message/order/status").asText()
                      + ", "
                      + status.at("/message/order/fulfillments/0/state/descriptor/code").asText()
                      + ", "
                      + Figures.inr(status.at("/summary/order/orderValue").decimalValue())
                      + " "
                      + status.at("/message/order/payments/0/status").asText(),
              update == null
                  ? "not received"
                  : "PAID "
                      + update.at("/message/order/payments/0/params/transaction_id").asText()));
      console.check(
          status != null, "the buyer platform holds the on_status of " + b.orderId() + " COMPLETE");
      console.check(
          update != null, "the buyer platform holds the on_update PAID of " + b.orderId());
    }
    console.table(List.of("order", "on_status (delivered)", "on_update (payment)"), rows);
  }

  /** The callback {@code action} of the order whose member at {@code pointer} is {@code value}. */
  private JsonNode await(UeiV1Steps.Bought b, String action, String pointer, String value)
      throws Exception {
    return Await.until(
        () -> {
          for (JsonNode c :
              Json.get(net.bap.url() + "/client/transactions/" + b.transactionId())
                  .expect(200)
                  .get("callbacks")) {
            if (c.path("action").asText().equals(action) && value.equals(c.at(pointer).asText())) {
              return c;
            }
          }
          return null;
        },
        WAIT);
  }

  /** Both platforms' statements of {@code day}: every trade's figures and the net amount. */
  void statements(LocalDate day, List<UeiV1Steps.Bought> active) throws Exception {
    JsonNode seller =
        Json.get(
                net.bpp.url()
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
              JsonNode s =
                  Json.get(net.bap.url() + "/client/settlement/statement?from=" + day).expect(200);
              return s.get("trades").size() >= active.size() ? s : null;
            },
            WAIT);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < active.size(); i++) {
      UeiV1Steps.Bought b = active.get(i);
      JsonNode s = PlatformSteps.tradeOf(seller, b.orderId());
      JsonNode t = buyer == null ? null : PlatformSteps.tradeOf(buyer, b.orderId());
      rows.add(
          List.of(
              b.p().seller().name() + " → " + b.p().buyer().name(),
              TradingDay.kwh(b.p().kwh()),
              kwh(s, "sellerAllocatedKwh"),
              kwh(s, "buyerAllocatedKwh"),
              kwh(s, "settledKwh") + " / " + kwh(t, "settledKwh"),
              energy(s) + " / " + energy(t)));
      String expected = UeiV1Cast.SETTLED_KWH.get(i);
      console.check(
          expected.equals(kwh(s, "settledKwh")) && expected.equals(kwh(t, "settledKwh")),
          b.orderId() + " settles " + expected + " kWh on both platforms");
    }
    console.table(
        List.of(
            "trade",
            "contracted kWh",
            "seller-side kWh",
            "buyer-side kWh",
            "settled kWh (seller / buyer platform)",
            "energy (seller / buyer platform)"),
        rows);
    List<List<String>> nets = new ArrayList<>();
    nets.add(net("seller platform's statement", seller));
    nets.add(net("buyer platform's statement", buyer));
    console.line("");
    console.table(List.of("statement", "payer", "payee", "net amount", "due by"), nets);
    console.check(
        nets.get(0).subList(1, 4).equals(nets.get(1).subList(1, 4)),
        "both platforms' statements net to the same payer, payee and amount");
  }

  private static List<String> net(String which, JsonNode statement) {
    JsonNode n = statement == null ? null : statement.at("/netPositions/0");
    if (n == null || n.isMissingNode()) {
      return List.of(which, "-", "-", "-", "-");
    }
    return List.of(
        which,
        n.path("payerPlatformId").asText(),
        n.path("payeePlatformId").asText(),
        Figures.inr(n.get("amount").decimalValue()),
        Figures.ist(Instant.parse(n.get("dueBy").asText())));
  }

  private static String kwh(JsonNode trade, String field) {
    return trade == null || !trade.has(field) ? "-" : Figures.kwh(trade.get(field).decimalValue());
  }

  private static String energy(JsonNode trade) {
    if (trade == null) {
      return "-";
    }
    BigDecimal sum = PlatformSteps.sum(trade, "ENERGY", null);
    return Figures.inr(sum);
  }
}
