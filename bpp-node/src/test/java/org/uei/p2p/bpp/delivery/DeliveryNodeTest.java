package org.uei.p2p.bpp.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.entry.RecordEntry;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/** Meter data, the settlement run and what the buyer platform receives, on one running node. */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class DeliveryNodeTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final CallbackReceiver buyerPlatform = CallbackReceiver.forPeer();

  private static Instant tradableSlot() {
    return org.uei.p2p.market.rules.TradingRules.ies().firstTradableSlot(Instant.now());
  }

  /**
   * A confirmed order of {@code kwh} from a fresh prosumer; returns {orderId, sellerMeter,
   * buyerMeter}.
   */
  private static String[] confirmedOrder(Instant slot, String kwh) throws Exception {
    String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
    String offer = offer(id, slot);
    return confirmedOrder(offer, id, slot, kwh, "DL-B-" + id);
  }

  /**
   * A fresh prosumer {@code id} (meter {@code DL-<id>}) offering 9 kWh in {@code slot}; returns the
   * offer id.
   */
  private static String offer(String id, Instant slot) {
    given()
        .contentType("application/json")
        .body(
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
                10))
        .post("/provider/prosumers")
        .then()
        .statusCode(201);
    return given()
        .contentType("application/json")
        .body(
            Map.of(
                "prosumerId",
                id,
                "slotStart",
                slot.toString(),
                "pricePerKwh",
                new BigDecimal("6.00"),
                "maxKwh",
                new BigDecimal("9")))
        .post("/provider/offers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A confirmed order of {@code kwh} of prosumer {@code id}'s offer for {@code buyerMeter}. */
  private static String[] confirmedOrder(
      String offer, String id, Instant slot, String kwh, String buyerMeter) throws Exception {
    String sellerMeter = "DL-" + id;
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            TestPeers.peerId(),
            TestPeers.nodeId(),
            "buyer-" + id,
            new MeterPoint(buyerMeter, "BRPL"),
            List.of(
                new OrderLine(
                    offer,
                    id,
                    new MeterPoint(sellerMeter, "TPDDL"),
                    new DeliverySlot(slot, slot.plus(Duration.ofHours(1))),
                    UnitPrice.inr("6.00"),
                    new BigDecimal(kwh))));
    String txn = UUID.randomUUID().toString();
    Envelope<Message> confirm =
        new Envelope<>(
            Contexts.newRequest(
                Action.CONFIRM,
                new Contexts.Parties(
                    TestNetwork.DOMAIN,
                    TestPeers.peerId(),
                    TestPeers.peerUrl(),
                    TestPeers.nodeId(),
                    TestPeers.nodeUrl()),
                txn,
                Duration.ofSeconds(30),
                Clock.systemUTC()),
            new Wave1Codec().orderMessage(order));
    byte[] body = Envelopes.write(confirm);
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/confirm")
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("ACK"));
    CallbackReceiver.Received r =
        buyerPlatform.await(
            "on_confirm", confirm.getContext().getMessageId(), Duration.ofSeconds(10));
    String orderId = new Wave1Codec().order(Envelopes.parse(r.body()).getMessage()).orderId();
    return new String[] {orderId, sellerMeter, buyerMeter, txn};
  }

  /** The allocation and settlement records of a transaction in the node's audit log, once each. */
  private static void assertAuditRecords(String transactionId, List<String> expected)
      throws Exception {
    JsonNode entries =
        JSON.readTree(
                given()
                    .get("/audit/entries?transaction_id=" + transactionId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
            .get("entries");
    List<String> records = new java.util.ArrayList<>();
    for (JsonNode e : entries) {
      if ("record".equals(e.path("type").asText())) {
        records.add(e.get("kind").asText() + " " + e.get("record_id").asText());
        RecordEntry r =
            (RecordEntry)
                EntryCodec.decode(java.util.Base64.getDecoder().decode(e.get("entry").asText()));
        String json = new String(r.json(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(
            json.contains(
                r.kind() == RecordEntry.Kind.SETTLEMENT
                    ? "\"payment_status\":\"SETTLED\""
                    : "\"seller_allocated_kwh\":\"4"),
            json);
      }
    }
    assertEquals(expected, records);
  }

  private static JsonNode upload(String csv) throws Exception {
    return JSON.readTree(
        given()
            .contentType("text/csv")
            .body(csv)
            .post("/provider/meter-data/csv")
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  @Test
  void underDeliveryIsAllocatedSettledAndReportedToTheBuyerPlatform() throws Exception {
    Instant slot = tradableSlot();
    String[] o = confirmedOrder(slot, "5");
    ZonedDateTime s = slot.atZone(IST);
    String csv =
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + o[1]
            + ","
            + s.toOffsetDateTime()
            + ",30,0,2.5\n"
            + o[1]
            + ","
            + s.plusMinutes(30).toOffsetDateTime()
            + ",30,0,1.5\n"
            + o[2]
            + ","
            + s.toOffsetDateTime()
            + ",60,6,0\n"
            + "DL-NOBODY,"
            + s.toOffsetDateTime()
            + ",60,1,0\n"
            + o[1]
            + ","
            + s.plusMinutes(60).toOffsetDateTime()
            + ",60,-1,0\n";
    JsonNode first = upload(csv);
    assertEquals(5, first.get("rowsRead").asInt());
    assertEquals(3, first.get("added").asInt());
    assertEquals("UNKNOWN_METER", first.get("rejections").get(0).get("reason").asText());
    assertEquals("NEGATIVE_VALUE", first.get("rejections").get(1).get("reason").asText());
    JsonNode again = upload(csv);
    assertEquals(0, again.get("added").asInt(), "re-importing the same file changes nothing");
    assertEquals(3, again.get("unchanged").asInt());

    String day = s.toLocalDate().toString();
    given()
        .post("/provider/settlement/run?day=" + day)
        .then()
        .statusCode(200)
        .body("allocated", hasItem(o[0] + "/1"))
        .body("settledOrders", hasItem(o[0]));
    given()
        .post("/provider/settlement/run?day=" + day)
        .then()
        .statusCode(200)
        .body("settledOrders.size()", equalTo(0));
    assertAuditRecords(
        o[3], List.of("ALLOCATION allocation/" + o[0] + "/1", "SETTLEMENT settlement/" + o[0]));

    JsonNode status =
        JSON.readTree(
            buyerPlatform
                .await(
                    r -> r.action().equals("on_status") && r.bodyText().contains(o[0]),
                    Duration.ofSeconds(10),
                    "delivery on_status")
                .body());
    JsonNode item =
        status.at(
            "/message/order/beckn:orderItems/0/beckn:orderItemAttributes/fulfillmentAttributes");
    assertEquals("EnergyTradeDelivery", item.get("@type").asText());
    assertEquals(0, new BigDecimal("4.00").compareTo(item.get("deliveredQuantity").decimalValue()));
    assertEquals(
        0,
        new BigDecimal("4").compareTo(item.at("/meterReadings/0/allocatedEnergy").decimalValue()));
    assertEquals(o[1], item.at("/meterReadings/0/meterId").asText());
    assertEquals(
        "AUTHORIZED", status.at("/message/order/beckn:payment/beckn:paymentStatus").asText());
    assertEquals(
        0,
        new BigDecimal("24.00")
            .compareTo(
                status.at("/message/order/beckn:payment/beckn:amount/value").decimalValue()));
    JsonNode update =
        JSON.readTree(
            buyerPlatform
                .await(
                    r -> r.action().equals("on_update") && r.bodyText().contains(o[0]),
                    Duration.ofSeconds(10),
                    "settlement on_update")
                .body());
    JsonNode payment = update.at("/message/order/beckn:payment");
    assertEquals("SETTLED", payment.get("beckn:paymentStatus").asText());
    assertTrue(payment.get("beckn:txnRef").asText().startsWith("STL-"));
    assertTrue(payment.has("beckn:paidAt"));

    JsonNode statement =
        JSON.readTree(
            given()
                .get(
                    "/provider/settlement/statement?from="
                        + day
                        + "&counterparty="
                        + TestPeers.peerId())
                .then()
                .statusCode(200)
                .extract()
                .asString());
    JsonNode trade = null;
    for (JsonNode t : statement.get("trades")) {
      if (t.get("tradeId").asText().equals(o[0] + "/1")) {
        trade = t;
      }
    }
    assertEquals(0, new BigDecimal("4").compareTo(trade.get("settledKwh").decimalValue()));
    assertEquals(0, new BigDecimal("5").compareTo(trade.get("buyerAllocatedKwh").decimalValue()));
    given()
        .get("/provider/settlement/statement?from=" + day + "&format=csv")
        .then()
        .statusCode(200)
        .body(containsString("trade_id,slot_start"))
        .body(containsString(o[0] + "/1"));
    given()
        .get("/provider/settlement/report?month=" + s.toLocalDate().toString().substring(0, 7))
        .then()
        .statusCode(200)
        .body(containsString("account_id,meter_id"))
        .body(containsString(o[1]))
        .body(containsString(o[2]));
    given()
        .get("/provider/settlement/report?month=2026-13")
        .then()
        .statusCode(400)
        .body("error", containsString("YYYY-MM"));
  }

  @jakarta.inject.Inject TradeCurtailments curtailments;

  /**
   * 5 kWh sold, the DISCOM curtails the injection by 1 kWh, the seller injects 4 and the buyer
   * draws 6.10. The seller's DISCOM charges ₹5.75 per kWh not injected (test settings), yet the
   * curtailed kWh cost the seller nothing and the buyer pays for 4 kWh only, in both the statement
   * and the billing file.
   */
  @Test
  void aCurtailedTradeIsSettledOnWhatTheDiscomLetItDeliver() throws Exception {
    Instant slot = tradableSlot();
    String[] o = confirmedOrder(slot, "5");
    assertTrue(
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(
                () ->
                    curtailments.record(
                        org.uei.p2p.bpp.order.SellerOrder.findById(o[0]),
                        1,
                        "utility.test",
                        new BigDecimal("1"),
                        "CONGESTION")));
    ZonedDateTime s = slot.atZone(IST);
    upload(
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + o[1]
            + ","
            + s.toOffsetDateTime()
            + ",60,0,4.00\n"
            + o[2]
            + ","
            + s.toOffsetDateTime()
            + ",60,6.10,0\n");
    String day = s.toLocalDate().toString();
    given()
        .post("/provider/settlement/run?day=" + day)
        .then()
        .statusCode(200)
        .body("settledOrders", hasItem(o[0]));
    assertTrue(
        !io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(
                () ->
                    curtailments.record(
                        org.uei.p2p.bpp.order.SellerOrder.findById(o[0]),
                        1,
                        "utility.test",
                        new BigDecimal("2"),
                        "OTHER")),
        "a curtailment after allocation changes nothing");

    JsonNode status =
        JSON.readTree(
            buyerPlatform
                .await(
                    r -> r.action().equals("on_status") && r.bodyText().contains(o[0]),
                    Duration.ofSeconds(10),
                    "delivery on_status")
                .body());
    JsonNode item =
        status.at(
            "/message/order/beckn:orderItems/0/beckn:orderItemAttributes/fulfillmentAttributes");
    assertEquals(0, BigDecimal.ONE.compareTo(item.get("curtailedQuantity").decimalValue()));
    assertEquals("CONGESTION", item.get("curtailmentReason").asText());
    assertEquals(0, new BigDecimal("4").compareTo(item.get("deliveredQuantity").decimalValue()));
    assertEquals(
        0,
        new BigDecimal("24.00")
            .compareTo(status.at("/message/order/beckn:payment/beckn:amount/value").decimalValue()),
        "4 × 6.00, not 5 × 6.00");

    String text =
        given()
            .get("/provider/settlement/statement?from=" + day)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode trade = null;
    for (JsonNode t : JSON.readTree(text).get("trades")) {
      if (t.get("tradeId").asText().equals(o[0] + "/1")) {
        trade = t;
      }
    }
    assertTrue(text.contains("\"curtailedKwh\" : 1.00"), text);
    assertEquals(
        0,
        new BigDecimal("4").compareTo(trade.get("buyerAllocatedKwh").decimalValue()),
        "the buyer owes 4");
    assertEquals(0, new BigDecimal("5").compareTo(trade.get("contractedKwh").decimalValue()));
    assertEquals("CONGESTION", trade.get("curtailmentReason").asText());
    assertTrue(!trade.get("lines").toString().contains("DEVIATION"), trade.toString());
    String billing =
        given()
            .get("/provider/settlement/report?month=" + day.substring(0, 7))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        billing.contains(
            "," + o[1] + "," + day.substring(0, 7) + ",0.00,4.00,1.00,0.00,0.00,0.00,0.00,0.00,1"),
        billing);
    assertTrue(
        billing.contains(
            "," + o[2] + "," + day.substring(0, 7) + ",4.00,0.00,1.00,0.00,0.00,0.00,0.00,0.00,1"),
        billing);

    String dre =
        given()
            .get("/provider/settlement/dre?month=" + day.substring(0, 7))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        dre.contains(o[0] + "/1,") && dre.contains("," + o[1] + ",TPDDL,DL," + o[2] + ",4.00"),
        dre);
    given()
        .get("/provider/settlement/dre?month=" + day.substring(0, 7) + "&format=text")
        .then()
        .statusCode(200)
        .body(containsString("DRE report " + day.substring(0, 7)))
        .body(containsString("BRPL"));
    given()
        .get("/provider/settlement/dre?month=nope")
        .then()
        .statusCode(400)
        .body("error", containsString("YYYY-MM"));
    given()
        .get("/provider/settlement/profile")
        .then()
        .statusCode(200)
        .body("profile", equalTo("ies-network"))
        .body("underInjectionPerKwh.TPDDL", equalTo(5.75f));
  }

  @Test
  void aSellerMetersTradesAreAllocatedTogetherWhenOneBuyersDataComesLate() throws Exception {
    Instant slot = tradableSlot();
    String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
    String offer = offer(id, slot);
    String[] a = confirmedOrder(offer, id, slot, "5", "DL-BA-" + id);
    String[] b = confirmedOrder(offer, id, slot, "4", "DL-BB-" + id);
    ZonedDateTime s = slot.atZone(IST);
    String day = s.toLocalDate().toString();
    String header = "meter_id,block_start,block_minutes,import_kwh,export_kwh\n";
    // The seller injects 7 of the 9 kWh sold; buyer B's meter data is not there yet.
    upload(
        header
            + a[1]
            + ","
            + s.toOffsetDateTime()
            + ",60,0,7\n"
            + a[2]
            + ","
            + s.toOffsetDateTime()
            + ",60,9,0\n");
    given()
        .post("/provider/settlement/run?day=" + day)
        .then()
        .statusCode(200)
        .body("awaitingData", hasItem(a[0] + "/1"))
        .body("awaitingData", hasItem(b[0] + "/1"));
    upload(header + b[2] + "," + s.toOffsetDateTime() + ",60,9,0\n");
    given()
        .post("/provider/settlement/run?day=" + day)
        .then()
        .statusCode(200)
        .body("settledOrders", hasItem(a[0]))
        .body("settledOrders", hasItem(b[0]));

    JsonNode statement =
        JSON.readTree(
            given()
                .get("/provider/settlement/statement?from=" + day)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    BigDecimal sellerA = null;
    BigDecimal sellerB = null;
    for (JsonNode t : statement.get("trades")) {
      if (t.get("tradeId").asText().equals(a[0] + "/1")) {
        sellerA = t.get("sellerAllocatedKwh").decimalValue();
      } else if (t.get("tradeId").asText().equals(b[0] + "/1")) {
        sellerB = t.get("sellerAllocatedKwh").decimalValue();
      }
    }
    // Pro-rata over both trades: 7 × 5/9 and 7 × 4/9, never more than the meter injected.
    assertEquals(0, new BigDecimal("3.89").compareTo(sellerA), statement.toString());
    assertEquals(0, new BigDecimal("3.11").compareTo(sellerB), statement.toString());
  }

  @Test
  void dropDirectoryFilesAreImportedAndMoved() throws Exception {
    MdmsDropPoller poller = io.quarkus.arc.Arc.container().instance(MdmsDropPoller.class).get();
    Path dir = poller.dropDir();
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("good-" + UUID.randomUUID() + ".csv"),
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n");
    Path bad = dir.resolve("bad-" + UUID.randomUUID() + ".csv");
    Files.writeString(
        bad,
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\nNOPE,2026-02-10T06:00:00+05:30,60,1,0\n");
    List<Path> done = poller.pollOnce(true);
    assertTrue(
        done.stream().anyMatch(p -> p.getParent().getFileName().toString().equals("processed")),
        done.toString());
    Path moved = dir.resolve("rejected").resolve(bad.getFileName());
    assertTrue(Files.exists(moved), done.toString());
    String report =
        Files.readString(dir.resolve("rejected").resolve(bad.getFileName() + ".report.csv"));
    assertTrue(report.contains("UNKNOWN_METER"), report);
    assertTrue(Files.notExists(bad));
  }
}
