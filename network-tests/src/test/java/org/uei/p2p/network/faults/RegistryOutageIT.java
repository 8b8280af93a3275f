package org.uei.p2p.network.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.signing.SignatureHeaders;

/**
 * The registry goes down. The bpp-node keeps verifying a buyer platform whose key it looked up less
 * than {@code UEI_REGISTRY_CACHE_TTL} ago; once that has passed, and at once for a buyer platform
 * it never heard from, it refuses with 503 naming the unreachable registry and stores nothing. When
 * the registry is back on its port, the buyer is served again.
 */
class RegistryOutageIT {

  private static final Duration CACHE_TTL = Duration.ofSeconds(10);

  @Test
  void cachedKeysServeWithinTheirTtlThenTheRefusalNamesTheRegistry() throws Exception {
    Path dir = Path.of("target", "faults-registry-" + System.currentTimeMillis()).toAbsolutePath();
    try (LocalNetwork net =
            LocalNetwork.start(
                dir, Map.of("UEI_REGISTRY_CACHE_TTL", CACHE_TTL.toString()), Map.of());
        StandInBap known = StandInBap.register(net, "bap.registry-known.local");
        StandInBap stranger = StandInBap.register(net, "bap.registry-stranger.local")) {
      known.listen();
      stranger.listen();
      List<String> accepted = new ArrayList<>();
      List<String> refused = new ArrayList<>();

      Instant lookedUp = Instant.now();
      StandInBap.Sent first = discover(known);
      assertTrue(first.answer().isAck(), first.answer().summary());
      accepted.add(first.messageId());

      net.stopRegistry();
      StandInBap.Sent cached = discover(known);
      Instant cachedAnswered = Instant.now();
      assertTrue(
          cachedAnswered.isBefore(lookedUp.plus(CACHE_TTL)), "the check ran within the cache ttl");
      assertTrue(
          cached.answer().isAck(),
          "a key cached "
              + Duration.between(lookedUp, cachedAnswered)
              + " ago verifies without the registry: "
              + cached.answer().summary()
              + " "
              + cached.answer().text());
      accepted.add(cached.messageId());
      Await.until(
          () -> !known.callbacks(cached.messageId()).isEmpty(),
          Duration.ofSeconds(20),
          "the on_discover answering the request verified from the cache");

      StandInBap.Sent firstContact = discover(stranger);
      assertRegistryUnreachable(net, firstContact);
      refused.add(firstContact.messageId());

      // One request per half second is enough to see when the cached key runs out.
      AtomicReference<Instant> lastTry = new AtomicReference<>(Instant.EPOCH);
      StandInBap.Sent afterTtl =
          Await.value(
              () -> {
                if (Instant.now().isBefore(lastTry.get().plusMillis(500))) {
                  return null;
                }
                lastTry.set(Instant.now());
                StandInBap.Sent s = discover(known);
                if (s.answer().isAck()) {
                  accepted.add(s.messageId());
                  return null;
                }
                return s;
              },
              CACHE_TTL.plusSeconds(20),
              "a refusal once the cached key is older than " + CACHE_TTL);
      Instant refusedAt = Instant.now();
      assertFalse(refusedAt.isBefore(lookedUp.plus(CACHE_TTL)), "refused only after the ttl");
      assertRegistryUnreachable(net, afterTtl);
      refused.add(afterTtl.messageId());

      net.restartRegistry();
      StandInBap.Sent again = discover(known);
      assertTrue(
          again.answer().isAck(),
          "served again with the registry back: " + again.answer().summary());
      accepted.add(again.messageId());
      Await.until(
          () -> !known.callbacks(again.messageId()).isEmpty(),
          Duration.ofSeconds(20),
          "the on_discover after the registry came back");
      assertTrue(stranger.received().isEmpty(), "no callback for a refused request");

      net.bpp().stop();
      Path data = dir.resolve("bpp-data");
      for (String m : refused) {
        assertEquals(
            0,
            NodeDatabase.count(data, "SELECT COUNT(*) FROM beckn_message WHERE message_id = ?", m),
            "refused " + m + " is not in the transaction store");
        assertEquals(
            0,
            NodeDatabase.count(data, "SELECT COUNT(*) FROM replay_guard WHERE message_id = ?", m),
            "refused " + m + " left no replay-guard entry");
      }
      for (String m : accepted) {
        assertEquals(
            1,
            NodeDatabase.count(
                data,
                "SELECT COUNT(*) FROM beckn_message WHERE direction = 'IN' AND message_id = ?",
                m),
            "accepted " + m + " stored");
      }
    }
  }

  private static StandInBap.Sent discover(StandInBap bap) {
    DiscoverMessage m = new DiscoverMessage();
    m.setFilters(
        DiscoverMessage.Filters.jsonPath("$[?(@.beckn:price.schema:priceCurrency == 'INR')]"));
    return bap.send(Action.DISCOVER, m, null, Duration.ofSeconds(30));
  }

  /**
   * 503, a NACK whose message says the key could not be resolved because the registry is
   * unreachable.
   */
  private static void assertRegistryUnreachable(LocalNetwork net, StandInBap.Sent s) {
    assertEquals(503, s.answer().status(), s.answer().text());
    AckResponse nack = s.answer().ack().orElseThrow();
    assertFalse(nack.isAck(), s.answer().text());
    String message = nack.error().getMessage();
    assertTrue(message.startsWith("signature REGISTRY_UNAVAILABLE: "), message);
    assertTrue(
        message.contains("registry " + net.registryUrl() + " is unreachable"),
        "names the unreachable registry " + net.registryUrl() + ": " + message);
    assertTrue(
        s.answer().header(SignatureHeaders.WWW_AUTHENTICATE) != null,
        "WWW-Authenticate with the refusal");
  }
}
