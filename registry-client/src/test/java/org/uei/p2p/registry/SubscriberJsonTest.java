package org.uei.p2p.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberJsonTest {

  private static Subscriber parse(String json) throws Exception {
    return SubscriberJson.read(SubscriberJson.MAPPER.readTree(json));
  }

  @Test
  void readsOndcStyleRecordWithFlatPlaces() throws Exception {
    Subscriber s =
        parse(
            "{\"subscriber_id\":\"bpp.tpddl.example\",\"subscriber_url\":\"https://bpp.tpddl.example/beckn\","
                + "\"type\":\"BPP\",\"domain\":\"uei:p2p-trading\",\"city\":\"std:011\",\"country\":\"IND\","
                + "\"signing_public_key\":\"AAAA\",\"encr_public_key\":\"BBBB\",\"unique_key_id\":\"k-2026\","
                + "\"valid_from\":\"2026-01-01T00:00:00.000Z\",\"valid_until\":\"2027-01-01T00:00:00Z\",\"status\":\"SUBSCRIBED\"}");
    assertEquals("bpp.tpddl.example", s.subscriberId());
    assertEquals("k-2026", s.uniqueKeyId());
    assertEquals(SubscriberType.BPP, s.type());
    assertEquals("https://bpp.tpddl.example/beckn", s.url());
    assertEquals("std:011", s.city());
    assertEquals("IND", s.country());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), s.validFrom());
    assertEquals(Instant.parse("2027-01-01T00:00:00Z"), s.validUntil());
    assertFalse(s.revoked());
  }

  @Test
  void readsSpecStyleRecordWithNestedLocationAndKeyIdVariants() throws Exception {
    Subscriber a =
        parse(
            "{\"subscriber_id\":\"bap.example\",\"url\":\"https://bap.example\",\"type\":\"bap\","
                + "\"key_id\":\"k1\",\"location\":{\"city\":{\"code\":\"std:080\"},\"country\":{\"code\":\"IND\"}}}");
    assertEquals("k1", a.uniqueKeyId());
    assertEquals("https://bap.example", a.url());
    assertEquals(SubscriberType.BAP, a.type());
    assertEquals("std:080", a.city());
    assertEquals("IND", a.country());

    Subscriber b =
        parse(
            "{\"subscriberId\":\"bg.example\",\"ukId\":\"42\",\"type\":\"BG\","
                + "\"city\":{\"name\":\"Delhi\"},\"valid_until\":\"2026-05-01T10:00:00\",\"is_revoked\":true}");
    assertEquals("42", b.uniqueKeyId());
    assertEquals(SubscriberType.BG, b.type());
    assertEquals("Delhi", b.city());
    assertEquals(
        Instant.parse("2026-05-01T10:00:00Z"), b.validUntil(), "a timestamp without offset is UTC");
    assertTrue(b.revoked());
    assertNull(b.country());
  }

  @Test
  void badRecordsGetMessagesNamingTheField() {
    var noId =
        assertThrows(IllegalArgumentException.class, () -> parse("{\"unique_key_id\":\"k\"}"));
    assertTrue(noId.getMessage().contains("subscriber_id"), noId.getMessage());
    var noKey =
        assertThrows(IllegalArgumentException.class, () -> parse("{\"subscriber_id\":\"s\"}"));
    assertTrue(noKey.getMessage().contains("unique_key_id"), noKey.getMessage());
    var badType =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse("{\"subscriber_id\":\"s\",\"key_id\":\"k\",\"type\":\"SHOP\"}"));
    assertTrue(badType.getMessage().contains("SHOP"), badType.getMessage());
    var badTime =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                parse("{\"subscriber_id\":\"s\",\"key_id\":\"k\",\"valid_until\":\"next week\"}"));
    assertTrue(
        badTime.getMessage().contains("valid_until") && badTime.getMessage().contains("next week"),
        badTime.getMessage());
  }

  @Test
  void writeThenReadKeepsEveryField() {
    Subscriber s =
        Subscriber.builder()
            .subscriberId("bpp.example")
            .uniqueKeyId("k9")
            .type(SubscriberType.BPP)
            .url("https://bpp.example/beckn")
            .domain("uei:p2p-trading")
            .signingPublicKey("c2lnbg==")
            .encrPublicKey("ZW5jcg==")
            .status("SUBSCRIBED")
            .revoked(true)
            .validFrom(Instant.parse("2026-01-01T00:00:00Z"))
            .validUntil(Instant.parse("2026-12-31T00:00:00Z"))
            .city("std:011")
            .country("IND")
            .networkMemberships(List.of("deg/p2p"))
            .build();
    assertEquals(s, SubscriberJson.read(SubscriberJson.write(s)));
    assertEquals(List.of(s), SubscriberJson.readList(SubscriberJson.writeList(List.of(s))));
  }

  @Test
  void unusableReasonCoversRevocationStatusValidityAndKeyShape() {
    String key32 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    Subscriber ok =
        Subscriber.builder()
            .subscriberId("s")
            .uniqueKeyId("k")
            .signingPublicKey(key32)
            .status("SUBSCRIBED")
            .validFrom(now.minusSeconds(10))
            .validUntil(now.plusSeconds(10))
            .build();
    assertTrue(ok.unusableReason(now).isEmpty());
    assertTrue(ok.toBuilder().revoked(true).build().unusableReason(now).get().contains("revoked"));
    assertTrue(
        ok.toBuilder().status("INITIATED").build().unusableReason(now).get().contains("INITIATED"));
    assertTrue(ok.unusableReason(now.plusSeconds(10)).get().contains("expired"));
    assertTrue(ok.unusableReason(now.minusSeconds(11)).get().contains("not valid before"));
    assertTrue(
        ok.toBuilder()
            .signingPublicKey("AAAA")
            .build()
            .unusableReason(now)
            .get()
            .contains("32 bytes"));
  }
}
