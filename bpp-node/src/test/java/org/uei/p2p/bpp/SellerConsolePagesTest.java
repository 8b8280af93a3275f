package org.uei.p2p.bpp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.bpp.delivery.MdmsDropPoller;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * The seller platform's cascade, allocation and meter data pages over rows seeded in its tables
 * (and a file imported from the drop directory): each answers viewers and operators, refuses
 * anonymous readers, and shows what was seeded.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class SellerConsolePagesTest {

  /** A delivery day long past, so that no settlement run or default period sees these rows. */
  private static final OffsetDateTime SLOT = OffsetDateTime.parse("2025-01-10T04:30:00Z");

  @Inject AgroalDataSource db;
  @Inject MdmsDropPoller poller;

  private static RequestSpecification viewer() {
    return given().auth().preemptive().basic("watcher", "viewer-secret");
  }

  private static RequestSpecification operator() {
    return given().auth().preemptive().basic("ops", "operator-secret");
  }

  @Test
  void theCascadesPageShowsEachCascadeWithItsLegs() throws SQLException {
    String id = "c-" + UUID.randomUUID();
    String buyerTxn = UUID.randomUUID().toString();
    String cascadeTxn = UUID.randomUUID().toString();
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO cascade_request (id, action, buyer_transaction_id, cascade_transaction_id,"
              + " order_id, request_body, status, deadline, created_at, wire)"
              + " VALUES (?, 'confirm', ?, ?, NULL, ?, 'REFUSED', ?, ?, 'wave2')",
          id,
          buyerTxn,
          cascadeTxn,
          "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(15),
          OffsetDateTime.now(ZoneOffset.UTC));
      update(
          c,
          "INSERT INTO cascade_leg (message_id, cascade_id, discom_id, utility_id, status, detail)"
              + " VALUES (?, ?, 'TPDDL', 'utility.tpddl.console', 'OK', NULL),"
              + " (?, ?, 'PVVNL', 'utility.pvvnl.console', 'REFUSED', 'sanctioned load exceeded')",
          UUID.randomUUID().toString(),
          id,
          UUID.randomUUID().toString(),
          id);
    }
    for (RequestSpecification who : new RequestSpecification[] {viewer(), operator()}) {
      who.get("/console/seller/cascades")
          .then()
          .statusCode(200)
          .body(containsString("/console/transactions/" + buyerTxn))
          .body(containsString("/console/transactions/" + cascadeTxn))
          .body(containsString("utility.pvvnl.console <strong>REFUSED</strong>"))
          .body(containsString("sanctioned load exceeded"))
          .body(containsString("utility.tpddl.console <strong>OK</strong>"));
    }
    viewer()
        .get("/console/seller/cascades?status=refused")
        .then()
        .statusCode(200)
        .body(containsString("<option value=\"REFUSED\" selected>"))
        .body(containsString(cascadeTxn));
    viewer()
        .get("/console/seller/cascades?status=PENDING")
        .then()
        .statusCode(200)
        .body(not(containsString(cascadeTxn)));
    viewer().get("/console/seller/cascades?status=LOST").then().statusCode(400);
    viewer().get("/console/seller/cascades?page=-1").then().statusCode(400);
    given().get("/console/seller/cascades").then().statusCode(401);
  }

  @Test
  void theAllocationsPageSumsBothWiresPerDayAndListsEachTrade() throws SQLException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String wave1 = "o1-" + suffix;
    String wave2 = "o2-" + suffix;
    String txn1 = UUID.randomUUID().toString();
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO prosumer (id, name, meter_id, discom_id, state_code, installed_capacity_kw,"
              + " source_type, created_at) VALUES (?, 'Allocation Rooftop', ?, 'TPDDL', 'DL', 10,"
              + " 'SOLAR', ?)",
          "p-" + suffix,
          "DL-ALLOC-" + suffix,
          SLOT);
      update(
          c,
          "INSERT INTO slot_offer (id, prosumer_id, network_id, slot_start, slot_end,"
              + " price_per_kwh, currency, max_kwh, available_kwh, valid_from, valid_until,"
              + " status, updated_at) VALUES (?, ?, 'test', ?, ?, 6.25, 'INR', 10, 0, ?, ?,"
              + " 'WITHDRAWN', ?)",
          "s-" + suffix,
          "p-" + suffix,
          SLOT,
          SLOT.plusHours(1),
          SLOT.minusDays(1),
          SLOT,
          SLOT);
      for (String[] o : new String[][] {{wave1, txn1}, {wave2, UUID.randomUUID().toString()}}) {
        update(
            c,
            "INSERT INTO seller_order (id, transaction_id, bap_id, bap_uri, domain, buyer_id,"
                + " buyer_meter_id, buyer_discom_id, status, created_at, updated_at, version)"
                + " VALUES (?, ?, 'bap.console', 'http://bap.invalid', 'test', 'buyer',"
                + " 'UP-BUYER', 'PVVNL', 'COMPLETED', ?, ?, 0)",
            o[0],
            o[1],
            SLOT,
            SLOT);
        update(
            c,
            "INSERT INTO seller_order_line (order_id, line_no, offer_id, quantity_kwh,"
                + " price_per_kwh, currency) VALUES (?, 1, ?, 5, 6.25, 'INR')",
            o[0],
            "s-" + suffix);
      }
      update(
          c,
          "INSERT INTO trade_allocation (trade_id, order_id, line_no, slot_start,"
              + " buyer_metered_kwh, seller_metered_kwh, buyer_kwh, seller_kwh, allocated_at)"
              + " VALUES (?, ?, 1, ?, 4.5, 6.0, 4.25, 4.75, ?)",
          wave1 + "/1",
          wave1,
          SLOT,
          SLOT.plusDays(1));
      update(
          c,
          "INSERT INTO wave2_discom_allocation (order_id, line_no, side, allocated_kwh,"
              + " reported_by, received_at) VALUES (?, 1, 'SELLER', 3.5, 'ledger.tpddl', ?)",
          wave2,
          SLOT.plusDays(1));
    }
    for (RequestSpecification who : new RequestSpecification[] {viewer(), operator()}) {
      who.get("/console/seller/allocations?from=2025-01-10&to=2025-01-10")
          .then()
          .statusCode(200)
          .body(containsString("id=\"chart-allocation-days\""))
          // both trades on one day: 10 contracted, 4.25 on the buyer side, 4.75 + 3.5 seller side
          .body(containsString("<td>2025-01-10</td><td class=\"num\">2</td>"))
          .body(containsString("<td class=\"num\">4.25</td><td class=\"num\">8.25"))
          .body(containsString("/console/transactions/" + txn1))
          .body(containsString(wave2 + " / 1"))
          .body(containsString("DISCOM ledgers"))
          .body(containsString("4.500000 / 6.000000"));
    }
    viewer()
        .get("/console/seller/allocations?from=2025-01-11&to=2025-01-11")
        .then()
        .statusCode(200)
        .body(not(containsString(wave1)));
    viewer()
        .get("/console/seller/allocations?from=2025-01-11&to=2025-01-10")
        .then()
        .statusCode(400);
    given().get("/console/seller/allocations").then().statusCode(401);
  }

  @Test
  void theMeterDataPageShowsImportedFilesWithTheirRejections() throws Exception {
    Path dir = poller.dropDir();
    Files.createDirectories(dir);
    String name = "console-" + UUID.randomUUID() + ".csv";
    Files.writeString(
        dir.resolve(name),
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + "NOT-A-METER,2025-01-10T10:00:00+05:30,60,1,0\n");
    poller.pollOnce(true);
    for (RequestSpecification who : new RequestSpecification[] {viewer(), operator()}) {
      who.get("/console/meter-data")
          .then()
          .statusCode(200)
          .body(containsString("Rejection report of " + name))
          .body(containsString("UNKNOWN_METER"))
          .body(containsString("NOT-A-METER"));
    }
    viewer()
        .get("/console")
        .then()
        .body(containsString("href=\"/console/meter-data\""))
        .body(containsString("href=\"/console/seller/cascades\""))
        .body(not(containsString("href=\"/console/ledger\"")));
    viewer().get("/console/ledger").then().statusCode(404);
    given().get("/console/meter-data").then().statusCode(401);
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }
}
