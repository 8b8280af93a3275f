package org.uei.p2p.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.KeyResolutionException.Kind;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Key resolution and its cache against a real HTTP registry whose answers and hits the test
 * controls.
 */
class RegistryKeyResolverTest {

  private static final Instant T0 = Instant.parse("2026-02-10T06:00:00Z");
  private final Ed25519KeyPair key = Ed25519KeyPair.generate();
  private final ManualClock clock = new ManualClock(T0);
  private TinyServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TinyServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Subscriber.Builder record(String keyId) {
    return Subscriber.builder()
        .subscriberId("bap.example")
        .uniqueKeyId(keyId)
        .type(SubscriberType.BAP)
        .url("https://bap.example")
        .signingPublicKey(key.publicKeyBase64())
        .status("SUBSCRIBED")
        .validFrom(T0.minus(Duration.ofDays(1)))
        .validUntil(T0.plus(Duration.ofDays(30)));
  }

  private void publish(Subscriber... records) {
    server.answer(200, SubscriberJson.writeList(List.of(records)).toString());
  }

  private RegistryKeyResolver resolver() {
    return RegistryKeyResolver.builder(
            BecknRegistry.builder(server.url()).timeout(Duration.ofMillis(500)).build())
        .positiveTtl(Duration.ofMinutes(5))
        .negativeTtl(Duration.ofSeconds(30))
        .clock(clock)
        .build();
  }

  @Test
  void resolvesTheKeyAndServesItFromCacheWithinTtl() throws Exception {
    publish(record("k1").build());
    RegistryKeyResolver r = resolver();
    assertArrayEquals(key.publicKey().encoded(), r.resolve("bap.example", "k1").publicKey());
    assertEquals("https://bap.example", r.resolveSubscriber("bap.example", "k1").url());
    assertEquals(1, server.hits());
    clock.advance(Duration.ofMinutes(5));
    r.resolve("bap.example", "k1");
    assertEquals(2, server.hits(), "after the TTL the registry is asked again");
  }

  @Test
  void refreshBypassesTheCache() throws Exception {
    publish(record("k1").build());
    RegistryKeyResolver r = resolver();
    r.resolve("bap.example", "k1");
    r.refresh("bap.example", "k1");
    assertEquals(2, server.hits());
  }

  @Test
  void registryDownUsesCachedKeyWithinTtlThenFailsClearly() throws Exception {
    publish(record("k1").build());
    RegistryKeyResolver r = resolver();
    r.resolve("bap.example", "k1");
    server.answer(503, "down for maintenance");
    clock.advance(Duration.ofMinutes(4));
    assertEquals("k1", r.resolve("bap.example", "k1").uniqueKeyId());
    clock.advance(Duration.ofMinutes(2));
    KeyResolutionException e =
        assertThrows(KeyResolutionException.class, () -> r.resolve("bap.example", "k1"));
    assertEquals(Kind.REGISTRY_UNAVAILABLE, e.kind());
    assertTrue(
        e.getMessage().contains(server.url())
            && e.getMessage().contains("bap.example|k1")
            && e.getMessage().contains("HTTP 503"),
        e.getMessage());
  }

  @Test
  void unknownKeyIsNegativelyCachedForAShortTime() throws Exception {
    publish(record("k1").build());
    RegistryKeyResolver r = resolver();
    KeyResolutionException e =
        assertThrows(KeyResolutionException.class, () -> r.resolve("bap.example", "k2"));
    assertEquals(Kind.UNKNOWN_KEY, e.kind());
    assertTrue(e.getMessage().contains("has no key bap.example|k2"), e.getMessage());
    assertThrows(KeyResolutionException.class, () -> r.resolve("bap.example", "k2"));
    assertEquals(1, server.hits());
    clock.advance(Duration.ofSeconds(30));
    publish(record("k1").build(), record("k2").build());
    assertEquals("k2", r.resolve("bap.example", "k2").uniqueKeyId());
    assertEquals(2, server.hits());
  }

  @Test
  void revokedUnsubscribedAndExpiredRecordsAreRefused() {
    publish(
        record("rev").revoked(true).build(),
        record("init").status("INITIATED").build(),
        record("old").validUntil(T0.minusSeconds(1)).build(),
        record("future").validFrom(T0.plusSeconds(60)).build());
    RegistryKeyResolver r = resolver();
    assertRefused(r, "rev", "revoked");
    assertRefused(r, "init", "not SUBSCRIBED (status INITIATED)");
    assertRefused(r, "old", "expired");
    assertRefused(r, "future", "not valid before");
  }

  @Test
  void cachedRecordWhoseValidityEndedIsAskedAgain() throws Exception {
    publish(record("k1").validUntil(T0.plusSeconds(60)).build());
    RegistryKeyResolver r = resolver();
    r.resolve("bap.example", "k1");
    clock.advance(Duration.ofSeconds(61));
    assertRefused(r, "k1", "expired");
    assertEquals(2, server.hits());
  }

  @Test
  void malformedReplyIsRegistryUnavailable() {
    server.answer(200, "{\"not\":\"an array\"}");
    KeyResolutionException e =
        assertThrows(KeyResolutionException.class, () -> resolver().resolve("bap.example", "k1"));
    assertEquals(Kind.REGISTRY_UNAVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("malformed reply"), e.getMessage());
  }

  @Test
  void cacheIsBoundedLeastRecentlyUsedFirst() throws Exception {
    publish(record("a").build(), record("b").build(), record("c").build());
    RegistryKeyResolver r =
        RegistryKeyResolver.builder(BecknRegistry.of(server.url()))
            .maxEntries(2)
            .clock(clock)
            .build();
    r.resolve("bap.example", "a");
    r.resolve("bap.example", "b");
    r.resolve("bap.example", "a");
    r.resolve("bap.example", "c");
    assertEquals(2, r.cachedEntries());
    assertEquals(3, server.hits());
    r.resolve("bap.example", "a");
    assertEquals(3, server.hits(), "a was used recently and stays");
    r.resolve("bap.example", "b");
    assertEquals(4, server.hits(), "b was the least recently used and was evicted");
  }

  @Test
  void staticRegistryFromFileResolvesAndNamesBadFiles(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("subscribers.json");
    java.nio.file.Files.writeString(
        file, SubscriberJson.writeList(List.of(record("k1").build())).toString());
    RegistryKeyResolver r =
        RegistryKeyResolver.builder(StaticRegistry.fromFile(file)).clock(clock).build();
    assertEquals("k1", r.resolve("bap.example", "k1").uniqueKeyId());
    var missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> StaticRegistry.fromFile(dir.resolve("nope.json")));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    java.nio.file.Files.writeString(file, "[{\"subscriber_id\":\"x\"}]");
    var bad = assertThrows(IllegalArgumentException.class, () -> StaticRegistry.fromFile(file));
    assertTrue(
        bad.getMessage().contains(file.toString()) && bad.getMessage().contains("record [0]"),
        bad.getMessage());
  }

  private static void assertRefused(RegistryKeyResolver r, String keyId, String reason) {
    KeyResolutionException e =
        assertThrows(KeyResolutionException.class, () -> r.resolve("bap.example", keyId));
    assertEquals(Kind.UNKNOWN_KEY, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
