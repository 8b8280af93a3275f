package org.uei.p2p.node.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A counterparty signing with a key its registry record no longer vouches for: revoked, or past its
 * valid_until. The key is genuine and the signature mathematically valid, so only the registry
 * record tells the node to refuse it; each is refused with 401 naming the record's state, and
 * nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class RegistryRecordAttackTest {

  @Test
  void keyRevokedInTheRegistryIsRefused() throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    register(record("k-revoked", key).build());
    post(
        "/admin/revoke",
        "{\"subscriber_id\":\"" + TestPeers.peerId() + "\",\"unique_key_id\":\"k-revoked\"}");

    assertRefused(BecknSigner.of(TestPeers.peerId(), "k-revoked", key), "revoked");
  }

  @Test
  void keyPastItsValidUntilIsRefused() throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    register(
        record("k-expired", key)
            .validFrom(Instant.now().minusSeconds(7200))
            .validUntil(Instant.now().minusSeconds(3600))
            .build());

    assertRefused(BecknSigner.of(TestPeers.peerId(), "k-expired", key), "expired at");
  }

  private static void assertRefused(BecknSigner signer, String why) {
    byte[] body = SignatureWindowAttackTest.discover();
    long storedBefore = StoredMessage.count("direction", Direction.IN);
    Response r =
        given()
            .contentType("application/json")
            .header("Authorization", signer.authorization(body))
            .body(body)
            .post("/discover");
    assertEquals(401, r.statusCode(), r.asString());
    assertTrue(r.header("WWW-Authenticate") != null, "401 carries WWW-Authenticate");
    String reason = r.jsonPath().getString("error.message");
    assertTrue(reason.contains("UNKNOWN_KEY") && reason.contains(why), reason);
    assertEquals(storedBefore, StoredMessage.count("direction", Direction.IN), "nothing stored");
  }

  private static Subscriber.Builder record(String keyId, Ed25519KeyPair key) {
    return Subscriber.builder()
        .subscriberId(TestPeers.peerId())
        .uniqueKeyId(keyId)
        .type(SubscriberType.BAP)
        .url(TestPeers.peerUrl())
        .domain(TestNetwork.DOMAIN)
        .signingPublicKey(key.publicKeyBase64())
        .status(Subscriber.SUBSCRIBED);
  }

  private static void register(Subscriber s) throws Exception {
    post(
        "/admin/subscribers",
        SubscriberJson.MAPPER.writeValueAsString(SubscriberJson.writeList(List.of(s))));
  }

  private static void post(String path, String json) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(TestPeers.registryUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }
}
