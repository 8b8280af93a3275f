package org.uei.p2p.bpp.utility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.Wave2LedgerReport;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * bpp-node as TPDDL's utility node on wave 2: it answers its ledger provider's status with the
 * imported meter data, and, being TPDDL's ledger as well here, takes its own actuals in-process.
 */
@QuarkusTest
@TestProfile(UtilityActualsTest.Mode.class)
@QuarkusTestResource(TestNetwork.class)
class UtilityActualsTest {
  private static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";
  private static final String LEDGER = "ledger.tpddl.utility-test";
  private static final String SELLER = "bpp.seller.utility-test";
  private static final String BUYER = "bap.buyer.utility-test";
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static BecknSigner ledger;
  private static BecknSigner seller;
  private static CallbackReceiver ledgerNode;
  private static CallbackReceiver buyerNode;

  /** TPDDL's utility node, answering {@link #LEDGER}, and TPDDL's ledger too. */
  public static class Mode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "uei.wire", "wave1,wave2",
          "uei.network-id", NETWORK,
          "uei.bpp.mode", "utility",
          "uei.bpp.utility.discom-id", "TPDDL",
          "uei.bpp.utility.ledger-id", LEDGER,
          "uei.bpp.ledger.enabled", "true",
          "uei.bpp.ledger.actuals.enabled", "false");
    }
  }

  @BeforeAll
  static void register() throws Exception {
    ledgerNode = CallbackReceiver.onPort(CallbackReceiver.freePort()).start();
    buyerNode = CallbackReceiver.onPort(CallbackReceiver.freePort()).start();
    Ed25519KeyPair ledgerKey = Ed25519KeyPair.generate();
    Ed25519KeyPair sellerKey = Ed25519KeyPair.generate();
    List<Subscriber> records =
        List.of(
            subscriber(LEDGER, SubscriberType.BAP, ledgerKey, url(ledgerNode)),
            subscriber(SELLER, SubscriberType.BPP, sellerKey, "http://127.0.0.1:9"),
            subscriber(BUYER, SubscriberType.BAP, Ed25519KeyPair.generate(), url(buyerNode)));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(TestPeers.registryUrl() + "/admin/subscribers"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            SubscriberJson.writeList(records).toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    ledger = BecknSigner.of(LEDGER, "k1", ledgerKey);
    seller = BecknSigner.of(SELLER, "k1", sellerKey);
  }

  @AfterAll
  static void stop() {
    ledgerNode.close();
    buyerNode.close();
  }

  private static Subscriber subscriber(
      String id, SubscriberType type, Ed25519KeyPair key, String url) {
    return Subscriber.builder()
        .subscriberId(id)
        .uniqueKeyId("k1")
        .type(type)
        .url(url)
        .domain(TestNetwork.DOMAIN)
        .signingPublicKey(key.publicKeyBase64())
        .status(Subscriber.SUBSCRIBED)
        .build();
  }

  private static String url(CallbackReceiver at) {
    return "http://127.0.0.1:" + at.port();
  }

  private static String consumer() {
    String meter = "TPDDL-M-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body(
            List.of(
                Map.of(
                    "meterId",
                    meter,
                    "customerId",
                    "C-" + meter,
                    "sanctionedLoadKw",
                    10,
                    "installedCapacityKw",
                    5)))
        .post("/utility/consumers")
        .then()
        .statusCode(201);
    return meter;
  }

  /** Two half-hour blocks of {@code meter} from {@code start}. */
  private static void meterData(String meter, Instant start, String importKwh, String exportKwh) {
    String csv = "meter_id,block_start,block_minutes,import_kwh,export_kwh\n";
    for (int half = 0; half < 2; half++) {
      csv +=
          meter
              + ","
              + start.plusSeconds(1800L * half).atZone(IST).toOffsetDateTime()
              + ",30,"
              + importKwh
              + ","
              + exportKwh
              + "\n";
    }
    given()
        .contentType("text/csv")
        .body(csv)
        .post("/provider/meter-data/csv")
        .then()
        .statusCode(200);
  }

  /** The ledger's status asking for each meter's hour from {@code start}. */
  private static Wave2Envelope status(Instant start, String... meters) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    ObjectNode c = m.putObject("contract").put("id", "actuals-" + UUID.randomUUID());
    c.putObject("status").put("code", "ACTIVE");
    ObjectNode cm = c.putArray("commitments").addObject().put("id", "cm-1");
    ObjectNode a =
        cm.putArray("resources")
            .addObject()
            .put("id", "ds-1")
            .putObject("resourceAttributes")
            .put("@type", "DatasetItem");
    ArrayNode data = a.putArray("dataPayload");
    for (String meter : meters) {
      ObjectNode ts = data.addObject().put("@type", "TimeSeries").put("resourceName", meter);
      ts.putObject("intervalPeriod").put("start", start.toString()).put("duration", "PT1H");
      ts.putArray("payloadDescriptors")
          .addObject()
          .put("objectType", "REPORT_PAYLOAD_DESCRIPTOR")
          .put("payloadType", "ENERGY_CONSUMPTION")
          .put("units", "KWH");
      ts.putArray("intervals")
          .addObject()
          .put("id", 0)
          .putArray("payloads")
          .addObject()
          .put("type", "ENERGY_CONSUMPTION")
          .putArray("values");
    }
    ObjectNode context =
        Wave2Contexts.newRequest(
            Wave2Action.STATUS,
            new Wave2Contexts.Parties(
                NETWORK, LEDGER, url(ledgerNode), TestPeers.nodeId(), TestPeers.nodeUrl()),
            null,
            null,
            List.of(),
            Clock.systemUTC());
    return Wave2Envelope.of(context, Wave2Message.of(m));
  }

  private static ValidatableResponse post(Wave2Envelope e, BecknSigner signer) {
    byte[] body = e.write();
    return given()
        .contentType("application/json")
        .header("Authorization", signer.authorization(body))
        .body(body)
        .post("/" + e.context().action())
        .then();
  }

  @Test
  void theLedgerGetsEachConsumersNetImportAndNothingWhereDataIsIncomplete() throws Exception {
    Instant hour = Instant.parse("2026-03-05T05:30:00Z");
    String buyer = consumer();
    String prosumer = consumer();
    String silent = consumer();
    meterData(buyer, hour, "1.5", "0");
    meterData(prosumer, hour, "0.25", "1.25");
    Wave2Envelope status = status(hour, buyer, prosumer, silent);

    // Only the configured ledger is answered, only about this DISCOM's consumers.
    Wave2Envelope stranger =
        Wave2Envelope.of(
            status
                .context()
                .toJson()
                .put("bapId", TestPeers.intruderId())
                .put("bapUri", TestPeers.peerUrl())
                .put("messageId", UUID.randomUUID().toString()),
            status.message());
    post(stranger, TestPeers.intruderSigner())
        .statusCode(400)
        .body("error.paths", equalTo("context.bapId"));
    Wave2Envelope notOurs = status(hour, buyer, "BRPL-M-1");
    post(notOurs, ledger)
        .statusCode(400)
        .body(
            "error.paths",
            equalTo(
                "message.contract.commitments[0].resources[0].resourceAttributes"
                    + ".dataPayload[1].resourceName"));

    post(status, ledger).statusCode(200);
    JsonNode answer =
        JSON.readTree(ledgerNode.await("on_status", status.context().messageId(), WAIT).body());
    assertEquals(status.context().transactionId(), answer.at("/context/transactionId").asText());
    assertEquals(TestPeers.nodeId(), answer.at("/context/bppId").asText());
    JsonNode series =
        answer.at("/message/contract/commitments/0/resources/0/resourceAttributes/dataPayload");
    assertEquals(buyer, series.at("/0/resourceName").asText());
    assertEquals(0, new BigDecimal("3").compareTo(value(series.get(0))), series.toString());
    assertEquals(0, new BigDecimal("-2").compareTo(value(series.get(1))), "export is negative");
    assertEquals(0, series.at("/2/intervals/0/payloads/0/values").size(), "no data, no value");
  }

  private static BigDecimal value(JsonNode ts) {
    return ts.at("/intervals/0/payloads/0/values/0").decimalValue();
  }

  @Test
  void asItsOwnDiscomsLedgerTheNodeAllocatesInProcessAndReportsOnce() throws Exception {
    String day = "2026-03-07";
    Instant hour = Instant.parse(day + "T05:30:00Z");
    String meter = consumer();
    String txn = UUID.randomUUID().toString();
    String put =
        "{\"role\":\"SELLER\",\"transactionId\":\""
            + txn
            + "\",\"orderItemId\":\"1\",\"platformIdBuyer\":\""
            + BUYER
            + "\",\"platformIdSeller\":\""
            + SELLER
            + "\",\"discomIdBuyer\":\"TPDDL\",\"discomIdSeller\":\"PVVNL\",\"buyerId\":\""
            + meter
            + "\",\"sellerId\":\"PVVNL-P-1\",\"deliveryStartTime\":\""
            + hour
            + "\",\"deliveryEndTime\":\""
            + hour.plusSeconds(3600)
            + "\",\"tradeDetails\":[{\"tradeType\":\"ENERGY\",\"tradeQty\":2,\"tradeUnit\":\"KWH\","
            + "\"pricePerUnit\":6.5,\"priceCurrency\":\"INR\"}],\"clientReference\":\"contract-"
            + txn
            + "\"}";
    byte[] body = put.getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/json")
        .header("Authorization", seller.authorization(body))
        .body(body)
        .post("/ledger/put")
        .then()
        .statusCode(200);
    ask(day).body("windows", equalTo(1)).body("allocated", equalTo(0));
    meterData(meter, hour, "0.75", "0");
    ask(day)
        .body("windows", equalTo(1))
        .body("allocated", equalTo(1))
        .body("reports", equalTo(1))
        .body("messageIds", hasSize(0));
    Poll.until(
        () -> buyerNode.received().stream().anyMatch(r -> r.bodyText().contains(txn)),
        WAIT,
        "the report to the buyer platform");
    ask(day).body("windows", equalTo(0));
    List<CallbackReceiver.Received> reports =
        buyerNode.received().stream().filter(r -> r.bodyText().contains(txn)).toList();
    assertEquals(1, reports.size());
    Map<String, Wave2LedgerReport.Line> lines =
        Wave2LedgerReport.read(
            Wave2Envelope.parse(reports.get(0).body()).message().contract(), TradeSide.BUYER);
    assertEquals(0, new BigDecimal("1.5").compareTo(lines.get("1").kwh()), lines.toString());
    assertEquals(
        0, ledgerNode.received().stream().filter(r -> r.action().equals("status")).count());
  }

  private static ValidatableResponse ask(String day) {
    return given()
        .contentType("application/json")
        .body("{\"day\":\"" + day + "\"}")
        .post("/provider/ledger/actuals/requests")
        .then()
        .statusCode(200);
  }
}
