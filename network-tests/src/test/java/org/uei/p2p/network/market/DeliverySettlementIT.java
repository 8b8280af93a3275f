package org.uei.p2p.network.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.entry.RecordEntry;
import org.uei.p2p.audit.merkle.InclusionProof;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.verify.TreeHeadProofs;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.Cli;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * After confirm, between the real node processes: the seller platform imports the MDMS file for the
 * slot (the seller injected 4 of the 5 kWh contracted, the buyer imported plenty), settles the day,
 * and the buyer platform receives the delivery and the payment; both platforms' statements then
 * agree on the settled energy and on what one pays the other, and the DISCOM billing file lists
 * both meters.
 */
class DeliverySettlementIT {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private static LocalNetwork net;

  @BeforeAll
  static void start() throws Exception {
    net =
        LocalNetwork.start(
            Path.of("target", "delivery-" + System.currentTimeMillis()).toAbsolutePath());
  }

  @AfterAll
  static void stop() throws Exception {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void underDeliveredTradeIsMeteredSettledAndBothPlatformsAgree() throws Exception {
    TradeFlow flow = new TradeFlow(net);
    String offerId = flow.publishOffer("6.40", 10);
    TradeFlow.Result trade = flow.trade(offerId, 5);
    JsonNode txn =
        Json.get(net.bap().url() + "/client/transactions/" + trade.transactionId()).expect(200);
    String sellerMeter = null;
    String slotStart = null;
    for (JsonNode c : txn.get("callbacks")) {
      if (c.get("action").asText().equals("on_discover")) {
        sellerMeter = c.at("/summary/offers/0/sellerMeterId").asText(null);
        slotStart = c.at("/summary/offers/0/slotStart").asText(null);
      }
    }
    assertNotNull(sellerMeter, "the offer names the seller's meter: " + txn);
    assertNotNull(slotStart, "the offer names its slot: " + txn);
    String buyerMeter = "UP-BUYER-0001";
    // The slot is hours ahead (trading closes at T-4 h); the run takes any day it is given.
    ZonedDateTime s = Instant.parse(slotStart).atZone(IST);
    String day = s.toLocalDate().toString();
    String month = day.substring(0, 7);

    // The MDMS file: seller exports 2.5 + 1.5 kWh in 30-minute blocks, the buyer imports 6 kWh.
    Path csv = net.dir().resolve("mdms-" + day + ".csv");
    Files.writeString(
        csv,
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + sellerMeter
            + ","
            + s.toOffsetDateTime()
            + ",30,0,2.5\n"
            + sellerMeter
            + ","
            + s.plusMinutes(30).toOffsetDateTime()
            + ",30,0,1.5\n"
            + buyerMeter
            + ","
            + s.toOffsetDateTime()
            + ",60,6,0\n");
    Cli imported = Cli.run("meter", "import", "--node", net.bpp().url(), csv.toString());
    assertEquals(0, imported.exit(), imported.err());
    assertTrue(imported.out().contains("3 rows, 3 added, 0 unchanged, 0 rejected"), imported.out());
    JsonNode again = postCsv(net.bpp().url() + "/provider/meter-data/csv", Files.readString(csv));
    assertEquals(
        0, again.get("added").asInt(), "re-importing the same file changes nothing: " + again);
    assertEquals(3, again.get("unchanged").asInt());

    JsonNode run =
        Json.post(net.bpp().url() + "/provider/settlement/run?day=" + day, Map.of()).expect(200);
    assertTrue(run.get("settledOrders").toString().contains(trade.orderId()), run.toString());

    // The buyer platform: the delivery (on_status, AUTHORIZED) and the settlement (on_update,
    // SETTLED).
    JsonNode delivery = awaitCallback(trade.transactionId(), "on_status", "AUTHORIZED");
    JsonNode item =
        delivery.at(
            "/message/order/beckn:orderItems/0/beckn:orderItemAttributes/fulfillmentAttributes");
    assertEquals("EnergyTradeDelivery", item.get("@type").asText(), item.toString());
    assertEquals(
        0,
        new BigDecimal("4").compareTo(item.get("deliveredQuantity").decimalValue()),
        item.toString());
    BigDecimal sellerAllocated = null;
    BigDecimal buyerAllocated = null;
    for (JsonNode r : item.get("meterReadings")) {
      if (r.path("meterId").asText().equals(sellerMeter)) {
        sellerAllocated = r.get("allocatedEnergy").decimalValue();
      } else if (r.path("meterId").asText().equals(buyerMeter)) {
        buyerAllocated = r.get("allocatedEnergy").decimalValue();
      }
    }
    assertEquals(0, new BigDecimal("4").compareTo(sellerAllocated), item.toString());
    assertEquals(0, new BigDecimal("5").compareTo(buyerAllocated), item.toString());
    JsonNode settled = awaitCallback(trade.transactionId(), "on_update", "SETTLED");
    JsonNode payment = settled.at("/message/order/beckn:payment");
    assertTrue(payment.get("beckn:txnRef").asText().startsWith("STL-"), payment.toString());
    assertTrue(payment.hasNonNull("beckn:paidAt"), payment.toString());
    theSettlementRecordIsInTheSellersSignedLog(trade.transactionId(), trade.orderId());

    // Both statements for the day: same settled kWh and the same net amount, to the paisa.
    JsonNode bppStatement =
        Json.get(
                net.bpp().url()
                    + "/provider/settlement/statement?from="
                    + day
                    + "&to="
                    + day
                    + "&counterparty="
                    + LocalNetwork.BAP_ID)
            .expect(200);
    JsonNode bapStatement =
        pollStatement(
            net.bap().url() + "/client/settlement/statement?from=" + day, trade.orderId());
    JsonNode bppTrade = tradeOf(bppStatement, trade.orderId());
    JsonNode bapTrade = tradeOf(bapStatement, trade.orderId());
    assertEquals(bppTrade.get("tradeId").asText(), bapTrade.get("tradeId").asText());
    assertEquals(
        0,
        new BigDecimal("4").compareTo(bppTrade.get("settledKwh").decimalValue()),
        bppTrade.toString());
    assertEquals(
        0,
        bppTrade
            .get("buyerAllocatedKwh")
            .decimalValue()
            .compareTo(bapTrade.get("buyerAllocatedKwh").decimalValue()),
        bppTrade + " vs " + bapTrade);
    assertEquals(
        0,
        bppTrade
            .get("settledKwh")
            .decimalValue()
            .compareTo(bapTrade.get("settledKwh").decimalValue()),
        bppTrade + " vs " + bapTrade);
    JsonNode bppNet = bppStatement.at("/netPositions/0");
    JsonNode bapNet = bapStatement.at("/netPositions/0");
    assertEquals(LocalNetwork.BAP_ID, bppNet.get("payerPlatformId").asText(), bppNet.toString());
    assertEquals(LocalNetwork.BPP_ID, bppNet.get("payeePlatformId").asText(), bppNet.toString());
    assertEquals(
        0,
        new BigDecimal("25.60").compareTo(bppNet.get("amount").decimalValue()),
        "4 kWh × 6.40: " + bppNet);
    assertEquals(bppNet.get("payerPlatformId"), bapNet.get("payerPlatformId"), bapNet.toString());
    assertEquals(bppNet.get("payeePlatformId"), bapNet.get("payeePlatformId"), bapNet.toString());
    assertEquals(
        0,
        bppNet.get("amount").decimalValue().compareTo(bapNet.get("amount").decimalValue()),
        bppNet + " vs " + bapNet);

    // The DISCOM billing reconciliation of the month, through the CLI.
    Cli report = Cli.run("settlement", "report", "--node", net.bpp().url(), "--month", month);
    assertEquals(0, report.exit(), report.err());
    assertTrue(report.out().startsWith("account_id,meter_id"), report.out());
    assertTrue(
        report.out().contains(sellerMeter) && report.out().contains(buyerMeter), report.out());
  }

  /**
   * What the buyer platform can prove from the seller platform's API alone: the seller's signed
   * tree head (checked with the seller's registry key) includes the settlement record it booked.
   */
  private static void theSettlementRecordIsInTheSellersSignedLog(
      String transactionId, String orderId) throws Exception {
    Ed25519PublicKey sellerKey =
        Ed25519PublicKey.fromBase64(
            RegistryKeyResolver.of(BecknRegistry.of(net.registryUrl()))
                .resolveSubscriber(LocalNetwork.BPP_ID, "k1")
                .signingPublicKey());
    long index = -1;
    byte[] bytes = null;
    for (JsonNode e :
        Json.get(net.bpp().url() + "/audit/entries?transaction_id=" + transactionId)
            .expect(200)
            .get("entries")) {
      byte[] b = Base64.getDecoder().decode(e.get("entry").asText());
      if (EntryCodec.decode(b) instanceof RecordEntry r
          && r.kind() == RecordEntry.Kind.SETTLEMENT) {
        assertEquals("settlement/" + orderId, r.recordId());
        index = e.get("index").asLong();
        bytes = b;
      }
    }
    assertTrue(index >= 0, "the seller logged a settlement record for " + transactionId);
    SignedTreeHead head =
        SignedTreeHead.verify(
            Json.get(net.bpp().url() + "/audit/sth").expect(200).get("sth").asText(), sellerKey);
    assertTrue(index < head.treeSize(), "the latest signed head covers the settlement record");
    List<byte[]> path = new ArrayList<>();
    Json.get(
            net.bpp().url()
                + "/audit/proof/inclusion?index="
                + index
                + "&tree_size="
                + head.treeSize())
        .expect(200)
        .get("audit_path")
        .forEach(h -> path.add(Base64.getDecoder().decode(h.asText())));
    assertTrue(
        TreeHeadProofs.entryIncluded(bytes, new InclusionProof(index, head.treeSize(), path), head),
        "inclusion proof of the settlement record against the seller-signed head");
  }

  private static JsonNode awaitCallback(String transactionId, String action, String paymentStatus)
      throws Exception {
    return Await.value(
        () -> {
          for (JsonNode c :
              Json.get(net.bap().url() + "/client/transactions/" + transactionId)
                  .expect(200)
                  .get("callbacks")) {
            if (c.get("action").asText().equals(action)
                && paymentStatus.equals(
                    c.at("/message/order/beckn:payment/beckn:paymentStatus").asText())
                && c.at(
                        "/message/order/beckn:orderItems/0/beckn:orderItemAttributes/fulfillmentAttributes")
                    .has("deliveredQuantity")) {
              return c;
            }
          }
          return null;
        },
        DEADLINE,
        action + " with payment " + paymentStatus + " at the buyer platform");
  }

  /**
   * The buyer platform records the report in its handler, after the ACK: wait for the trade to
   * show.
   */
  private static JsonNode pollStatement(String url, String orderId) throws Exception {
    return Await.value(
        () -> {
          JsonNode statement = Json.get(url).expect(200);
          return tradeOfOrNull(statement, orderId) != null ? statement : null;
        },
        DEADLINE,
        "a trade of " + orderId + " in the buyer platform's statement");
  }

  private static JsonNode tradeOf(JsonNode statement, String orderId) {
    JsonNode t = tradeOfOrNull(statement, orderId);
    assertNotNull(t, "no trade of order " + orderId + " in " + statement);
    return t;
  }

  private static JsonNode tradeOfOrNull(JsonNode statement, String orderId) {
    for (JsonNode t : statement.get("trades")) {
      if (t.get("tradeId").asText().startsWith(orderId)) {
        return t;
      }
    }
    return null;
  }

  private static JsonNode postCsv(String url, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return Json.MAPPER.readTree(r.body());
  }
}
