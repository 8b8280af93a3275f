package org.uei.p2p.network.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the H2 database of a stopped node (the embedded database allows one process at a time):
 * what the node really kept, rather than what its APIs choose to show.
 */
final class NodeDatabase {

  private NodeDatabase() {}

  /** Runs {@code sql} with {@code args} and returns every row as column → value. */
  static List<Map<String, Object>> query(Path dataDir, String sql, Object... args)
      throws SQLException {
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("node"), "uei", "");
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(r.getMetaData().getColumnLabel(i).toLowerCase(), r.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /** A {@code TIMESTAMP WITH TIME ZONE} value as an instant. */
  static Instant instant(Object sqlTime) {
    return sqlTime instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) sqlTime).toInstant();
  }

  /** The single number {@code sql} selects. */
  static long count(Path dataDir, String sql, Object... args) throws SQLException {
    return ((Number) query(dataDir, sql, args).get(0).values().iterator().next()).longValue();
  }
}
