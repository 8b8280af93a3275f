package org.uei.p2p.node.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * Two instances claiming due callbacks at once, as two transactions on one database: they split the
 * rows instead of waiting on each other, never claim one row twice, and a dead instance's claims
 * are taken over once its lease ran out. The rows fall due in 2100 so that this node's own worker
 * never takes them; every claim but the last is rolled back, leaving the other tests' rows as they
 * were.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class OutboxClaimsTest {

  private static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");
  private static final Instant NOW = FUTURE.plusSeconds(60);

  @Inject AgroalDataSource dataSource;

  private final List<Long> mine = new ArrayList<>();

  @BeforeEach
  void queue() {
    List<OutboxEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      OutboxEntry e = new OutboxEntry();
      e.targetUrl = "http://127.0.0.1:9/claims-test";
      e.action = "on_status";
      e.messageId = "claims-test-" + i;
      e.body = ("{\"n\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      e.status = OutboxStatus.PENDING;
      e.nextAttemptAt = FUTURE.plusMillis(i);
      e.createdAt = FUTURE;
      e.expiresAt = FUTURE.plusSeconds(86_400);
      entries.add(e);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                OutboxClaims.insert(c, entries);
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    entries.forEach(e -> mine.add(e.id));
  }

  @Test
  void aBatchInsertGivesEachRowItsOwnId() {
    assertEquals(10, new HashSet<>(mine).size());
    for (int i = 0; i < 10; i++) {
      long id = mine.get(i);
      OutboxEntry e = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.findById(id));
      assertEquals("claims-test-" + i, e.messageId, "row " + id);
      assertEquals(
          "{\"n\":" + i + "}", new String(e.body, java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(FUTURE.plusMillis(i), e.nextAttemptAt);
      assertEquals(OutboxStatus.PENDING, e.status);
      assertEquals(0, e.version);
      assertEquals(null, e.leaseOwner);
    }
  }

  @AfterEach
  void remove() {
    QuarkusTransaction.requiringNew().run(() -> OutboxEntry.delete("id in ?1", mine));
  }

  private Set<Long> ids(List<OutboxClaims.Claimed> claimed) {
    Set<Long> out = new HashSet<>();
    claimed.forEach(c -> out.add(c.id()));
    out.retainAll(mine);
    return out;
  }

  @Test
  void twoInstancesClaimingAtOnceSplitTheRowsWithoutWaiting() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Connection a = dataSource.getConnection();
        Connection b = dataSource.getConnection()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      // Instance a claims every due row, this test's ten among them, and holds them uncommitted.
      List<OutboxClaims.Claimed> byA = new ArrayList<>();
      for (OutboxClaims.Claimed c :
          OutboxClaims.claimDue(a, "instance-a", NOW, NOW.plusSeconds(30), 100_000)) {
        byA.add(c);
      }
      Set<Long> heldByA = ids(byA);
      assertEquals(10, heldByA.size());
      // Instance b, meanwhile, finds nothing to claim rather than waiting for a's transaction.
      Future<List<OutboxClaims.Claimed>> byB =
          other.submit(
              () -> OutboxClaims.claimDue(b, "instance-b", NOW, NOW.plusSeconds(30), 100_000));
      assertEquals(Set.of(), ids(byB.get(10, TimeUnit.SECONDS)));
      a.rollback();
      b.rollback();
      // With a gone, b takes them all.
      assertEquals(
          new HashSet<>(mine),
          ids(OutboxClaims.claimDue(b, "instance-b", NOW, NOW.plusSeconds(30), 100_000)));
      b.rollback();
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aDeadInstancesClaimsAreTakenOverOnceItsLeaseRanOut() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE callback_outbox SET lease_owner = 'instance-dead', lease_until = ?"
                  + " WHERE id = ?")) {
        for (Long id : mine) {
          s.setObject(1, NOW.plusSeconds(30).atOffset(java.time.ZoneOffset.UTC));
          s.setLong(2, id);
          s.executeUpdate();
        }
      }
      c.setAutoCommit(false);
      assertEquals(
          Set.of(),
          ids(OutboxClaims.claimDue(c, "instance-b", NOW, NOW.plusSeconds(30), 100_000)),
          "claims under a live lease stay with their owner");
      c.rollback();
      Instant later = NOW.plusSeconds(31);
      assertEquals(
          new HashSet<>(mine),
          ids(OutboxClaims.claimDue(c, "instance-b", later, later.plusSeconds(30), 100_000)));
      try (PreparedStatement s =
          c.prepareStatement("SELECT lease_owner FROM callback_outbox WHERE id = ?")) {
        for (Long id : mine) {
          s.setLong(1, id);
          try (var r = s.executeQuery()) {
            assertTrue(r.next());
            assertEquals("instance-b", r.getString(1));
          }
        }
      }
      c.rollback();
      c.setAutoCommit(true);
    }
  }
}
