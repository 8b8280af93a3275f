package org.uei.p2p.node.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * Signatures outside their validity window: expired, or created in the future. Each is refused with
 * 401, the node logs the refusal with the same reason the NACK gives, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class SignatureWindowAttackTest {

  @Test
  void expiredSignatureIsRefusedAndLogged() {
    long now = System.currentTimeMillis() / 1000;
    assertRefusedAndLogged(now - 600, now - 300);
  }

  @Test
  void signatureCreatedInTheFutureIsRefusedAndLogged() {
    long now = System.currentTimeMillis() / 1000;
    assertRefusedAndLogged(now + 600, now + 900);
  }

  private static void assertRefusedAndLogged(long created, long expires) {
    byte[] body = discover();
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            Object[] p = r.getParameters();
            lines.add(p == null ? r.getMessage() : String.format(r.getMessage(), p));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("org.uei.p2p.node.inbound");
    long storedBefore = StoredMessage.count("direction", Direction.IN);
    logger.addHandler(capture);
    Response r;
    try {
      r =
          given()
              .contentType("application/json")
              .header("Authorization", TestPeers.peerSigner().authorization(body, created, expires))
              .body(body)
              .post("/discover");
    } finally {
      logger.removeHandler(capture);
    }
    assertEquals(401, r.statusCode(), r.asString());
    assertEquals("NACK", r.jsonPath().getString("message.ack.status"));
    String reason = r.jsonPath().getString("error.message");
    assertTrue(reason != null && reason.startsWith("signature"), reason);
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("refused") && l.contains(reason)),
        "no log line gives the reason '" + reason + "': " + lines);
    assertEquals(storedBefore, StoredMessage.count("direction", Direction.IN), "nothing stored");
  }

  /** A valid discover from the registered counterparty, unsigned. */
  static byte[] discover() {
    DiscoverMessage m = new DiscoverMessage();
    m.setFilters(
        DiscoverMessage.Filters.jsonPath("$[?(@.beckn:itemAttributes.sourceType == 'SOLAR')]"));
    return Envelopes.write(
        new Envelope<>(
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
                Clock.systemUTC()),
            m));
  }
}
