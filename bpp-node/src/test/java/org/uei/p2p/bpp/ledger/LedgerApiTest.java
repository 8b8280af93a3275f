package org.uei.p2p.bpp.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * bpp-node as TPDDL's ledger provider. The test peer (a registered BAP) is the buyer platform, the
 * intruder another platform; a seller platform and TPDDL's signer are registered here.
 */
@QuarkusTest
@TestProfile(LedgerApiTest.LedgerMode.class)
@QuarkusTestResource(TestNetwork.class)
class LedgerApiTest {
  private static final String TPDDL_SIGNER = "utility.tpddl.ledger-test";
  private static final String SELLER = "bpp.seller.ledger-test";
  private static final String START = "2026-03-02T05:30:00Z";
  private static final String END = "2026-03-02T06:30:00Z";
  private static BecknSigner tpddl;
  private static BecknSigner seller;

  /** Ledger provider for TPDDL; TPDDL and PVVNL sign with the ids below. */
  public static class LedgerMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "uei.bpp.ledger.enabled",
          "true",
          "uei.bpp.ledger.discom-id",
          "TPDDL",
          "uei.bpp.ledger.discoms.TPDDL",
          TPDDL_SIGNER,
          "uei.bpp.ledger.discoms.PVVNL",
          "utility.pvvnl.ledger-test");
    }
  }

  @BeforeAll
  static void register() throws Exception {
    Ed25519KeyPair tpddlKey = Ed25519KeyPair.generate();
    Ed25519KeyPair sellerKey = Ed25519KeyPair.generate();
    List<Subscriber> records =
        List.of(
            subscriber(TPDDL_SIGNER, SubscriberType.BPP, tpddlKey),
            subscriber(SELLER, SubscriberType.BPP, sellerKey));
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
    tpddl = BecknSigner.of(TPDDL_SIGNER, "k1", tpddlKey);
    seller = BecknSigner.of(SELLER, "k1", sellerKey);
  }

  private static Subscriber subscriber(String id, SubscriberType type, Ed25519KeyPair key) {
    return Subscriber.builder()
        .subscriberId(id)
        .uniqueKeyId("k1")
        .type(type)
        .url("http://127.0.0.1/" + id)
        .domain(TestNetwork.DOMAIN)
        .signingPublicKey(key.publicKeyBase64())
        .status(Subscriber.SUBSCRIBED)
        .build();
  }

  private static ValidatableResponse post(String path, BecknSigner signer, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    var request = given().contentType("application/json").body(body);
    if (signer != null) {
      request = request.header("Authorization", signer.authorization(body));
    }
    return request.post("/ledger/" + path).then();
  }

  /** A TPDDL consumer buying {@code kwh} from a PVVNL prosumer, as the buyer platform puts it. */
  private static String buyerPut(String txn, String meter, String kwh) {
    return "{\"role\":\"BUYER\",\"transactionId\":\""
        + txn
        + "\",\"orderItemId\":\"item-1\",\"platformIdBuyer\":\""
        + TestPeers.peerId()
        + "\",\"platformIdSeller\":\""
        + SELLER
        + "\",\"discomIdBuyer\":\"TPDDL\","
        + "\"discomIdSeller\":\"PVVNL\",\"buyerId\":\""
        + meter
        + "\",\"sellerId\":\"PVVNL-P-1\","
        + "\"tradeTime\":\"2026-03-01T09:00:00Z\",\"deliveryStartTime\":\""
        + START
        + "\",\"deliveryEndTime\":\""
        + END
        + "\",\"tradeDetails\":[{\"tradeType\":\"ENERGY\",\"tradeQty\":"
        + kwh
        + ",\"tradeUnit\":\"KWH\","
        + "\"pricePerUnit\":6.5,\"priceCurrency\":\"INR\"}],\"clientReference\":\"c-"
        + txn
        + "\"}";
  }

  private static String byKey(String txn) {
    return "{\"transactionId\":\"" + txn + "\",\"orderItemId\":\"item-1\"}";
  }

  @Test
  void platformsPutDiscomsRecordAndAllocateEveryoneReadsTheirOwn() {
    String txn = "tx-" + UUID.randomUUID();
    String meter = "TPDDL-C-" + UUID.randomUUID().toString().substring(0, 8);
    String recordId =
        post("put", TestPeers.peerSigner(), buyerPut(txn, meter, "5"))
            .statusCode(200)
            .body("success", equalTo(true))
            .body("message", equalTo("Created"))
            .body("rowDigest", startsWith("sha256:"))
            .extract()
            .path("recordId");
    post("put", TestPeers.peerSigner(), buyerPut(txn, meter, "5.0"))
        .statusCode(200)
        .body("recordId", equalTo(recordId))
        .body("message", equalTo("Accepted, no change"));
    post("put", TestPeers.peerSigner(), buyerPut(txn, meter, "6"))
        .statusCode(409)
        .body("code", equalTo("PRC_CONFLICT"))
        .body("details.field", equalTo("tradeDetails"));
    // The seller platform of the trade adds nothing new, which is fine; its put is accepted.
    post(
            "put",
            seller,
            "{\"role\":\"SELLER\",\"transactionId\":\""
                + txn
                + "\",\"orderItemId\":\"item-1\","
                + "\"platformIdSeller\":\""
                + SELLER
                + "\",\"sellerId\":\"PVVNL-P-1\"}")
        .statusCode(200)
        .body("message", equalTo("Accepted, no change"));

    post(
            "record",
            tpddl,
            "{\"role\":\"BUYER_DISCOM\",\"transactionId\":\""
                + txn
                + "\",\"orderItemId\":\"item-1\","
                + "\"discomIdBuyer\":\"TPDDL\",\"buyerFulfillmentValidationMetrics\":[{\"validationMetricType\":"
                + "\"ACTUAL_PULLED\",\"validationMetricValue\":4.5}],\"statusBuyerDiscom\":\"CONFIRMED\"}")
        .statusCode(200)
        .body("message", equalTo("Updated"));
    post(
            "allocate",
            tpddl,
            "{\"meterId\":\""
                + meter
                + "\",\"discomId\":\"TPDDL\",\"deliveryStartTime\":\""
                + START
                + "\",\"deliveryEndTime\":\""
                + END
                + "\",\"actualImported\":3.25,\"status\":\"COMPLETED\"}")
        .statusCode(200)
        .body("totalMatched", equalTo(1))
        .body("allocations[0].recordId", equalTo(recordId))
        .body("allocations[0].side", equalTo("BUYER"))
        .body("allocations[0].metricType", equalTo("ACTUAL_PULLED"))
        .body("allocations[0].allocatedQty", equalTo(3.25f))
        .body("allocations[0].tradeQty", equalTo(5));

    String digest =
        post("get", TestPeers.peerSigner(), byKey(txn))
            .statusCode(200)
            .body("count", equalTo(1))
            .body("records[0].recordId", equalTo(recordId))
            .body("records[0].buyerId", equalTo(meter))
            .body("records[0].statusBuyerDiscom", equalTo("COMPLETED"))
            .body(
                "records[0].buyerFulfillmentValidationMetrics[0].validationMetricValue",
                equalTo(3.25f))
            .body("records[0].tradeDetails[0].pricePerUnit", equalTo(6.5f))
            .extract()
            .path("records[0].rowDigest");
    post("get", seller, byKey(txn))
        .statusCode(200)
        .body("count", equalTo(1))
        .body("records[0].rowDigest", equalTo(digest));
    post(
            "get",
            tpddl,
            "{\"buyerId\":\""
                + meter
                + "\",\"statusBuyerDiscom\":\"COMPLETED\",\"statusSellerDiscom\":\"\","
                + "\"sort\":\"deliveryStartTime\",\"sortOrder\":\"asc\",\"limit\":10}")
        .statusCode(200)
        .body("count", equalTo(1));
    post("get", TestPeers.intruderSigner(), byKey(txn))
        .statusCode(200)
        .body("count", equalTo(0))
        .body("records.size()", equalTo(0));
  }

  @Test
  void signaturesRolesAndInputAreCheckedAndNothingIsStoredOnRefusal() {
    String txn = "tx-" + UUID.randomUUID();
    String put = buyerPut(txn, "TPDDL-C-X", "2");
    post("put", null, put)
        .statusCode(401)
        .header("WWW-Authenticate", notNullValue())
        .body("code", equalTo("AUT_SIGNATURE_INVALID"));
    post("put", TestPeers.unregisteredSigner(), put)
        .statusCode(401)
        .body("code", equalTo("AUT_SIGNATURE_INVALID"));
    byte[] other = buyerPut(txn, "TPDDL-C-Y", "2").getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(other))
        .body(put.getBytes(StandardCharsets.UTF_8))
        .post("/ledger/put")
        .then()
        .statusCode(401)
        .body("message", containsString("signature"));
    // Roles: a DISCOM may not put, a platform may not record or allocate, nor write as another
    // platform.
    post("put", tpddl, put).statusCode(403).body("code", equalTo("AUT_NOT_AUTHORIZED"));
    post("put", TestPeers.intruderSigner(), put)
        .statusCode(403)
        .body("code", equalTo("AUT_NOT_AUTHORIZED"));
    post(
            "record",
            TestPeers.peerSigner(),
            "{\"role\":\"BUYER_DISCOM\",\"transactionId\":\""
                + txn
                + "\",\"orderItemId\":\"item-1\"}")
        .statusCode(403)
        .body("code", equalTo("AUT_NOT_AUTHORIZED"));
    post(
            "allocate",
            TestPeers.peerSigner(),
            "{\"meterId\":\"M\",\"discomId\":\"TPDDL\",\"deliveryStartTime\":\""
                + START
                + "\",\"deliveryEndTime\":\""
                + END
                + "\",\"actualImported\":1}")
        .statusCode(403);
    // Input: not JSON, a trailing value, an unknown member, a bad time, an absurd number, too big.
    post("put", TestPeers.peerSigner(), "{\"role\":")
        .statusCode(400)
        .body("code", equalTo("SCH_FIELD_NOT_ALLOWED"))
        .body("message", not(containsString("com.fasterxml")));
    post("put", TestPeers.peerSigner(), put + " {}")
        .statusCode(400)
        .body("message", not(containsString("org.uei")));
    post(
            "put",
            TestPeers.peerSigner(),
            put.replace("\"clientReference\"", "\"colour\":\"red\",\"clientReference\""))
        .statusCode(400)
        .body("details.field", equalTo("colour"));
    post("put", TestPeers.peerSigner(), put.replace(START, "tomorrow"))
        .statusCode(400)
        .body("details.field", equalTo("deliveryStartTime"));
    post("put", TestPeers.peerSigner(), put.replace("\"tradeQty\":2", "\"tradeQty\":1e999999"))
        .statusCode(400)
        .body("message", not(containsString("java.")));
    post("put", TestPeers.peerSigner(), put.replace("\"tradeQty\":2", "\"tradeQty\":-2"))
        .statusCode(400)
        .body("details.field", equalTo("tradeDetails[0].tradeQty"));
    post("put", TestPeers.peerSigner(), put.replace("\"role\":\"BUYER\",", ""))
        .statusCode(400)
        .body("code", equalTo("SCH_MISSING_REQUIRED"))
        .body("details.field", equalTo("role"));
    post("put", TestPeers.peerSigner(), "{\"pad\":\"" + "x".repeat(70_000) + "\"}").statusCode(413);
    post(
            "record",
            tpddl,
            "{\"role\":\"BUYER_DISCOM\",\"transactionId\":\""
                + txn
                + "\",\"orderItemId\":\"item-1\","
                + "\"discomIdBuyer\":\"TPDDL\",\"buyerFulfillmentValidationMetrics\":[{\"validationMetricType\":"
                + "\"ACTUAL_PULLED\",\"validationMetricValue\":1}]}")
        .statusCode(404)
        .body("code", equalTo("PRC_NOT_FOUND"));
    post(
            "allocate",
            tpddl,
            "{\"meterId\":\"TPDDL-C-X\",\"discomId\":\"TPDDL\",\"deliveryStartTime\":\""
                + START
                + "\",\"deliveryEndTime\":\""
                + END
                + "\",\"actualImported\":1}")
        .statusCode(404)
        .body("code", equalTo("PRC_NOT_FOUND"));
    post("get", TestPeers.peerSigner(), byKey(txn)).statusCode(200).body("count", equalTo(0));
    post("get", TestPeers.peerSigner(), "{\"limit\":0}")
        .statusCode(400)
        .body("details.field", equalTo("limit"));
  }
}
