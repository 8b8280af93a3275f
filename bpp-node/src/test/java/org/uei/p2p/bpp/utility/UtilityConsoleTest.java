package org.uei.p2p.bpp.utility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * A utility node's console: its own pages, not the seller platform's; a consumer's headroom and the
 * SLDC flows over seeded trades.
 */
@QuarkusTest
@TestProfile(UtilityNodeTest.UtilityMode.class)
@QuarkusTestResource(TestNetwork.class)
class UtilityConsoleTest {

  @Inject AgroalDataSource db;

  @Test
  void theUtilityPagesAnswerAndTheSellerPagesAreNotHere() {
    var viewer = given().auth().preemptive().basic("watcher", "viewer-secret");
    viewer
        .get("/console")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/console/utility/flows\""))
        .body(containsString("href=\"/console/meter-data\""));
    given()
        .auth()
        .preemptive()
        .basic("ops", "operator-secret")
        .get("/console/meter-data")
        .then()
        .statusCode(200)
        .body(containsString("Meter data imports"));
    given().get("/console/meter-data").then().statusCode(401);
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/utility/consumers")
        .then()
        .statusCode(200)
        .body(containsString("id=\"consumers\""));
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/utility/trades")
        .then()
        .statusCode(200);
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/utility/flows")
        .then()
        .statusCode(200)
        .body(containsString("P2P flows per DISCOM pair"));
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/seller/orders")
        .then()
        .statusCode(404);
  }

  @Test
  void consumersShowTheirHeadroomAndTheFlowsSumEachHourOfEachPair() throws SQLException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String buyer = "AAA-CONSOLE-" + suffix;
    String order = "u-" + suffix;
    Instant slot = TradingRules.ies().firstTradableSlot(Instant.now());
    OffsetDateTime start = slot.atOffset(ZoneOffset.UTC);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO utility_consumer (meter_id, customer_id, sanctioned_load_kw,"
              + " installed_capacity_kw, state_code, created_at) VALUES (?, ?, 6, 3, 'DL', ?)",
          buyer,
          "C-" + suffix,
          now);
      update(
          c,
          "INSERT INTO utility_order (id, platform_id, platform_uri, domain, transaction_id,"
              + " status, order_json, created_at, updated_at) VALUES (?, 'bpp.console',"
              + " 'http://bpp.invalid', 'test', ?, 'CONFIRMED', ?, ?, ?)",
          order,
          UUID.randomUUID().toString(),
          "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          now,
          now);
      update(
          c,
          "INSERT INTO utility_trade (id, order_id, line_no, buyer_meter_id, buyer_discom_id,"
              + " seller_meter_id, seller_discom_id, slot_start, slot_end, quantity_kwh,"
              + " price_per_kwh, currency, status, created_at) VALUES (?, ?, 1, ?, 'TPDDL',"
              + " ?, 'CONSOLE', ?, ?, 2, 6, 'INR', 'CONFIRMED', ?)",
          order + "/1",
          order,
          buyer,
          "OTHER-" + suffix,
          start,
          start.plusHours(1),
          now);
      update(
          c,
          "INSERT INTO utility_delivery_report (id, trade_id, side, meter_id, allocated_kwh,"
              + " reported_at) VALUES (?, ?, 'BUYER', ?, 1.5, ?), (?, ?, 'SELLER', ?, 1.75, ?)",
          order + "/1/B",
          order + "/1",
          buyer,
          now,
          order + "/1/S",
          order + "/1",
          "OTHER-" + suffix,
          now);
    }
    // A 6 kW sanctioned load may still buy 6 - 2 kWh in the slot; 3 kW installed may sell 3.
    for (var who :
        new io.restassured.specification.RequestSpecification[] {
          given().auth().preemptive().basic("watcher", "viewer-secret"),
          given().auth().preemptive().basic("ops", "operator-secret")
        }) {
      who.get("/console/utility/consumers")
          .then()
          .statusCode(200)
          .body(containsString("<td>" + buyer + "</td>"))
          .body(containsString(slot + ": 4.000 / 3.000"));
      who.get("/console/utility/flows")
          .then()
          .statusCode(200)
          .body(containsString("CONSOLE → TPDDL"))
          .body(
              containsString(
                  "<td>" + slot + "</td><td class=\"num\">2.00</td><td class=\"num\">1.50</td>"));
    }
    given().get("/console/utility/consumers").then().statusCode(401);
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/utility/flows?from=2026-01-02&to=2025-12-01")
        .then()
        .statusCode(400);
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
