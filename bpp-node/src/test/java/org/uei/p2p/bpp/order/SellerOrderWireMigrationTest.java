package org.uei.p2p.bpp.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration that gives seller orders their wire: orders confirmed before it are classified by
 * what the database knows of them, and a wire the node does not speak cannot be stored.
 */
class SellerOrderWireMigrationTest {

  private static final String INSERT_ORDER =
      "INSERT INTO seller_order (id, transaction_id, bap_id, bap_uri, domain, buyer_id, "
          + "buyer_meter_id, buyer_discom_id, status, created_at, updated_at, version) VALUES "
          + "('%s', '%s', 'bap', 'http://bap', '%s', 'b', 'M', 'D', 'ACTIVE', "
          + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)";

  @Test
  void existingOrdersGetTheWireTheyWereConfirmedOn(@TempDir Path dir) throws Exception {
    // A file database, as the node's: each phase opens it afresh, as a node restart would.
    String url = "jdbc:h2:file:" + dir.resolve("bpp");
    Flyway before =
        Flyway.configure()
            .dataSource(url, "sa", "")
            .locations("classpath:db/migration", "classpath:db/bpp")
            .target("49.0")
            .load();
    before.migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute(order("o-wave1", "beckn.one:deg:p2p-trading-interdiscom:2.0.0"));
      s.execute(order("o-v1", "uei:p2p-trading"));
      // wave 2: by its network id, by its allocations, by its cascade
      s.execute(order("o-ies", "indiaenergystack.in/test-ies-p2p-trading-network"));
      s.execute(order("o-alloc", "some-private-network"));
      s.execute(
          "INSERT INTO wave2_discom_allocation (order_id, line_no, side, allocated_kwh,"
              + " reported_by, received_at) VALUES ('o-alloc', 1, 'SELLER', 1, 'ledger',"
              + " CURRENT_TIMESTAMP)");
      s.execute(order("o-cascade", "some-private-network"));
      s.execute(
          "INSERT INTO cascade_request (id, action, buyer_transaction_id,"
              + " cascade_transaction_id, order_id, request_body, status, deadline, created_at,"
              + " wire) VALUES ('c1', 'confirm', 't', 'ct', 'o-cascade', X'00', 'DONE',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'wave2')");
    }

    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration", "classpath:db/bpp")
        .load()
        .migrate();

    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      Map<String, String> wires = new HashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT id, wire FROM seller_order")) {
        while (rs.next()) {
          wires.put(rs.getString(1), rs.getString(2));
        }
      }
      assertEquals(
          Map.of(
              "o-wave1", "wave1",
              "o-v1", "uei-v1",
              "o-ies", "wave2",
              "o-alloc", "wave2",
              "o-cascade", "wave2"),
          wires);
      assertThrows(
          SQLException.class,
          () -> s.execute("UPDATE seller_order SET wire = 'wave9' WHERE id = 'o-v1'"));
    }
  }

  private static String order(String id, String domain) {
    return String.format(INSERT_ORDER, id, "txn-" + id, domain);
  }
}
