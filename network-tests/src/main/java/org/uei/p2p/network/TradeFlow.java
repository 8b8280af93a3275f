package org.uei.p2p.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.uei.p2p.examples.network.Json;

/**
 * One whole trade driven through the nodes' own APIs: the seller's app publishes an offer on the
 * bpp-node, the buyer's app runs discover → select → init → confirm on the bap-node in sync mode.
 */
public final class TradeFlow {

  /** What a completed trade left behind. */
  public record Result(String transactionId, String offerId, String orderId, JsonNode confirm) {}

  private final LocalNetwork net;

  public TradeFlow(LocalNetwork net) {
    this.net = net;
  }

  /** The first 1-hour slot that the IES rules let us trade now: 06–18 IST, at least 4 h ahead. */
  public static Instant tradableSlot() {
    return org.uei.p2p.market.rules.TradingRules.ies().firstTradableSlot(Instant.now());
  }

  /**
   * Registers a prosumer with a new meter and publishes {@code kwh} at {@code price}; returns the
   * offer id.
   */
  public String publishOffer(String price, int kwh) throws IOException, InterruptedException {
    String id = "prosumer-" + UUID.randomUUID().toString().substring(0, 8);
    Json.post(
            net.bpp().url() + "/provider/prosumers",
            Map.of(
                "id",
                id,
                "meterId",
                "DL-" + id,
                "discomId",
                "TPDDL",
                "stateCode",
                "DL",
                "installedCapacityKw",
                50))
        .expect(201);
    return Json.post(
            net.bpp().url() + "/provider/offers",
            Map.of(
                "prosumerId",
                id,
                "slotStart",
                tradableSlot().toString(),
                "pricePerKwh",
                price,
                "maxKwh",
                kwh))
        .expect(201)
        .get("id")
        .asText();
  }

  /**
   * Discover (filtered to the offer) → select → init → confirm, all in sync mode on the bap-node.
   */
  public Result trade(String offerId, int kwh) throws IOException, InterruptedException {
    return trade(
        offerId,
        kwh,
        Map.of(
            "filter",
            "$[?(@.beckn:id == '"
                + offerId
                + "' && @.beckn:price.schema:priceCurrency == 'INR')]"));
  }

  /**
   * The same trade after a discover of {@code discoverBody}: {@code {}} on a wire whose search
   * takes no filter expression (UEI v1).
   */
  public Result trade(String offerId, int kwh, Map<String, Object> discoverBody)
      throws IOException, InterruptedException {
    String bap = net.bap().url();
    JsonNode discover = Json.post(bap + "/client/discover", discoverBody).expect(200);
    String txn = discover.get("transactionId").asText();
    // UEI v1 discovers with search, answered on_search.
    require(discover, "on_" + discover.path("action").asText("discover"), offerId);
    Map<String, Object> order =
        Map.of(
            "transactionId",
            txn,
            "bppId",
            LocalNetwork.BPP_ID,
            "buyer",
            Map.of("id", "buyer-1", "meterId", "UP-BUYER-0001", "discomId", "PVVNL"),
            "items",
            List.of(Map.of("offerId", offerId, "quantityKwh", kwh)));
    require(Json.post(bap + "/client/select", order).expect(200), "on_select", offerId);
    require(
        Json.post(bap + "/client/init", Map.of("transactionId", txn)).expect(200),
        "on_init",
        offerId);
    JsonNode confirm = Json.post(bap + "/client/confirm", Map.of("transactionId", txn)).expect(200);
    require(confirm, "on_confirm", offerId);
    String orderId = confirm.at("/callbacks/0/summary/order/orderId").asText(null);
    if (orderId == null) {
      throw new IllegalStateException("on_confirm carries no order id: " + confirm);
    }
    return new Result(txn, offerId, orderId, confirm);
  }

  /** Checks that the sync answer holds the callback, without error, mentioning the offer. */
  static void require(JsonNode answer, String callback, String offerId) {
    JsonNode cbs = answer.get("callbacks");
    if (cbs == null || cbs.isEmpty() || !callback.equals(cbs.get(0).get("action").asText())) {
      throw new IllegalStateException("no " + callback + " in " + answer);
    }
    if (cbs.get(0).hasNonNull("error")) {
      throw new IllegalStateException(callback + " carries an error: " + cbs.get(0).get("error"));
    }
    if (!cbs.get(0).toString().contains(offerId)) {
      throw new IllegalStateException(
          callback + " does not mention offer " + offerId + ": " + cbs.get(0));
    }
  }
}
