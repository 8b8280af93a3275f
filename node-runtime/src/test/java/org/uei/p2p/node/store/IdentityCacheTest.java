package org.uei.p2p.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * On H2 the ids of the tables every message writes come from a large cache, so that their inserts
 * do not commit the sequence's position every 32 rows; on PostgreSQL their cache stays at one, so
 * that ids follow the order of inserts across connections. Either way ids grow as rows are added.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class IdentityCacheTest {

  private static final String TABLES = "('beckn_message', 'callback_outbox', 'audit_anchor')";

  @Inject AgroalDataSource dataSource;
  @Inject MessageStore store;

  @Test
  void h2HandsOutTheHotTablesIdsFromALargeCachePostgresqlFromOne() throws SQLException {
    Map<String, Long> caches = new TreeMap<>();
    long expected;
    try (Connection c = dataSource.getConnection()) {
      boolean h2 = Databases.isH2(c);
      expected = h2 ? 100_000 : 1;
      String sql =
          h2
              ? "SELECT LOWER(TABLE_NAME), IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                  + " WHERE IS_IDENTITY = 'YES' AND LOWER(TABLE_NAME) IN "
                  + TABLES
              : "SELECT REPLACE(sequencename, '_id_seq', ''), cache_size FROM pg_sequences"
                  + " WHERE schemaname = current_schema() AND REPLACE(sequencename, '_id_seq', '')"
                  + " IN "
                  + TABLES;
      try (PreparedStatement s = c.prepareStatement(sql);
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          caches.put(r.getString(1), r.getLong(2));
        }
      }
    }
    assertEquals(
        Map.of("audit_anchor", expected, "beckn_message", expected, "callback_outbox", expected),
        caches);
  }

  @Test
  void idsStillGrowInTheOrderRowsAreAdded() {
    long last = 0;
    for (int i = 0; i < 40; i++) {
      Context context = new Context();
      context.setAction("on_status");
      context.setTransactionId("txn-" + UUID.randomUUID());
      context.setMessageId(UUID.randomUUID().toString());
      context.setTimestamp("2026-02-11T06:00:00Z");
      Long id =
          store.saveOutbound(
              context,
              "http://127.0.0.1:9/on_status",
              "bap.example",
              Map.of(),
              "{}".getBytes(StandardCharsets.UTF_8),
              200,
              null);
      assertTrue(id > last, "id " + id + " after " + last);
      last = id;
    }
  }
}
