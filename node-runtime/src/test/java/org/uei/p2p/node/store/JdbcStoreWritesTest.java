package org.uei.p2p.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.wire.WireContext;

/**
 * The message store and the replay guard write with plain statements: what they write must read
 * back through the entities exactly (times to the microsecond, in UTC, nulls as nulls), and the
 * guard must keep its rules: a live key refused, an expired one renewed.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class JdbcStoreWritesTest {

  @Inject MessageStore store;
  @Inject ReplayGuard guard;
  @Inject AgroalDataSource dataSource;

  private static WireContext context(String action, String messageId, String transactionId) {
    org.uei.p2p.model.envelope.Context c = new org.uei.p2p.model.envelope.Context();
    c.setAction(action);
    c.setTransactionId(transactionId);
    c.setMessageId(messageId);
    c.setBapId("bap.example");
    c.setBppId("bpp.example");
    c.setTimestamp("2026-02-11T06:00:00.123456Z");
    c.setTtl("PT30S");
    return WireContext.of(c);
  }

  @Test
  void aSentMessageReadsBackAsWritten() {
    String txn = "txn-" + UUID.randomUUID();
    String msg = UUID.randomUUID().toString();
    byte[] body = "{\"sent\":true}".getBytes(StandardCharsets.UTF_8);
    Long id =
        store.saveOutbound(
            context("on_select", msg, txn),
            "http://127.0.0.1:9/on_select",
            "bap.example",
            Map.of("Authorization", "Signature keyId=\"x\"", "X-Other", "dropped"),
            body,
            202,
            "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}");
    StoredMessage m = QuarkusTransaction.requiringNew().call(() -> StoredMessage.findById(id));
    assertEquals(Direction.OUT, m.direction);
    assertEquals("on_select", m.action);
    assertEquals(txn, m.transactionId);
    assertEquals(msg, m.messageId);
    assertEquals("bpp.example", m.senderId);
    assertEquals("bap.example", m.recipientId);
    assertEquals("http://127.0.0.1:9/on_select", m.url);
    assertEquals("{\"Authorization\":\"Signature keyId=\\\"x\\\"\"}", m.headers);
    assertArrayEquals(body, m.body);
    assertEquals(202, m.httpStatus);
    assertEquals("{\"message\":{\"ack\":{\"status\":\"ACK\"}}}", m.response);
    assertEquals(Instant.parse("2026-02-11T06:00:30.123456Z"), m.expiresAt);
    assertTrue(
        Math.abs(ChronoUnit.SECONDS.between(m.createdAt, Instant.now())) < 60, "created now");
    assertNull(m.handledAt);
    assertNull(m.handlingOwner);
    assertNull(m.handlingUntil);
    assertEquals(
        java.util.List.of(id),
        QuarkusTransaction.requiringNew()
            .call(() -> StoredMessage.byMessageId(msg).stream().map(s -> s.id).toList()));
  }

  @Test
  void aReceivedMessageIsStoredOnlyInsideATransactionWithItsHandlingLease() {
    String txn = "txn-" + UUID.randomUUID();
    String msg = UUID.randomUUID().toString();
    byte[] body = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
    Instant at = Instant.parse("2026-02-11T06:00:01.654321Z");
    assertThrows(
        RuntimeException.class,
        () ->
            store.saveInbound(
                "select", context("select", msg, txn), "bap.example", Map.of(), body, at),
        "outside a transaction");
    Long id =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    store.saveInbound(
                        "select", context("select", msg, txn), "bap.example", Map.of(), body, at));
    StoredMessage m = QuarkusTransaction.requiringNew().call(() -> StoredMessage.findById(id));
    assertEquals(Direction.IN, m.direction);
    assertEquals("select", m.action);
    assertEquals("/select", m.url);
    assertEquals("bap.example", m.senderId);
    assertEquals("bpp.example", m.recipientId, "a select's receiver is the context's BPP");
    assertEquals(at, m.createdAt);
    assertNull(m.httpStatus);
    assertNull(m.response);
    assertEquals("{}", m.headers);
    assertTrue(m.handlingOwner != null && m.handlingUntil.isAfter(Instant.now()));
  }

  @Test
  void theGuardRefusesALiveKeyAndRenewsAnExpiredOne() throws Exception {
    ReplayGuard.Key key =
        new ReplayGuard.Key("bap.example", UUID.randomUUID().toString(), "select");
    Instant t0 = Instant.parse("2026-02-11T06:00:00Z");
    assertThrows(
        RuntimeException.class, () -> guard.claim(key, t0, t0.plusSeconds(30)), "no transaction");
    assertFalse(guard.seen(key, t0));
    assertTrue(claim(key, t0, t0.plusSeconds(30)), "first claim");
    assertTrue(guard.seen(key, t0.plusSeconds(29)));
    assertFalse(claim(key, t0.plusSeconds(29), t0.plusSeconds(59)), "a copy inside the ttl");
    assertFalse(guard.seen(key, t0.plusSeconds(30)), "expired at its end");
    assertTrue(claim(key, t0.plusSeconds(30), t0.plusSeconds(90)), "renewed once expired");
    assertEquals(t0.plusSeconds(90), expiresAt(key));
    assertFalse(claim(key, t0.plusSeconds(60), t0.plusSeconds(120)), "the renewal is live");
    ReplayGuard.Key otherAction = new ReplayGuard.Key(key.senderId(), key.messageId(), "init");
    assertTrue(claim(otherAction, t0, t0.plusSeconds(30)), "another action is another key");
  }

  @Test
  void aClaimAfterALookUpThatFoundNothingWritesAndACopyCollides() throws Exception {
    ReplayGuard.Key key =
        new ReplayGuard.Key("bap.example", UUID.randomUUID().toString(), "select");
    Instant t0 = Instant.parse("2026-02-11T06:00:00Z");
    assertEquals(ReplayGuard.Entry.NONE, guard.lookUp(key, t0));
    assertTrue(
        QuarkusTransaction.requiringNew()
            .call(() -> guard.claim(key, t0, t0.plusSeconds(30), ReplayGuard.Entry.NONE)));
    assertEquals(t0.plusSeconds(30), expiresAt(key));
    assertEquals(ReplayGuard.Entry.LIVE, guard.lookUp(key, t0.plusSeconds(29)));
    // A copy whose look-up ran before the first claim committed: it collides on the key.
    RuntimeException collided =
        assertThrows(
            RuntimeException.class,
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            guard.claim(
                                key,
                                t0.plusSeconds(1),
                                t0.plusSeconds(31),
                                ReplayGuard.Entry.NONE)));
    assertTrue(Causes.isConstraintViolation(collided), collided.toString());
    assertEquals(t0.plusSeconds(30), expiresAt(key), "the first claim stands");
    assertEquals(ReplayGuard.Entry.EXPIRED, guard.lookUp(key, t0.plusSeconds(30)));
    assertTrue(
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    guard.claim(
                        key, t0.plusSeconds(30), t0.plusSeconds(90), ReplayGuard.Entry.EXPIRED)),
        "an expired entry is renewed");
    assertEquals(t0.plusSeconds(90), expiresAt(key));
  }

  @Test
  void aClaimRolledBackLeavesNoKey() {
    ReplayGuard.Key key =
        new ReplayGuard.Key("bap.example", UUID.randomUUID().toString(), "select");
    Instant t0 = Instant.parse("2026-02-11T06:00:00Z");
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      assertTrue(guard.claim(key, t0, t0.plusSeconds(30)));
                      throw new IllegalStateException("the message failed to store");
                    }));
    assertFalse(guard.seen(key, t0));
    assertTrue(claim(key, t0, t0.plusSeconds(30)));
  }

  private boolean claim(ReplayGuard.Key key, Instant at, Instant until) {
    return QuarkusTransaction.requiringNew().call(() -> guard.claim(key, at, until));
  }

  private Instant expiresAt(ReplayGuard.Key key) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT expires_at FROM replay_guard WHERE sender_id = ? AND message_id = ?"
                    + " AND action = ?")) {
      s.setString(1, key.senderId());
      s.setString(2, key.messageId());
      s.setString(3, key.action());
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        return r.getObject(1, OffsetDateTime.class).toInstant();
      }
    }
  }
}
