package org.uei.p2p.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DeDi client against a real HTTP server answering in the DeDi wrapper's shape. */
class DediRegistryTest {

  private static final String REPLY =
      "{\"message\":\"Record retrieved\",\"data\":{\"record_id\":\"rec-7\","
          + "\"details\":{\"url\":\"https://bpp.brpl.example/beckn\",\"type\":\"BPP\",\"domain\":\"beckn.one:deg:p2p-trading:2.0.0\","
          + "\"subscriber_id\":\"bpp.brpl.example\",\"signing_public_key\":\"AAAA\",\"encr_public_key\":\"BBBB\"},"
          + "\"is_revoked\":%s,\"network_memberships\":[\"deg/p2p-interdiscom\"]}}";

  private TinyServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TinyServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void getsTheDediPathAndMapsDetails() throws Exception {
    server.answer(200, String.format(REPLY, "false"));
    List<Subscriber> found =
        DediRegistry.of(server.url() + "/dedi")
            .lookup(LookupQuery.byKey("bpp.brpl.example", "rec-7"));
    assertEquals("GET", server.lastMethod());
    assertEquals("/dedi/lookup/bpp.brpl.example/subscribers.beckn.one/rec-7", server.lastPath());
    assertEquals(1, found.size());
    Subscriber s = found.get(0);
    assertEquals("rec-7", s.uniqueKeyId());
    assertEquals(SubscriberType.BPP, s.type());
    assertEquals("https://bpp.brpl.example/beckn", s.url());
    assertEquals(
        Subscriber.SUBSCRIBED, s.status(), "an unrevoked DeDi record counts as subscribed");
    assertEquals(List.of("deg/p2p-interdiscom"), s.networkMemberships());
  }

  @Test
  void revokedFlagIsHonoured() throws Exception {
    server.answer(200, String.format(REPLY, "true"));
    Subscriber s =
        DediRegistry.of(server.url()).lookup(LookupQuery.byKey("bpp.brpl.example", "rec-7")).get(0);
    assertTrue(s.revoked());
  }

  @Test
  void recordOutsideTheAllowedNetworksIsMarked() throws Exception {
    server.answer(200, String.format(REPLY, "false"));
    DediRegistry strict =
        DediRegistry.builder(server.url()).allowedNetworks(Set.of("ies/p2p")).build();
    Subscriber s = strict.lookup(LookupQuery.byKey("bpp.brpl.example", "rec-7")).get(0);
    assertEquals(DediRegistry.NOT_A_MEMBER, s.status());
    DediRegistry member =
        DediRegistry.builder(server.url()).allowedNetworks(Set.of("deg/p2p-interdiscom")).build();
    assertEquals(
        Subscriber.SUBSCRIBED,
        member.lookup(LookupQuery.byKey("bpp.brpl.example", "rec-7")).get(0).status());
  }

  @Test
  void notFoundIsEmptyAndOtherShapesAreClearErrors() throws Exception {
    server.answer(404, "{\"message\":\"not found\"}");
    assertEquals(List.of(), DediRegistry.of(server.url()).lookup(LookupQuery.byKey("x", "y")));

    server.answer(200, "{\"data\":{}}");
    RegistryException shape =
        assertThrows(
            RegistryException.class,
            () -> DediRegistry.of(server.url()).lookup(LookupQuery.byKey("x", "y")));
    assertTrue(shape.getMessage().contains("no data.details"), shape.getMessage());

    server.answer(500, "");
    RegistryException down =
        assertThrows(
            RegistryException.class,
            () ->
                DediRegistry.builder(server.url())
                    .timeout(Duration.ofMillis(500))
                    .build()
                    .lookup(LookupQuery.byKey("x", "y")));
    assertTrue(
        down.getMessage().contains("HTTP 500") && down.getMessage().contains("subscriber_id=x"),
        down.getMessage());

    RegistryException unsupported =
        assertThrows(
            RegistryException.class,
            () ->
                DediRegistry.of(server.url())
                    .lookup(LookupQuery.byDomainAndType("d", SubscriberType.BPP)));
    assertTrue(unsupported.getMessage().contains("DeDi"), unsupported.getMessage());
  }

  @Test
  void writeProducesWhatReadUnderstands() {
    Subscriber s =
        Subscriber.builder()
            .subscriberId("bap.example")
            .uniqueKeyId("k")
            .type(SubscriberType.BAP)
            .url("https://bap.example")
            .signingPublicKey("AAAA")
            .status(Subscriber.SUBSCRIBED)
            .revoked(true)
            .networkMemberships(List.of("n1"))
            .build();
    assertEquals(s, DediRegistry.read(DediRegistry.write(s, "ok"), "other"));
  }
}
