package org.uei.p2p.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.uei.p2p.examples.network.Directories;
import org.uei.p2p.examples.network.Json;

/**
 * Latency harness of IES wave 2: the wall-clock time from a seller's offer publication to the
 * buyer's ACTIVE contract, between a bap-node, a bpp-node and both DISCOMs' ledger providers
 * running as separate processes: publish the offer on the seller platform, discover it through the
 * buyer platform, init, confirm (the seller forwards the contract to both ledgers before it
 * answers). Warm-up trades are discarded. Arguments: [trades] [warm-up].
 */
public final class Wave2TradeBench {

  // Several of the seller's catalog periods (5 s in this network).
  private static final Duration DISCOVERED_WITHIN = Duration.ofSeconds(30);

  private Wave2TradeBench() {}

  public static void main(String[] args) throws Exception {
    int trades = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path dir = Files.createTempDirectory("uei-wave2-trade-bench");
    try (Wave2LocalNetwork net = Wave2LocalNetwork.start(dir, false)) {
      Json.post(
              net.bpp.url() + "/provider/prosumers",
              Map.of(
                  "id",
                  "bench-rooftop",
                  "meterId",
                  "TEST_UP_PVVNL_BENCH_1",
                  "discomId",
                  "PVVNL",
                  "stateCode",
                  "UP",
                  "installedCapacityKw",
                  1000))
          .expect(201);
      List<Double> total = new ArrayList<>();
      List<Double> contract = new ArrayList<>();
      for (int i = 0; i < warmup + trades; i++) {
        long t0 = System.nanoTime();
        String offer =
            Json.post(
                    net.bpp.url() + "/provider/offers",
                    Map.of(
                        "prosumerId",
                        "bench-rooftop",
                        "slotStart",
                        TradeFlow.tradableSlot().toString(),
                        "pricePerKwh",
                        "5.50",
                        "maxKwh",
                        1))
                .expect(201)
                .get("id")
                .asText();
        String txn = discover(net, offer);
        long t1 = System.nanoTime();
        first(
            Json.post(
                    net.bap.url() + "/client/init",
                    Map.of(
                        "transactionId",
                        txn,
                        "bppId",
                        Wave2LocalNetwork.BPP_ID,
                        "buyer",
                        Map.of(
                            "id",
                            "bench-buyer",
                            "meterId",
                            "TEST_DL_TPDDL_BENCH_1",
                            "discomId",
                            "TPDDL"),
                        "items",
                        List.of(Map.of("offerId", offer, "quantityKwh", 1))))
                .expect(200),
            "on_init");
        JsonNode c =
            first(
                Json.post(net.bap.url() + "/client/confirm", Map.of("transactionId", txn))
                    .expect(200),
                "on_confirm");
        if (!"ACTIVE".equals(c.at("/message/contract/status/code").asText())) {
          throw new IllegalStateException("the contract is not ACTIVE: " + c);
        }
        long t2 = System.nanoTime();
        if (i >= warmup) {
          total.add((t2 - t0) / 1e6);
          contract.add((t2 - t1) / 1e6);
        }
      }
      print("wave 2 publish → discover → init → confirm (ACTIVE, 2 ledgers)", total);
      print("wave 2 init → confirm", contract);
    }
    // The nodes' databases and logs; a failed run keeps them.
    Directories.deleteTree(dir);
  }

  /** Discovers the offer through the buyer platform, once the catalog service shows it. */
  private static String discover(Wave2LocalNetwork net, String offer) throws Exception {
    String transactionId = net.discover(offer, DISCOVERED_WITHIN);
    if (transactionId == null) {
      throw new IllegalStateException(
          "offer " + offer + " was not discovered within " + DISCOVERED_WITHIN);
    }
    return transactionId;
  }

  private static JsonNode first(JsonNode answer, String action) {
    JsonNode cbs = answer.path("callbacks");
    if (cbs.isEmpty() || !action.equals(cbs.get(0).path("action").asText())) {
      throw new IllegalStateException("no " + action + " in " + answer);
    }
    if (cbs.get(0).hasNonNull("error")) {
      throw new IllegalStateException(action + " carries an error: " + cbs.get(0));
    }
    return cbs.get(0);
  }

  private static void print(String what, List<Double> millis) {
    Collections.sort(millis);
    System.out.printf(
        "%s: n=%d median=%.1f ms p99=%.1f ms min=%.1f ms max=%.1f ms%n",
        what,
        millis.size(),
        pct(millis, 50),
        pct(millis, 99),
        millis.get(0),
        millis.get(millis.size() - 1));
  }

  private static double pct(List<Double> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
