package org.uei.p2p.bpp.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * Posts every case of {@link HostileRequests} to the seller node, signed by the registered buyer
 * platform, and holds the node to a clean answer: a NACK with a BECKN-005 code, never a 5xx, and
 * no inbound message stored.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class BadInputCorpusTest {

  private static final Wave1Codec CODEC = new Wave1Codec();
  private static final int MAX_BODY_BYTES = 65_536;

  @Test
  void everyHostileRequestIsRefusedCleanlyAndNothingIsStored() throws Exception {
    byte[] validSelect = validSelect();
    List<HostileRequests.Case> corpus = new HostileRequests(validSelect, MAX_BODY_BYTES).all();
    assertTrue(corpus.size() >= 200, "corpus has " + corpus.size() + " cases");

    // The template itself is accepted, so the refusals below are about the mutations.
    given().contentType("application/json").header("Authorization", TestPeers.peerSigner().authorization(validSelect))
        .body(validSelect).post("/select").then().statusCode(200).body("message.ack.status", equalTo("ACK"));
    long storedBefore = inboundCount();
    List<String> failures = new ArrayList<>();
    for (HostileRequests.Case c : corpus) {
      Response r = given().contentType("application/json")
          .header("Authorization", TestPeers.peerSigner().authorization(c.body()))
          .body(c.body()).post("/" + c.endpoint());
      String problem = judge(r);
      if (problem != null) {
        failures.add(c.name() + ": " + problem);
      }
    }
    assertEquals(List.of(), failures, failures.size() + " of " + corpus.size() + " cases not refused cleanly");
    assertEquals(storedBefore, inboundCount(), "no hostile request was stored");
  }

  /** Null when the answer is a clean refusal, otherwise what is wrong with it. */
  private static String judge(Response r) {
    int status = r.statusCode();
    if (status >= 500) {
      return "HTTP " + status + " " + r.asString();
    }
    JsonPath body;
    try {
      body = r.jsonPath();
      body.get("message");
    } catch (RuntimeException e) {
      return "HTTP " + status + " with a body that is not JSON: " + r.asString();
    }
    if (!"NACK".equals(body.getString("message.ack.status"))) {
      return "HTTP " + status + " answered " + body.getString("message.ack.status");
    }
    String code = body.getString("error.code");
    if (code == null || code.isBlank()) {
      return "HTTP " + status + " NACK without an error code: " + r.asString();
    }
    return null;
  }

  private static long inboundCount() {
    return StoredMessage.count("direction", Direction.IN);
  }

  /** A select the node accepts: an offer published through the provider API and discovered. */
  private static byte[] validSelect() throws Exception {
    String prosumer = "p-" + UUID.randomUUID().toString().substring(0, 8);
    given().contentType("application/json").body(Map.of("id", prosumer, "meterId", "DL-" + prosumer,
        "discomId", "TPDDL", "stateCode", "DL", "installedCapacityKw", 10)).post("/provider/prosumers")
        .then().statusCode(201);
    String offerId = given().contentType("application/json").body(Map.of("prosumerId", prosumer, "slotStart",
        tradableSlot().toString(), "pricePerKwh", new BigDecimal("6.10"), "maxKwh", new BigDecimal("9")))
        .post("/provider/offers").then().statusCode(201).extract().path("id");

    DiscoverMessage filter = new DiscoverMessage();
    filter.setFilters(DiscoverMessage.Filters.jsonPath("$[?(@.beckn:id == '" + offerId + "')]"));
    Envelope<Message> discover = new Envelope<>(context(Action.DISCOVER, null), filter);
    byte[] body = Envelopes.write(discover);
    try (CallbackReceiver buyer = CallbackReceiver.forPeer().start()) {
      given().contentType("application/json").header("Authorization", TestPeers.peerSigner().authorization(body))
          .body(body).post("/discover").then().statusCode(200).body("message.ack.status", equalTo("ACK"));
      byte[] onDiscover = buyer.await("on_discover", discover.getContext().getMessageId(), Duration.ofSeconds(10))
          .body();
      EnergyOffer offer = CODEC.offers(Envelopes.parse(onDiscover).getMessage()).get(0);
      TradeOrder order = new TradeOrder(null, TradeStatus.PENDING, TestPeers.peerId(), TestPeers.nodeId(),
          "buyer-1", new MeterPoint("DL-BUYER-0009", "BRPL"), List.of(OrderLine.take(offer, new BigDecimal("2"))));
      return Envelopes.write(new Envelope<>(context(Action.SELECT, UUID.randomUUID().toString()),
          CODEC.orderMessage(order)));
    }
  }

  private static Context context(Action action, String transactionId) {
    return Contexts.newRequest(action, new Contexts.Parties(TestNetwork.DOMAIN, TestPeers.peerId(),
        TestPeers.peerUrl(), TestPeers.nodeId(), TestPeers.nodeUrl()), transactionId, Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  /** The first 1-hour slot at least 5 h ahead inside the trading hours (06–18 IST). */
  private static Instant tradableSlot() {
    ZonedDateTime t = Instant.now().plus(Duration.ofHours(5)).atZone(ZoneId.of("Asia/Kolkata"))
        .truncatedTo(ChronoUnit.HOURS).plusHours(1);
    while (t.getHour() < 6 || t.getHour() >= 18) {
      t = t.plusHours(1);
    }
    return t.toInstant();
  }
}
