package org.uei.p2p.registry.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.DediRegistry;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.ManualClock;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.KeyResolutionException.Kind;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** The registry clients against the local registry over real HTTP on a free port. */
class LocalRegistryLookupTest {

  private static final Instant T0 = Instant.parse("2026-02-10T06:00:00Z");
  private static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  private final ManualClock clock = new ManualClock(T0);
  private final Ed25519KeyPair oldKey = Ed25519KeyPair.generate();
  private final Ed25519KeyPair newKey = Ed25519KeyPair.generate();
  private LocalRegistry registry;

  @TempDir Path dataDir;

  @AfterEach
  void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private static Subscriber.Builder record(
      String id, String keyId, Ed25519KeyPair key, SubscriberType type) {
    return Subscriber.builder()
        .subscriberId(id)
        .uniqueKeyId(keyId)
        .type(type)
        .url("https://" + id + "/beckn")
        .domain(DOMAIN)
        .signingPublicKey(key.publicKeyBase64())
        .status(Subscriber.SUBSCRIBED)
        .validFrom(T0.minus(Duration.ofDays(10)))
        .validUntil(T0.plus(Duration.ofDays(365)));
  }

  private RegistryKeyResolver resolver(Registry r) {
    return RegistryKeyResolver.builder(r).positiveTtl(Duration.ofMinutes(5)).clock(clock).build();
  }

  private LocalRegistry start() {
    registry = LocalRegistry.builder().dataDir(dataDir).start();
    return registry;
  }

  @Test
  void keyRotationKeepsTheOldKeyResolvableUntilValidUntil() throws Exception {
    start();
    Admin.register(
        registry,
        record("bpp.tpddl.example", "2025", oldKey, SubscriberType.BPP)
            .validUntil(T0.plus(Duration.ofHours(1)))
            .build(),
        record("bpp.tpddl.example", "2026", newKey, SubscriberType.BPP).validFrom(T0).build());
    RegistryKeyResolver r = resolver(BecknRegistry.of(registry.baseUrl()));
    assertArrayEquals(
        oldKey.publicKey().encoded(), r.resolve("bpp.tpddl.example", "2025").publicKey());
    assertArrayEquals(
        newKey.publicKey().encoded(), r.resolve("bpp.tpddl.example", "2026").publicKey());
    clock.advance(Duration.ofHours(1));
    KeyResolutionException e =
        assertThrows(KeyResolutionException.class, () -> r.resolve("bpp.tpddl.example", "2025"));
    assertEquals(Kind.UNKNOWN_KEY, e.kind());
    assertTrue(e.getMessage().contains("expired"), e.getMessage());
    assertArrayEquals(
        newKey.publicKey().encoded(), r.resolve("bpp.tpddl.example", "2026").publicKey());
  }

  @Test
  void revokedAndUnsubscribedRecordsAreRefusedInBothLookupStyles() throws Exception {
    start();
    Admin.register(
        registry,
        record("bap.brpl.example", "k1", oldKey, SubscriberType.BAP).build(),
        record("bap.pvvnl.example", "k1", oldKey, SubscriberType.BAP)
            .status("UNDER_SUBSCRIPTION")
            .build());
    assertEquals(200, Admin.revoke(registry, "bap.brpl.example", "k1").statusCode());
    for (Registry client :
        List.of(BecknRegistry.of(registry.baseUrl()), DediRegistry.of(registry.baseUrl()))) {
      RegistryKeyResolver r = resolver(client);
      KeyResolutionException revoked =
          assertThrows(KeyResolutionException.class, () -> r.resolve("bap.brpl.example", "k1"));
      assertEquals(Kind.UNKNOWN_KEY, revoked.kind());
      assertTrue(
          revoked.getMessage().contains("revoked"),
          client.getClass() + ": " + revoked.getMessage());
      KeyResolutionException pending =
          assertThrows(KeyResolutionException.class, () -> r.resolve("bap.pvvnl.example", "k1"));
      assertTrue(
          pending.getMessage().contains("not SUBSCRIBED"),
          client.getClass() + ": " + pending.getMessage());
    }
    assertEquals(404, Admin.revoke(registry, "nobody.example", "k1").statusCode());
  }

  @Test
  void dediAndBecknStylesReturnTheSameRecord() throws Exception {
    start();
    Subscriber s =
        record("bpp.brpl.example", "rec-1", newKey, SubscriberType.BPP)
            .encrPublicKey("ZW5j")
            .city("std:011")
            .country("IND")
            .build();
    Admin.register(registry, s);
    Subscriber viaBeckn =
        BecknRegistry.of(registry.baseUrl())
            .lookup(LookupQuery.byKey("bpp.brpl.example", "rec-1"))
            .get(0);
    Subscriber viaDedi =
        DediRegistry.of(registry.baseUrl())
            .lookup(LookupQuery.byKey("bpp.brpl.example", "rec-1"))
            .get(0);
    assertEquals(s, viaBeckn);
    assertEquals(s, viaDedi);
    assertEquals(
        List.of(),
        DediRegistry.of(registry.baseUrl()).lookup(LookupQuery.byKey("bpp.brpl.example", "nope")));
  }

  @Test
  void lookupByDomainAndTypeListsEveryActiveBpp() throws Exception {
    start();
    Admin.register(
        registry,
        record("bpp.a.example", "1", oldKey, SubscriberType.BPP).build(),
        record("bpp.b.example", "1", newKey, SubscriberType.BPP).build(),
        record("bpp.c.example", "1", newKey, SubscriberType.BPP).revoked(true).build(),
        record("bap.a.example", "1", oldKey, SubscriberType.BAP).build(),
        record("bpp.other.example", "1", oldKey, SubscriberType.BPP)
            .domain("uei:p2p-trading")
            .build());
    BecknRegistry client = BecknRegistry.of(registry.baseUrl());
    List<String> all =
        client.lookup(LookupQuery.byDomainAndType(DOMAIN, SubscriberType.BPP)).stream()
            .map(Subscriber::subscriberId)
            .toList();
    assertEquals(List.of("bpp.a.example", "bpp.b.example", "bpp.c.example"), all);
    List<String> active =
        client.lookupActive(LookupQuery.byDomainAndType(DOMAIN, SubscriberType.BPP), T0).stream()
            .map(Subscriber::subscriberId)
            .toList();
    assertEquals(List.of("bpp.a.example", "bpp.b.example"), active);
  }

  @Test
  void registryDownUsesTheCachedKeyWithinTtlThenFailsNamingRegistryAndSubscriber()
      throws Exception {
    start();
    Admin.register(registry, record("bap.example", "k1", oldKey, SubscriberType.BAP).build());
    String url = registry.baseUrl();
    RegistryKeyResolver r =
        resolver(BecknRegistry.builder(url).timeout(Duration.ofSeconds(1)).build());
    r.resolve("bap.example", "k1");
    registry.close();
    registry = null;
    clock.advance(Duration.ofMinutes(4));
    assertArrayEquals(oldKey.publicKey().encoded(), r.resolve("bap.example", "k1").publicKey());
    clock.advance(Duration.ofMinutes(2));
    KeyResolutionException e =
        assertThrows(KeyResolutionException.class, () -> r.resolve("bap.example", "k1"));
    assertEquals(Kind.REGISTRY_UNAVAILABLE, e.kind());
    assertTrue(
        e.getMessage().contains(url) && e.getMessage().contains("bap.example"), e.getMessage());
  }

  @Test
  void recordsSurviveARestartOnTheSameDataDirectory() throws Exception {
    start();
    Admin.register(
        registry,
        record("bap.example", "k1", oldKey, SubscriberType.BAP).build(),
        record("bpp.example", "k1", newKey, SubscriberType.BPP).build());
    Admin.revoke(registry, "bpp.example", "k1");
    String encryptionKey = registry.encryptionPublicKey();
    registry.close();
    assertTrue(Files.exists(dataDir.resolve(SubscriberStore.FILE_NAME)));
    try (var files = Files.list(dataDir)) {
      assertTrue(
          files.noneMatch(p -> p.toString().endsWith(".tmp")),
          "no temporary files are left behind");
    }
    start();
    assertEquals(2, registry.size());
    assertEquals(
        encryptionKey, registry.encryptionPublicKey(), "the registry keeps its encryption key");
    BecknRegistry client = BecknRegistry.of(registry.baseUrl());
    assertEquals("k1", resolver(client).resolve("bap.example", "k1").uniqueKeyId());
    assertTrue(client.lookup(LookupQuery.bySubscriber("bpp.example")).get(0).revoked());
  }

  @Test
  void seedFileIsServedAndBadRequestsGetClearReplies(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("subscribers.json");
    Files.writeString(
        seed,
        "[{\"subscriber_id\":\"bap.seed.example\",\"ukId\":\"s1\",\"type\":\"BAP\",\"status\":\"SUBSCRIBED\","
            + "\"signing_public_key\":\""
            + oldKey.publicKeyBase64()
            + "\"}]");
    registry = LocalRegistry.builder().seedFile(seed).start();
    assertEquals(
        "s1",
        resolver(BecknRegistry.of(registry.baseUrl()))
            .resolve("bap.seed.example", "s1")
            .uniqueKeyId());
    var notJson = Admin.post(registry.baseUrl(), "/lookup", "subscriber_id=x");
    assertEquals(400, notJson.statusCode());
    assertTrue(notJson.body().contains("not JSON"), notJson.body());
    var badType = Admin.post(registry.baseUrl(), "/lookup", "{\"type\":\"SHOP\"}");
    assertEquals(400, badType.statusCode());
    assertTrue(badType.body().contains("SHOP"), badType.body());
    var badRecord =
        Admin.post(registry.baseUrl(), "/admin/subscribers", "{\"subscriber_id\":\"x\"}");
    assertEquals(400, badRecord.statusCode());
    assertTrue(badRecord.body().contains("unique_key_id"), badRecord.body());
  }
}
