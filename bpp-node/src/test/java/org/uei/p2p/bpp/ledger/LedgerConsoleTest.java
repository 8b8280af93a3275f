package org.uei.p2p.bpp.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * A ledger provider's console page over seeded records, report lines and actuals requests: the
 * traded kWh, both DISCOMs' statuses and allocated actuals, for viewers and operators only.
 */
@QuarkusTest
@TestProfile(LedgerApiTest.LedgerMode.class)
@QuarkusTestResource(TestNetwork.class)
class LedgerConsoleTest {

  private static final OffsetDateTime START = OffsetDateTime.parse("2025-02-03T05:30:00Z");

  @Inject AgroalDataSource db;

  @Test
  void theLedgerPageShowsRecordsWithTheirAllocationsReportsAndRequests() throws SQLException {
    String txn = UUID.randomUUID().toString();
    String message = UUID.randomUUID().toString();
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO ledger_record (record_id, transaction_id, order_item_id, creation_time,"
              + " platform_id_buyer, platform_id_seller, discom_id_buyer, discom_id_seller,"
              + " buyer_id, seller_id, trade_time, delivery_start_time, delivery_end_time,"
              + " trade_details, buyer_metrics, seller_metrics, status_buyer_discom,"
              + " status_seller_discom, network_id, updated_at, version)"
              + " VALUES (?, ?, 'item-1', ?, 'bap.console', 'bpp.console', 'PVVNL', 'TPDDL',"
              + " 'UP-BUYER-1', 'DL-SELLER-1', ?, ?, ?, ?, ?, ?, 'COMPLETED', 'CONFIRMED',"
              + " 'test', ?, 0)",
          UUID.randomUUID().toString(),
          txn,
          OffsetDateTime.now(ZoneOffset.UTC),
          START.minusDays(1),
          START,
          START.plusHours(1),
          "[{\"tradeType\":\"ENERGY\",\"tradeQty\":7.5,\"tradeUnit\":\"KWH\","
              + "\"pricePerUnit\":6.1,\"priceCurrency\":\"INR\"}]",
          "[{\"validationMetricType\":\"ACTUAL_PULLED\",\"validationMetricValue\":6.25}]",
          "[]",
          START.plusDays(1));
      update(
          c,
          "INSERT INTO ledger_report_line (transaction_id, order_item_id, side, platform_id,"
              + " allocated_kwh, message_id, reported_at) VALUES (?, 'item-1', 'BUYER',"
              + " 'bap.console', 6.25, ?, ?)",
          txn,
          UUID.randomUUID().toString(),
          OffsetDateTime.now(ZoneOffset.UTC));
      update(
          c,
          "INSERT INTO ledger_actuals_request (message_id, transaction_id, discom_id,"
              + " delivery_day, asked, created_at) VALUES (?, ?, 'TPDDL', ?, '[]', ?)",
          message,
          UUID.randomUUID().toString(),
          LocalDate.parse("2025-02-03"),
          OffsetDateTime.now(ZoneOffset.UTC));
    }
    for (RequestSpecification who :
        new RequestSpecification[] {
          given().auth().preemptive().basic("watcher", "viewer-secret"),
          given().auth().preemptive().basic("ops", "operator-secret")
        }) {
      who.get("/console/ledger")
          .then()
          .statusCode(200)
          .body(containsString("/console/transactions/" + txn))
          .body(containsString("UP-BUYER-1"))
          .body(containsString("<td class=\"num\">7.5</td><td class=\"num\">6.1 INR</td>"))
          .body(containsString("<td>COMPLETED</td><td>CONFIRMED</td>"))
          .body(containsString("<td class=\"num\">6.25</td><td class=\"num\">–</td>"))
          .body(containsString("<td class=\"num\">6.250000</td>"))
          .body(containsString(message));
    }
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console")
        .then()
        .body(containsString("href=\"/console/ledger\""));
    given().get("/console/ledger").then().statusCode(401);
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
