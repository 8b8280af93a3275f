package org.uei.p2p.examples.network;

import static org.uei.p2p.examples.network.UeiV1Network.SELLER_PLATFORM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.settlement.Figures;

/**
 * The UEI v1 day's steps on the two platforms' own APIs, each printing what happened and checking
 * the outcome: prosumers and offers on the seller platform, search, purchases (select → init →
 * confirm) and status through the buyer platform's client API.
 */
final class UeiV1Steps {

  /** What a purchase left behind: its transaction, and the ACTIVE order or the refusal. */
  record Bought(UeiV1Cast.Purchase p, String transactionId, String orderId, String refusal) {}

  private final UeiV1Network net;
  private final Console console;

  UeiV1Steps(UeiV1Network net, Console console) {
    this.net = net;
    this.console = console;
  }

  void enrol() throws IOException, InterruptedException {
    for (DemoCast.Prosumer p : UeiV1Cast.PROSUMERS) {
      PlatformSteps.registerProsumer(net.bpp.url(), p, UeiV1Cast.DISCOM, "UP");
      console.step(
          "the Lucknow seller platform registers %-22s meter %s, %d kW rooftop (%s)",
          p.name(), p.meterId(), p.capacityKw(), UeiV1Cast.DISCOM);
    }
    for (UeiV1Cast.Consumer c : List.of(UeiV1Cast.INDIRA, UeiV1Cast.HAZRATGANJ, UeiV1Cast.MEERUT)) {
      console.step(
          "the Lucknow buyer platform buys for %-22s meter %s (%s)",
          c.name(), c.meterId(), c.discom());
    }
  }

  String offer(DemoCast.Prosumer p, Instant slotStart) throws IOException, InterruptedException {
    return PlatformSteps.offer(console, net.bpp.url(), p, slotStart);
  }

  /**
   * Discover on UEI v1: a 1.1.0 search to every seller platform the registry lists in {@code
   * uei:p2p-trading}, answered on_search; returns the answer.
   */
  JsonNode search() throws IOException, InterruptedException {
    return Json.post(net.bap.url() + "/client/discover", Map.of()).expect(200);
  }

  /** Searches and shows every offer found. */
  void searchAll() throws IOException, InterruptedException {
    JsonNode d = search();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode o : d.path("offers")) {
      rows.add(
          List.of(
              o.path("bppId").asText(),
              o.path("offerId").asText(),
              o.path("sellerMeterId").asText() + " (" + o.path("sellerDiscomId").asText() + ")",
              Figures.ist(Instant.parse(o.path("slotStart").asText())),
              "₹" + Figures.money(o.path("pricePerKwh").decimalValue()),
              Figures.kwh(o.path("maxKwh").decimalValue())));
    }
    console.step(
        "the buyer platform searches (1.1.0 search to every seller platform the registry lists in"
            + " uei:p2p-trading); on_search from %s:",
        SELLER_PLATFORM);
    console.table(List.of("seller", "item", "meter", "slot", "price/kWh", "kWh"), rows);
    console.check(
        rows.size() == UeiV1Cast.PROSUMERS.size(),
        "search finds every offer of the seller platform");
  }

  /** Search, then select, init and confirm the purchase on the buyer platform. */
  Bought buy(UeiV1Cast.Purchase p, String offerId) throws Exception {
    String txn = search().get("transactionId").asText();
    Map<String, Object> order =
        Map.of(
            "transactionId",
            txn,
            "bppId",
            SELLER_PLATFORM,
            "buyer",
            Map.of(
                "id",
                p.buyer().id(),
                "meterId",
                p.buyer().meterId(),
                "discomId",
                p.buyer().discom()),
            "items",
            List.of(Map.of("offerId", offerId, "quantityKwh", p.kwh())));
    PlatformSteps.Ordered o = PlatformSteps.selectInitConfirm(net.bap.url(), order);
    String refusal = o.refusal();
    String orderId = null;
    if (refusal == null) {
      String status = o.confirm().at("/callbacks/0/message/order/status").asText();
      if ("ACTIVE".equals(status)) {
        orderId = o.confirm().at("/callbacks/0/summary/order/orderId").asText(null);
      } else {
        refusal = "order " + status + ", not ACTIVE";
      }
    }
    console.step(
        "%-22s (%s) asks %s kWh of %-21s → %s",
        p.buyer().name(),
        p.buyer().discom(),
        TradingDay.kwh(p.kwh()),
        p.seller().name(),
        orderId != null ? "on_confirm: order " + orderId + " ACTIVE" : "refused: " + refusal);
    return new Bought(p, txn, orderId, refusal);
  }

  /** Status of an ACTIVE order through the buyer platform: its on_status, as a table row. */
  List<String> status(Bought b) throws IOException, InterruptedException {
    JsonNode s =
        Json.post(net.bap.url() + "/client/status", Map.of("transactionId", b.transactionId()))
            .expect(200);
    JsonNode cb = s.at("/callbacks/0");
    JsonNode order = cb.at("/summary/order");
    JsonNode terms = cb.at("/summary/paymentTerms");
    boolean ok =
        PlatformSteps.error(s) == null
            && "on_status".equals(cb.path("action").asText())
            && b.orderId().equals(order.path("orderId").asText())
            && "ACTIVE".equals(cb.at("/message/order/status").asText());
    console.check(ok, "status of " + b.orderId() + " answers on_status with the order ACTIVE");
    return List.of(
        b.orderId(),
        cb.at("/message/order/status").asText("?"),
        b.p().seller().name() + " → " + b.p().buyer().name(),
        Figures.kwh(order.path("totalKwh").decimalValue()),
        order.has("orderValue") ? Figures.inr(order.get("orderValue").decimalValue()) : "-",
        terms.path("paymentTrigger").asText("-")
            + " "
            + terms.path("status").asText("")
            + ", to "
            + terms.path("vpa").asText("-"));
  }

  /** What is left of an offer on the seller platform. */
  BigDecimal availableKwh(String offerId) throws IOException, InterruptedException {
    return Json.get(net.bpp.url() + "/provider/offers/" + offerId)
        .expect(200)
        .get("availableKwh")
        .decimalValue();
  }
}
