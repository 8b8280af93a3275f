package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.uei.p2p.node.store.Databases;

/**
 * On H2, hands out the ids of the tables every message writes from a cache of {@value #CACHE}
 * instead of H2's default 32.
 *
 * <p>H2 records how far an identity sequence has got each time its cache runs out, and it does so
 * by committing its own system session there and then: one more chunk written to the file every 32
 * rows, inside the insert that ran the cache out, which waits for it. At a few hundred selects a
 * second (two stored messages and an outbox row each) that was a tenth of the node's CPU. With a
 * larger cache a crash skips the ids left in it, which nothing relies on; ids still grow in the
 * order they are handed out. PostgreSQL is left alone: there a cache is per connection, and ids
 * handed out by different connections would no longer follow the order of their inserts, which the
 * oldest-first reads rely on.
 *
 * <p>A Java migration because the change is for one database only; the SQL migrations run unchanged
 * on both.
 */
public class V9_1__h2_identity_cache extends BaseJavaMigration {

  /** Ids a sequence hands out between two records of its position. */
  static final long CACHE = 100_000;

  private static final List<String> TABLES =
      List.of("beckn_message", "callback_outbox", "audit_anchor");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!Databases.isH2(connection)) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      for (String table : TABLES) {
        s.execute("ALTER TABLE " + table + " ALTER COLUMN id SET CACHE " + CACHE);
      }
    }
  }
}
