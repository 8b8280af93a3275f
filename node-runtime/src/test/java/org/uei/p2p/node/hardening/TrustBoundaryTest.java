package org.uei.p2p.node.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.node.audit.AuditLog;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Where the node sends answers, what it keeps of headers, and how the HTTP layer's own refusals
 * look on the Beckn endpoints: every refusal is a NACK, and nothing refused is stored.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class TrustBoundaryTest {

  @Inject AuditLog audit;

  @Test
  void answersGoOnlyToTheSignersRegisteredUrl() throws Exception {
    // Another participant, registered with a callback URL of its own.
    register(
        Subscriber.builder()
            .subscriberId("bap.test.bystander")
            .uniqueKeyId("k1")
            .type(SubscriberType.BAP)
            .url("http://127.0.0.1:9/bystander")
            .domain(TestNetwork.DOMAIN)
            .signingPublicKey(Ed25519KeyPair.generate().publicKeyBase64())
            .status(Subscriber.SUBSCRIBED)
            .build());
    for (String target :
        List.of(
            "http://127.0.0.1:1/",
            "http://127.0.0.1:9/bystander",
            "http://unresolvable.invalid",
            TestPeers.peerUrl() + "/elsewhere")) {
      assertNack(
          signedDiscover(c -> c.put("bap_uri", target)), 400, "context.bap_uri", "subscriber_url");
    }
    for (String target :
        List.of(
            "ftp://127.0.0.1/x",
            "javascript:alert(1)",
            "http://user:pw@127.0.0.1/",
            "http:///nohost",
            "http://127.0.0.1/" + "a".repeat(3000),
            "not a url")) {
      assertNack(signedDiscover(c -> c.put("bap_uri", target)), 400, "context.bap_uri", "");
    }
    // The registered URL with a trailing slash is the same endpoint.
    String same = TestPeers.peerUrl() + "/";
    Response ok = post("discover", signedDiscover(c -> c.put("bap_uri", same)), 0);
    assertEquals(200, ok.statusCode(), ok.asString());
  }

  @Test
  void oversizedHeadersGetANackAndStoredHeadersStayBounded() throws Exception {
    long before = inbound();
    Response big = post("discover", signedDiscover(c -> {}), 20_000);
    assertEquals(431, big.statusCode(), big.asString());
    assertEquals("NACK", big.jsonPath().getString("message.ack.status"));
    assertEquals(before, inbound(), "nothing stored");

    // Below the limit: accepted, and only the documented headers are kept, in full JSON.
    byte[] body = signedDiscover(c -> {});
    Response r = post("discover", body, 12_000);
    assertEquals(200, r.statusCode(), r.asString());
    String messageId = BecknJson.readTree(body).path("context").path("message_id").asText();
    StoredMessage in =
        StoredMessage.find("messageId = ?1 and direction = ?2", messageId, Direction.IN)
            .firstResult();
    var headers = BecknJson.readTree(in.headers.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(headers.has("Authorization"), in.headers);
    headers
        .fieldNames()
        .forEachRemaining(n -> assertFalse(n.toLowerCase().startsWith("x-padding"), n));
    assertTrue(audit.currentHead().treeSize() > 0, "the log still signs heads");
  }

  @Test
  void theHttpLayersOwnRefusalsAreNacksOnBecknPaths() {
    assertHttpNack(given().get("/select"), 405);
    assertHttpNack(given().contentType("application/json").body("{}").post("/SELECT"), 404);
    assertHttpNack(given().contentType("application/json").body("{}").post("/select/extra"), 404);
    assertHttpNack(given().contentType("application/json").body("{}").put("/confirm"), 405);
    assertHttpNack(
        given()
            .contentType("application/json")
            .body("{}")
            .post("/select?" + "q=" + "x".repeat(5000)),
        414);
    // The node's own APIs keep their usual answers.
    Response api = given().get("/audit/no-such-thing");
    assertEquals(404, api.statusCode());
    assertFalse(api.asString().contains("NACK"), api.asString());
  }

  private static void assertHttpNack(Response r, int status) {
    assertEquals(status, r.statusCode(), r.asString());
    assertEquals("NACK", r.jsonPath().getString("message.ack.status"), r.asString());
    assertNotNull(r.jsonPath().getString("error.code"), r.asString());
  }

  private static void assertNack(byte[] body, int status, String path, String reason) {
    long before = inbound();
    Response r = post("discover", body, 0);
    assertEquals(status, r.statusCode(), r.asString());
    assertEquals("NACK", r.jsonPath().getString("message.ack.status"));
    assertEquals(path, r.jsonPath().getString("error.paths"), r.asString());
    assertTrue(r.jsonPath().getString("error.message").contains(reason), r.asString());
    assertEquals(before, inbound(), "nothing stored for " + new String(body));
  }

  private static Response post(String action, byte[] body, int paddingBytes) {
    var request =
        given()
            .contentType("application/json")
            .header("Authorization", TestPeers.peerSigner().authorization(body))
            .body(body);
    for (int i = 0; paddingBytes > 0 && i < paddingBytes / 1000; i++) {
      request = request.header("X-Padding-" + i, "p".repeat(990));
    }
    return request.post("/" + action);
  }

  private static byte[] signedDiscover(Consumer<ObjectNode> editContext) throws Exception {
    ObjectNode tree = (ObjectNode) BecknJson.readTree(SignatureWindowAttackTest.discover());
    editContext.accept((ObjectNode) tree.get("context"));
    return BecknJson.write(tree);
  }

  private static long inbound() {
    return StoredMessage.count("direction", Direction.IN);
  }

  private static void register(Subscriber s) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(TestPeers.registryUrl() + "/admin/subscribers"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            SubscriberJson.MAPPER.writeValueAsString(
                                SubscriberJson.writeList(List.of(s)))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }
}
