package org.uei.p2p.registry.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.registry.subscribe.OnSubscribeResponder;
import org.uei.p2p.registry.subscribe.SubscribeClient;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.X25519KeyPair;

/**
 * Subscribe, challenge and lookup end to end: a subscriber with its own on_subscribe endpoint and
 * the local registry.
 */
class LocalRegistrySubscribeTest {

  private static final String ID = "bap.tpddl.example";
  private final Ed25519KeyPair signingKey = Ed25519KeyPair.generate();
  private final X25519KeyPair encryptionKey = X25519KeyPair.generate();
  private final AtomicInteger challenges = new AtomicInteger();
  private LocalRegistry registry;
  private HttpServer subscriberNode;
  private volatile OnSubscribeResponder responder;

  @BeforeEach
  void start() throws Exception {
    registry = LocalRegistry.builder().challengeTimeout(Duration.ofSeconds(2)).start();
    responder =
        new OnSubscribeResponder(encryptionKey, registry.encryptionPublicKey())
            .requireRegistrySignature(
                registry.registryId(), LocalRegistry.SIGNING_KEY_ID, registry.signingPublicKey());
    subscriberNode = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    subscriberNode.createContext(
        "/beckn/on_subscribe",
        ex -> {
          challenges.incrementAndGet();
          byte[] reply;
          int status = 200;
          try {
            reply =
                responder.handle(
                    ex.getRequestBody().readAllBytes(),
                    ex.getRequestHeaders().getFirst("Authorization"));
          } catch (IllegalArgumentException | SecurityException e) {
            reply = e.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            status = 400;
          }
          ex.sendResponseHeaders(status, reply.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(reply);
          }
        });
    subscriberNode.start();
  }

  @AfterEach
  void stop() {
    registry.close();
    subscriberNode.stop(0);
  }

  private Subscriber subscription(String keyId, Ed25519KeyPair key) {
    return Subscriber.builder()
        .subscriberId(ID)
        .uniqueKeyId(keyId)
        .type(SubscriberType.BAP)
        .url("http://127.0.0.1:" + subscriberNode.getAddress().getPort() + "/beckn")
        .domain("uei:p2p-trading")
        .signingPublicKey(key.publicKeyBase64())
        .encrPublicKey(encryptionKey.publicKeyDerBase64())
        .build();
  }

  private SubscribeClient client(String keyId, Ed25519KeyPair key) {
    BecknSigner signer = BecknSigner.of(ID, keyId, key);
    return new SubscribeClient(registry.baseUrl(), signer::authorization, Duration.ofSeconds(5));
  }

  @Test
  void signedSubscribeWithCorrectAnswerBecomesResolvable() throws Exception {
    assertEquals("SUBSCRIBED", client("k1", signingKey).subscribe(subscription("k1", signingKey)));
    assertEquals(1, challenges.get());
    Subscriber stored =
        BecknRegistry.of(registry.baseUrl()).lookup(LookupQuery.byKey(ID, "k1")).get(0);
    assertEquals(Subscriber.SUBSCRIBED, stored.status());
    assertEquals(encryptionKey.publicKeyDerBase64(), stored.encrPublicKey());
    assertEquals(
        ID,
        RegistryKeyResolver.of(BecknRegistry.of(registry.baseUrl()))
            .resolve(ID, "k1")
            .subscriberId());
  }

  @Test
  void subscribeSignedWithAnotherKeyIsRefusedBeforeAnyChallenge() {
    Ed25519KeyPair impostor = Ed25519KeyPair.generate();
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () -> client("k1", impostor).subscribe(subscription("k1", signingKey)));
    assertTrue(
        e.getMessage().contains("HTTP 401")
            && e.getMessage().contains("signed with the signing key"),
        e.getMessage());
    assertEquals(0, challenges.get());
    assertEquals(0, registry.size());
  }

  @Test
  void wrongChallengeAnswerLeavesNothingRecorded() {
    responder = new OnSubscribeResponder(X25519KeyPair.generate(), registry.encryptionPublicKey());
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () -> client("k1", signingKey).subscribe(subscription("k1", signingKey)));
    assertTrue(e.getMessage().contains("challenge failed"), e.getMessage());
    assertEquals(1, challenges.get());
    assertEquals(0, registry.size());
  }

  @Test
  void subscriberRefusesAChallengeNotSignedByItsRegistry() throws Exception {
    responder =
        new OnSubscribeResponder(encryptionKey, registry.encryptionPublicKey())
            .requireRegistrySignature(
                registry.registryId(),
                LocalRegistry.SIGNING_KEY_ID,
                Ed25519KeyPair.generate().publicKeyBase64());
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () -> client("k1", signingKey).subscribe(subscription("k1", signingKey)));
    assertTrue(e.getMessage().contains("challenge failed"), e.getMessage());
    assertEquals(0, registry.size());
    var unsigned =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:"
                                + subscriberNode.getAddress().getPort()
                                + "/beckn/on_subscribe"))
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"challenge\":\"AAAA\"}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(400, unsigned.statusCode());
    assertTrue(unsigned.body().contains("not signed by registry local-registry"), unsigned.body());
  }

  @Test
  void unreachableSubscriberFailsTheChallenge() {
    subscriberNode.stop(0);
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () -> client("k1", signingKey).subscribe(subscription("k1", signingKey)));
    assertTrue(e.getMessage().contains("challenge failed: cannot reach"), e.getMessage());
  }

  @Test
  void rotationUsesANewKeyIdAndAKeyIdCannotBeTakenOver() throws Exception {
    client("k1", signingKey).subscribe(subscription("k1", signingKey));
    Ed25519KeyPair next = Ed25519KeyPair.generate();
    RegistryException takeover =
        assertThrows(
            RegistryException.class, () -> client("k1", next).subscribe(subscription("k1", next)));
    assertTrue(takeover.getMessage().contains("HTTP 409"), takeover.getMessage());
    assertEquals("SUBSCRIBED", client("k2", next).subscribe(subscription("k2", next)));
    assertEquals(
        List.of("k1", "k2"),
        BecknRegistry.of(registry.baseUrl()).lookup(LookupQuery.bySubscriber(ID)).stream()
            .map(Subscriber::uniqueKeyId)
            .toList());
  }

  @Test
  void aRevokedKeyCannotSubscribeAgain() throws Exception {
    client("k1", signingKey).subscribe(subscription("k1", signingKey));
    assertEquals(200, Admin.revoke(registry, ID, "k1").statusCode());
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () -> client("k1", signingKey).subscribe(subscription("k1", signingKey)));
    assertTrue(
        e.getMessage().contains("HTTP 409") && e.getMessage().contains("was revoked"),
        e.getMessage());
    assertTrue(
        BecknRegistry.of(registry.baseUrl()).lookup(LookupQuery.byKey(ID, "k1")).get(0).revoked());
  }
}
