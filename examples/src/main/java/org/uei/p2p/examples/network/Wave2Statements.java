package org.uei.p2p.examples.network;

import static org.uei.p2p.examples.network.Wave2Network.BUYER_PLATFORM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.settlement.Figures;

/**
 * Both platforms' statements of the delivery day: the buyer platform's own arithmetic of the trades
 * the seller settled next to the RevenueFlows it received, and the seller platform's statement of
 * the same contracts, which must agree with it.
 */
final class Wave2Statements {
  private final Wave2Network net;
  private final Console console;

  Wave2Statements(Wave2Network net, Console console) {
    this.net = net;
    this.console = console;
  }

  void show(LocalDate day, Map<Wave2Steps.Bought, JsonNode> settled)
      throws IOException, InterruptedException {
    JsonNode buyer =
        Json.get(net.bap.url() + "/client/settlement/statement?from=" + day).expect(200);
    console.step("buyer platform %s (GET /client/settlement/statement):", BUYER_PLATFORM);
    trades(buyer);
    for (Map.Entry<Wave2Steps.Bought, JsonNode> e : settled.entrySet()) {
      String contract = e.getKey().contractId();
      JsonNode t = tradeOf(buyer, contract);
      String fin = Figures.kwh(e.getValue().at("/finalKwh").elements().next().decimalValue());
      console.check(
          t != null && Figures.kwh(t.get("settledKwh").decimalValue()).equals(fin),
          "the buyer platform's statement settles " + contract + " at FINAL_ALLOC " + fin);
      console.check(
          flows(flowsOf(buyer, contract)).equals(flows(e.getValue().path("revenueFlows"))),
          "the buyer platform's statement keeps the RevenueFlow of " + contract);
    }
    JsonNode seller =
        Json.get(
                net.bpp.url()
                    + "/provider/settlement/statement?from="
                    + day
                    + "&counterparty="
                    + BUYER_PLATFORM)
            .expect(200);
    console.step(
        "seller platform %s (GET /provider/settlement/statement?counterparty=%s):",
        Wave2Network.SELLER_PLATFORM, BUYER_PLATFORM);
    trades(seller);
    for (Wave2Steps.Bought b : settled.keySet()) {
      JsonNode s = tradeOf(seller, b.contractId());
      JsonNode t = tradeOf(buyer, b.contractId());
      console.check(
          s != null
              && t != null
              && s.get("settledKwh").decimalValue().compareTo(t.get("settledKwh").decimalValue())
                  == 0,
          "both platforms' statements agree on " + b.contractId());
    }
    BigDecimal sellerNet = seller.at("/netPositions/0/amount").decimalValue();
    BigDecimal buyerNet = buyer.at("/netPositions/0/amount").decimalValue();
    console.check(
        sellerNet.compareTo(buyerNet) == 0,
        "both platforms net the day alike: " + Figures.inr(buyerNet) + " to the seller platform");
  }

  private void trades(JsonNode statement) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode t : statement.path("trades")) {
      rows.add(
          List.of(
              t.path("tradeId").asText(),
              Figures.kwh(t.path("sellerAllocatedKwh").decimalValue()),
              Figures.kwh(t.path("buyerAllocatedKwh").decimalValue()),
              Figures.kwh(t.path("settledKwh").decimalValue()),
              Figures.inr(sum(t, "ENERGY")),
              Figures.inr(sum(t, "PLATFORM_FEE"))));
    }
    console.table(
        List.of(
            "trade", "seller-side kWh", "buyer-side kWh", "settled kWh", "energy", "platform fees"),
        rows);
    for (JsonNode n : statement.path("netPositions")) {
      console.step(
          "net: %s pays %s %s (statement profile's arithmetic)",
          n.path("payerPlatformId").asText(),
          n.path("payeePlatformId").asText(),
          Figures.inr(n.path("amount").decimalValue()));
    }
  }

  private static BigDecimal sum(JsonNode trade, String type) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode l : trade.path("lines")) {
      if (l.path("type").asText().equals(type)) {
        sum = sum.add(l.path("amount").decimalValue());
      }
    }
    return sum;
  }

  private static JsonNode tradeOf(JsonNode statement, String contractId) {
    for (JsonNode t : statement.path("trades")) {
      if (t.path("tradeId").asText().startsWith(contractId + "/")) {
        return t;
      }
    }
    return null;
  }

  private static JsonNode flowsOf(JsonNode statement, String contractId) {
    for (JsonNode c : statement.path("revenueFlows")) {
      if (c.path("contractId").asText().equals(contractId)) {
        return c.path("flows");
      }
    }
    return Json.MAPPER.createArrayNode();
  }

  /** Party → amount in paise, comparable whatever scale each side wrote. */
  private static List<String> flows(JsonNode flows) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : flows) {
      out.add(f.path("party").asText() + " " + Figures.money(f.path("amount").decimalValue()));
    }
    return out;
  }
}
