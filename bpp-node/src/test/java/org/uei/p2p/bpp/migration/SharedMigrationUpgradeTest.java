package org.uei.p2p.bpp.migration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared migration (db/migration) added after a node's own (db/bpp) is numbered below the node's
 * last applied one; an existing database must still take it at the next start.
 */
class SharedMigrationUpgradeTest {

  @Test
  void aDatabaseWithoutTheLatestSharedMigrationTakesItAtStart(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("bpp");
    flyway(url, false).migrate();
    // As the previous release left it: every migration but the replay guard's expiry index (V9).
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("DROP INDEX replay_guard_expires");
      s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '9.0'");
    }
    assertThrows(FlywayException.class, () -> flyway(url, false).migrate(), "in order only");

    boolean nodeSetting =
        ConfigProvider.getConfig().getValue("quarkus.flyway.out-of-order", Boolean.class);
    assertTrue(nodeSetting, "the nodes run shared migrations out of order");
    flyway(url, nodeSetting).migrate();

    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet r = c.getMetaData().getIndexInfo(null, null, "REPLAY_GUARD", false, false)) {
      boolean found = false;
      while (r.next()) {
        found |= "REPLAY_GUARD_EXPIRES".equalsIgnoreCase(r.getString("INDEX_NAME"));
      }
      assertTrue(found, "V9 ran");
    }
  }

  private static Flyway flyway(String url, boolean outOfOrder) {
    return Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration", "classpath:db/bpp")
        .outOfOrder(outOfOrder)
        .load();
  }
}
