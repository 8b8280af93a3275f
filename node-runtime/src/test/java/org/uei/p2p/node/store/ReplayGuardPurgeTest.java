package org.uei.p2p.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.TestNetwork;

/** Expired replay guard entries are deleted in chunks; entries still in force stay. */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class ReplayGuardPurgeTest {

  @Inject ReplayGuard guard;
  @Inject ReplayGuardPurge purge;

  @Test
  void entriesExpiredBeforeTheCutAreDeletedChunkByChunkAndTheRestStay() {
    // Times long before any other test's, so that the cut below reaches only these entries.
    Instant t0 = Instant.parse("2001-03-01T00:00:00Z");
    String sender = "purge-" + UUID.randomUUID();
    ReplayGuard.Key[] keys = new ReplayGuard.Key[7];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new ReplayGuard.Key(sender, "m" + i, "select");
      Instant expires = t0.plusSeconds(60L * i);
      ReplayGuard.Key key = keys[i];
      QuarkusTransaction.requiringNew().run(() -> guard.claim(key, t0, expires));
    }
    Instant cut = t0.plusSeconds(60L * 5);

    assertEquals(5, purge.purge(cut, 2), "m0..m4 expired before the cut: chunks of 2, 2 and 1");
    // m5 expired at the cut, not before it: kept, like m6.

    for (int i = 0; i < keys.length; i++) {
      assertEquals(
          i < 5 ? ReplayGuard.Entry.NONE : ReplayGuard.Entry.LIVE,
          guard.lookUp(keys[i], t0),
          keys[i].messageId());
    }
    assertEquals(0, purge.purge(cut, 2), "nothing left to purge");
  }
}
