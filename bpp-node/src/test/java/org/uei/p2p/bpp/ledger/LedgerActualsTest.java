package org.uei.p2p.bpp.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.codec.Wave2LedgerReport;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * bpp-node as TPDDL's ledger provider on wave 2: it asks TPDDL's utility node (played here) for its
 * consumers' meter actuals, allocates the answer and reports to the buyer platform; the seller
 * platform tells it the seller DISCOM's figures. Every party is a registered subscriber with its
 * own key and endpoint.
 */
@QuarkusTest
@TestProfile(LedgerActualsTest.Mode.class)
@QuarkusTestResource(TestNetwork.class)
class LedgerActualsTest {
  static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";
  private static final String TPDDL = "utility.tpddl.actuals-test";
  private static final String SELLER = "bpp.seller.actuals-test";
  private static final String BUYER = "bap.buyer.actuals-test";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PolicyReference POLICY =
      new PolicyReference("https://policy.test/p2p-trading", "data.deg.contracts.p2p_trading");
  private static BecknSigner tpddl;
  private static BecknSigner seller;
  private static BecknSigner buyer;
  private static CallbackReceiver tpddlNode;
  private static CallbackReceiver sellerNode;
  private static CallbackReceiver buyerNode;

  /** Ledger of TPDDL on a wave-2 node; the daily run is off, the operator call drives it. */
  public static class Mode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "uei.wire", "wave1,wave2",
          "uei.network-id", NETWORK,
          "uei.bpp.ledger.enabled", "true",
          "uei.bpp.ledger.discom-id", "TPDDL",
          "uei.bpp.ledger.discoms.TPDDL", TPDDL,
          "uei.bpp.ledger.discoms.PVVNL", "utility.pvvnl.actuals-test",
          "uei.bpp.ledger.actuals.enabled", "false");
    }
  }

  @BeforeAll
  static void register() throws Exception {
    tpddlNode = CallbackReceiver.onPort(CallbackReceiver.freePort()).start();
    sellerNode = CallbackReceiver.onPort(CallbackReceiver.freePort()).start();
    buyerNode = CallbackReceiver.onPort(CallbackReceiver.freePort()).start();
    Ed25519KeyPair tpddlKey = Ed25519KeyPair.generate();
    Ed25519KeyPair sellerKey = Ed25519KeyPair.generate();
    Ed25519KeyPair buyerKey = Ed25519KeyPair.generate();
    List<Subscriber> records =
        List.of(
            subscriber(TPDDL, SubscriberType.BPP, tpddlKey, tpddlNode),
            subscriber(SELLER, SubscriberType.BPP, sellerKey, sellerNode),
            subscriber(BUYER, SubscriberType.BAP, buyerKey, buyerNode));
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
    tpddl = BecknSigner.of(TPDDL, "k1", tpddlKey);
    seller = BecknSigner.of(SELLER, "k1", sellerKey);
    buyer = BecknSigner.of(BUYER, "k1", buyerKey);
  }

  @AfterAll
  static void stop() {
    for (CallbackReceiver c : List.of(tpddlNode, sellerNode, buyerNode)) {
      c.close();
    }
  }

  private static Subscriber subscriber(
      String id, SubscriberType type, Ed25519KeyPair key, CallbackReceiver at) {
    return Subscriber.builder()
        .subscriberId(id)
        .uniqueKeyId("k1")
        .type(type)
        .url(url(at))
        .domain(TestNetwork.DOMAIN)
        .signingPublicKey(key.publicKeyBase64())
        .status(Subscriber.SUBSCRIBED)
        .build();
  }

  private static String url(CallbackReceiver at) {
    return "http://127.0.0.1:" + at.port();
  }

  /** A trade of TPDDL consumer {@code meter} from a PVVNL prosumer, two one-hour lines. */
  private record Trade(String txn, String contractId, String meter, String day) {
    Instant start(int line) {
      // 11:00 IST, then 12:00 IST
      return Instant.parse(day + "T05:30:00Z").plusSeconds(3600L * (line - 1));
    }

    BigDecimal kwh(int line) {
      return new BigDecimal(line == 1 ? "5" : "4");
    }
  }

  private static Trade trade(String day) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Trade t = new Trade(UUID.randomUUID().toString(), "contract-" + tag, "TPDDL-C-" + tag, day);
    for (int line = 1; line <= 2; line++) {
      String put =
          "{\"role\":\"SELLER\",\"transactionId\":\""
              + t.txn()
              + "\",\"orderItemId\":\""
              + line
              + "\",\"platformIdBuyer\":\""
              + BUYER
              + "\",\"platformIdSeller\":\""
              + SELLER
              + "\",\"discomIdBuyer\":\"TPDDL\",\"discomIdSeller\":\"PVVNL\",\"buyerId\":\""
              + t.meter()
              + "\",\"sellerId\":\"PVVNL-P-"
              + tag
              + "\",\"deliveryStartTime\":\""
              + t.start(line)
              + "\",\"deliveryEndTime\":\""
              + t.start(line).plusSeconds(3600)
              + "\",\"tradeDetails\":[{\"tradeType\":\"ENERGY\",\"tradeQty\":"
              + t.kwh(line)
              + ",\"tradeUnit\":\"KWH\",\"pricePerUnit\":6.5,\"priceCurrency\":\"INR\"}],"
              + "\"clientReference\":\""
              + t.contractId()
              + "\"}";
      ledger("put", seller, put).statusCode(200).body("message", equalTo("Created"));
    }
    return t;
  }

  private static ValidatableResponse ledger(String path, BecknSigner signer, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return given()
        .contentType("application/json")
        .header("Authorization", signer.authorization(body))
        .body(body)
        .post("/ledger/" + path)
        .then();
  }

  private static ValidatableResponse askFor(String day) {
    return given()
        .contentType("application/json")
        .body("{\"day\":\"" + day + "\"}")
        .post("/provider/ledger/actuals/requests")
        .then()
        .statusCode(200);
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

  /** The status TPDDL received about {@code meter} as message number {@code n} (0-based). */
  private static Wave2Envelope statusFor(String meter, int n) throws Exception {
    tpddlNode.await(
        r ->
            r.action().equals("status")
                && tpddlNode.received().stream()
                        .filter(x -> x.action().equals("status") && x.bodyText().contains(meter))
                        .count()
                    > n,
        WAIT,
        "status " + n + " about " + meter);
    CallbackReceiver.Received r =
        tpddlNode.received().stream()
            .filter(x -> x.action().equals("status") && x.bodyText().contains(meter))
            .toList()
            .get(n);
    assertTrue(
        r.header("Authorization").contains("keyId=\"" + TestPeers.nodeId() + "|"),
        r.header("Authorization"));
    return Wave2Envelope.parse(r.body());
  }

  /** TPDDL's answer: {@code values} per window start, the others left empty. */
  private static Wave2Envelope answer(
      Wave2Envelope status, Map<Instant, String> values, Consumer<ObjectNode> edit)
      throws Exception {
    ObjectNode message = status.message().toJson();
    for (JsonNode ts :
        message.at("/contract/commitments/0/resources/0/resourceAttributes/dataPayload")) {
      Instant start = Instant.parse(ts.at("/intervalPeriod/start").asText());
      ArrayNode v = (ArrayNode) ts.at("/intervals/0/payloads/0/values");
      if (values.containsKey(start)) {
        v.add(new BigDecimal(values.get(start)));
      }
    }
    ObjectNode context = Wave2Contexts.callbackFor(status.context(), Clock.systemUTC());
    edit.accept(context);
    return Wave2Envelope.of(context, Wave2Message.of(message));
  }

  /** The ledger's reports to the buyer platform in {@code txn}, in arrival order. */
  private static List<Map<String, Wave2LedgerReport.Line>> reportsTo(
      CallbackReceiver platform, String txn) throws Exception {
    List<Map<String, Wave2LedgerReport.Line>> out = new java.util.ArrayList<>();
    for (CallbackReceiver.Received r : platform.received()) {
      if (r.action().equals("on_status") && r.bodyText().contains(txn)) {
        Wave2Envelope e = Wave2Envelope.parse(r.body());
        assertEquals(BUYER, e.context().bapId());
        assertEquals(TestPeers.nodeId(), e.context().bppId());
        out.add(Wave2LedgerReport.read(e.message().contract(), TradeSide.BUYER));
      }
    }
    return out;
  }

  @Test
  void actualsAreAskedAllocatedAndReportedOnceEachOnlyFromTheDiscomForWhatWasAsked()
      throws Exception {
    Trade t = trade("2026-03-05");
    askFor(t.day()).body("windows", equalTo(2)).body("messageIds", hasSize(1));
    Wave2Envelope status = statusFor(t.meter(), 0);
    assertEquals(TestPeers.nodeId(), status.context().bapId());
    assertEquals(TPDDL, status.context().bppId());
    Map<Instant, String> first = Map.of(t.start(1), "3.25");

    // A stranger cannot answer for TPDDL, nor TPDDL for a status the ledger did not send or about
    // a meter it did not ask for.
    post(answer(status, first, c -> c.put("bppId", SELLER).put("bppUri", url(sellerNode))), seller)
        .statusCode(400);
    post(answer(status, first, c -> c.put("messageId", UUID.randomUUID().toString())), tpddl)
        .statusCode(400)
        .body("error.paths", equalTo("context.messageId"));
    Wave2Envelope other = answer(status, first, c -> {});
    ObjectNode otherMessage = other.message().toJson();
    ((ObjectNode)
            otherMessage.at("/contract/commitments/0/resources/0/resourceAttributes/dataPayload/0"))
        .put("resourceName", "TPDDL-C-not-asked");
    post(Wave2Envelope.of(other.context().toJson(), Wave2Message.of(otherMessage)), tpddl)
        .statusCode(400)
        .body("error.paths", startsWith("message.contract.commitments[0].resources[0]"));

    // The answer: line 1's window metered, line 2's not complete yet.
    post(answer(status, first, c -> {}), tpddl).statusCode(200);
    org.uei.p2p.node.testing.Poll.until(
        () -> uncheckedReports(t).size() == 1, WAIT, "the first report");
    Map<String, Wave2LedgerReport.Line> report = reportsTo(buyerNode, t.txn()).get(0);
    assertEquals(List.of("1"), List.copyOf(report.keySet()));
    assertEquals(0, new BigDecimal("3.25").compareTo(report.get("1").kwh()));
    assertEquals(t.start(1), report.get("1").start());

    // The next run asks only for the window still open; its answer reports only that line.
    askFor(t.day()).body("windows", equalTo(1));
    Wave2Envelope again = statusFor(t.meter(), 1);
    post(answer(again, Map.of(t.start(2), "9"), c -> {}), tpddl).statusCode(200);
    org.uei.p2p.node.testing.Poll.until(
        () -> uncheckedReports(t).size() == 2, WAIT, "the second report");
    Map<String, Wave2LedgerReport.Line> second = reportsTo(buyerNode, t.txn()).get(1);
    assertEquals(List.of("2"), List.copyOf(second.keySet()));
    assertEquals(0, new BigDecimal("4").compareTo(second.get("2").kwh()), "capped at the trade");
    askFor(t.day()).body("windows", equalTo(0)).body("messageIds", hasSize(0));
    assertEquals(2, reportsTo(buyerNode, t.txn()).size());
    assertEquals(
        0,
        sellerNode.received().stream().filter(r -> r.bodyText().contains(t.txn())).count(),
        "TPDDL serves the buyer side only: the seller platform hears nothing from this ledger");
  }

  private static List<Map<String, Wave2LedgerReport.Line>> uncheckedReports(Trade t) {
    try {
      return reportsTo(buyerNode, t.txn());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The contract of {@code t} as the seller platform holds it, with {@code allocations}. */
  private static Wave2Message contract(Trade t, List<Allocation> allocations) {
    MeterPoint prosumer = new MeterPoint("TEST_PVVNL_S1", "PVVNL");
    List<OrderLine> lines =
        List.of(1, 2).stream()
            .map(
                n ->
                    new OrderLine(
                        "offer-1",
                        SELLER,
                        prosumer,
                        new DeliverySlot(t.start(n), t.start(n).plusSeconds(3600)),
                        new UnitPrice(new BigDecimal("6.5"), UnitPrice.INR),
                        t.kwh(n)))
            .toList();
    TradeOrder order =
        new TradeOrder(
            t.contractId(),
            TradeStatus.CONFIRMED,
            BUYER,
            SELLER,
            "C-1",
            new MeterPoint(t.meter(), "TPDDL"),
            lines);
    LedgerProvider tpddlLedger =
        new LedgerProvider(
            "TPDDL", TPDDL, url(tpddlNode), TestPeers.nodeId(), "http://127.0.0.1:1");
    LedgerProvider pvvnlLedger =
        new LedgerProvider(
            "PVVNL",
            "utility.pvvnl.actuals-test",
            "http://127.0.0.1:2",
            "l.pvvnl",
            "http://127.0.0.1:3");
    return new Wave2Codec(POLICY, List.of())
        .contractMessage(
            new TradeContract(
                order, POLICY, tpddlLedger, pvvnlLedger, allocations, Map.of(), List.of()));
  }

  private static Wave2Envelope fromSeller(Trade t, List<Allocation> allocations) {
    return from(SELLER, url(sellerNode), t, allocations);
  }

  private static Wave2Envelope from(
      String sender, String senderUrl, Trade t, List<Allocation> allocations) {
    ObjectNode context =
        Wave2Contexts.newRequest(
            org.uei.p2p.model.wave2.Wave2Action.STATUS,
            new Wave2Contexts.Parties(
                NETWORK, TestPeers.nodeId(), TestPeers.nodeUrl(), sender, senderUrl),
            t.txn(),
            null,
            List.of(),
            Clock.systemUTC());
    context.put("action", "on_status");
    return Wave2Envelope.of(context, contract(t, allocations));
  }

  private static Allocation alloc(Trade t, int line, TradeSide side, String kwh) {
    return new Allocation(
        t.contractId() + "/" + line,
        side,
        side == TradeSide.BUYER ? t.meter() : "TEST_PVVNL_S1",
        t.kwh(line),
        new BigDecimal(kwh));
  }

  @Test
  void thePlatformsTellTheOtherDiscomsFiguresOnceAndNeverThisDiscomsOwn() throws Exception {
    Trade t = trade("2026-03-06");
    List<Allocation> told =
        List.of(
            alloc(t, 1, TradeSide.SELLER, "4.5"),
            alloc(t, 2, TradeSide.SELLER, "4"),
            alloc(t, 1, TradeSide.BUYER, "1"));
    post(fromSeller(t, told), seller).statusCode(200);
    org.uei.p2p.node.testing.Poll.until(
        () -> {
          JsonNode rs = uncheckedRecords(t).get("records");
          return rs.size() == 2
              && rs.get(0).path("sellerFulfillmentValidationMetrics").size() == 1
              && rs.get(1).path("sellerFulfillmentValidationMetrics").size() == 1;
        },
        WAIT,
        "the seller figures recorded");
    JsonNode records = records(t);
    for (JsonNode r : records.get("records")) {
      String item = r.get("orderItemId").asText();
      JsonNode m = r.at("/sellerFulfillmentValidationMetrics/0");
      assertEquals("ACTUAL_PUSHED", m.get("validationMetricType").asText(), r.toString());
      assertEquals(
          0,
          new BigDecimal(item.equals("1") ? "4.5" : "4")
              .compareTo(m.get("validationMetricValue").decimalValue()),
          r.toString());
      assertEquals("COMPLETED", r.get("statusSellerDiscom").asText());
      assertEquals(0, r.path("buyerFulfillmentValidationMetrics").size(), "TPDDL's own side");
    }

    // The same figures again change nothing; another figure is refused with where it was.
    post(fromSeller(t, told), seller).statusCode(200);
    post(fromSeller(t, List.of(alloc(t, 1, TradeSide.SELLER, "4.25"))), seller)
        .statusCode(400)
        .body("error.paths", equalTo("message.contract.commitments"));
    // A platform of no trade of the transaction is not heard.
    post(from(TestPeers.intruderId(), TestPeers.peerUrl(), t, told), TestPeers.intruderSigner())
        .statusCode(400);
    assertEquals(0, reportsTo(buyerNode, t.txn()).size(), "nothing told is reported on");
  }

  private static JsonNode records(Trade t) throws Exception {
    String body =
        ledger("get", buyer, "{\"transactionId\":\"" + t.txn() + "\"}")
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readTree(body);
  }

  private static JsonNode uncheckedRecords(Trade t) {
    try {
      return records(t);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
