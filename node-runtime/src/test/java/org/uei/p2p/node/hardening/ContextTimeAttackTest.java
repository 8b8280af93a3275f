package org.uei.p2p.node.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.inbound.InboundExchange;
import org.uei.p2p.node.inbound.InboundPipeline;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * Well-formed, correctly signed messages whose context times are absurd: a timestamp ahead of the
 * node's clock, a request that expired before it arrived, a ttl of zero or of ten thousand years.
 * Each is refused with 400 and code 30000 at the field's path, and nothing is stored. A callback
 * resent by an outbox after an outage, with its first timestamp, is still accepted.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class ContextTimeAttackTest {

  @Inject InboundPipeline pipeline;
  @Inject MessageStore store;

  @Test
  void aTimestampAheadOfTheClockIsRefused() {
    assertRefused(discover(Instant.now().plus(Duration.ofHours(1)), c -> {}), "context.timestamp");
  }

  @Test
  void aRequestThatExpiredBeforeItArrivedIsRefused() {
    assertRefused(discover(Instant.now().minus(Duration.ofHours(1)), c -> {}), "context.timestamp");
  }

  @Test
  void aZeroTtlIsRefused() {
    assertRefused(discover(Instant.now(), c -> c.setTtl("PT0S")), "context.ttl");
  }

  @Test
  void aTtlOfTenThousandYearsIsRefused() {
    assertRefused(discover(Instant.now(), c -> c.setTtl("P9999Y")), "context.ttl");
  }

  @Test
  void anOldRequestWhoseTtlStillRunsAndASlightlyFastClockAreAccepted() {
    // The load harness builds its selects before the warm-up, with a ttl covering the run.
    byte[] prepared = discover(Instant.now().minus(Duration.ofHours(2)), c -> c.setTtl("PT3H"));
    post(prepared).then().statusCode(200);
    byte[] fastClock = discover(Instant.now().plus(Duration.ofMinutes(2)), c -> {});
    post(fastClock).then().statusCode(200);
    assertStored(prepared);
    assertStored(fastClock);
  }

  @Test
  void aCallbackResentAfterAnOutageWithItsFirstTimestampIsAccepted() throws InboundRejection {
    // Older than its ttl (PT30S) by far, but within the outbox's max age (PT1H).
    byte[] body = onDiscover(Instant.now().minus(Duration.ofMinutes(50)));
    InboundExchange exchange = callback(body);
    pipeline.process(exchange);
    assertNotNull(exchange.storedId(), "stored");
    store.markHandled(java.util.List.of(exchange.storedId()));
    assertStored(body);
  }

  @Test
  void aCallbackOlderThanAnyOutboxWouldResendIsRefused() {
    byte[] body = onDiscover(Instant.now().minus(Duration.ofHours(2)));
    InboundRejection r =
        assertThrows(InboundRejection.class, () -> pipeline.process(callback(body)));
    assertEquals(400, r.httpStatus());
    assertEquals("30000", r.error().getCode());
    assertEquals("context.timestamp", r.error().getPaths());
    assertNothingStored(body);
  }

  private static void assertRefused(byte[] body, String path) {
    Response r = post(body);
    assertEquals(400, r.statusCode(), r.asString());
    assertEquals("NACK", r.jsonPath().getString("message.ack.status"));
    assertEquals("30000", r.jsonPath().getString("error.code"), r.asString());
    assertEquals(path, r.jsonPath().getString("error.paths"), r.asString());
    assertNothingStored(body);
  }

  private static Response post(byte[] body) {
    return given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/discover");
  }

  private static void assertNothingStored(byte[] body) {
    assertEquals(List.of(), stored(body), "nothing stored");
  }

  private static void assertStored(byte[] body) {
    assertEquals(1, stored(body).size(), "stored once");
  }

  private static List<StoredMessage> stored(byte[] body) {
    Context c;
    try {
      c = Envelopes.parse(body).getContext();
    } catch (MessageParseException e) {
      throw new AssertionError(e);
    }
    return StoredMessage.list("messageId = ?1 and action = ?2", c.getMessageId(), c.getAction());
  }

  /** A discover from the registered buyer platform, timestamped {@code at}, signed now. */
  private static byte[] discover(Instant at, Consumer<Context> change) {
    Context c =
        Contexts.newRequest(
            Action.DISCOVER,
            new Contexts.Parties(
                TestNetwork.DOMAIN,
                TestPeers.peerId(),
                TestPeers.peerUrl(),
                TestPeers.nodeId(),
                TestPeers.nodeUrl()),
            null,
            Duration.ofSeconds(30),
            Clock.fixed(at, ZoneOffset.UTC));
    change.accept(c);
    DiscoverMessage m = new DiscoverMessage();
    m.setFilters(
        DiscoverMessage.Filters.jsonPath("$[?(@.beckn:itemAttributes.sourceType == 'SOLAR')]"));
    return Envelopes.write(new Envelope<>(c, m));
  }

  /**
   * An empty on_discover to the node under test from the registered peer, in the role of a seller
   * platform, timestamped {@code at}. The test node's handler takes requests only, so callbacks are
   * put through the pipeline directly rather than over HTTP.
   */
  private static byte[] onDiscover(Instant at) {
    Clock then = Clock.fixed(at, ZoneOffset.UTC);
    Context request =
        Contexts.newRequest(
            Action.DISCOVER,
            new Contexts.Parties(
                TestNetwork.DOMAIN,
                TestPeers.nodeId(),
                TestPeers.nodeUrl(),
                TestPeers.peerId(),
                TestPeers.peerUrl()),
            null,
            Duration.ofSeconds(30),
            then);
    return Envelopes.write(
        new Envelope<>(Contexts.callbackFor(request, then), new CatalogMessage(List.of())));
  }

  private static InboundExchange callback(byte[] body) {
    return new InboundExchange(
        Action.ON_DISCOVER,
        body,
        Map.of("Authorization", TestPeers.peerSigner().authorization(body)),
        Instant.now());
  }
}
