package org.uei.p2p.bap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/** The buyer platform's console: requests with the callbacks correlated to them, and statements. */
@QuarkusTest
@QuarkusTestResource(
    value = TestNetwork.class,
    initArgs = @ResourceArg(name = "role", value = "BAP"),
    restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WebhookResource.class, restrictToAnnotatedClass = true)
class BuyerConsoleTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  @RegisterExtension static final CallbackReceiver sellers = CallbackReceiver.forPeer();

  @Inject AgroalDataSource db;

  private static RequestSpecification viewer() {
    return given().auth().preemptive().basic("watcher", "viewer-secret");
  }

  @Test
  void aRequestShowsWithTheCallbackThatAnsweredIt() {
    JsonPath d =
        given()
            .contentType("application/json")
            .body(Map.of())
            .post("/client/discover?mode=async")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    String mid = d.getString("messageId");
    CallbackReceiver.Received r =
        sellers.await(
            x ->
                x.action().equals("discover")
                    && x.bodyText().contains(mid)
                    && SellerSide.parse(x).getContext().getBppId().equals(TestPeers.peerId()),
            WAIT,
            "discover to the test seller platform");
    Context request = SellerSide.parse(r).getContext();
    SellerSide.post(
            SellerSide.onDiscover(request, List.of(SellerSide.offer("o-console"))),
            TestPeers.peerSigner())
        .then()
        .body("message.ack.status", equalTo("ACK"));
    Poll.until(
        () -> viewer().get("/console/buyer/requests").asString().contains("on_discover at"),
        WAIT,
        "the callback shown with its request");
    viewer()
        .get("/console/buyer/requests")
        .then()
        .statusCode(200)
        .body(containsString(mid))
        .body(containsString("/console/transactions/" + d.getString("transactionId")));
    viewer()
        .get("/console/buyer/requests?action=confirm")
        .then()
        .statusCode(200)
        .body(containsString("Orders (confirms)"));
  }

  @Test
  void deliveriesAndTheStatementDownloadAnswerOnlyAfterALogin() {
    given().get("/console/buyer/deliveries").then().statusCode(401);
    viewer()
        .get("/console/buyer/deliveries")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/console/buyer/statements\""));
    String day = LocalDate.now().toString();
    viewer()
        .get("/console/buyer/statement.csv?from=" + day + "&to=" + day)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"));
    viewer().get("/console/buyer/statement.csv?from=yesterday").then().statusCode(400);
    viewer().get("/console/seller/orders").then().statusCode(404);
  }

  @Test
  void theStatementsPageShowsNetsRevenueFlowsAndTheBuyerDiscomsAllocations() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String seller = "bpp.statement-" + suffix;
    String txn = UUID.randomUUID().toString();
    OffsetDateTime slot = OffsetDateTime.parse("2025-01-10T04:30:00Z");
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO received_delivery (trade_id, seller_platform, buyer_platform,"
              + " transaction_id, buyer_meter_id, buyer_discom_id, seller_meter_id,"
              + " seller_discom_id, slot_start, slot_end, quantity_kwh, price_per_kwh, currency,"
              + " buyer_kwh, seller_kwh, delivered_kwh, received_at) VALUES (?, ?, ?, ?,"
              + " 'UP-B', 'PVVNL', 'DL-S', 'TPDDL', ?, ?, 5, 6, 'INR', 5, 4, 4, ?)",
          "o-" + suffix + "/1",
          seller,
          TestPeers.nodeId(),
          txn,
          slot,
          slot.plusHours(1),
          slot.plusDays(1));
      update(
          c,
          "INSERT INTO received_revenue_flow (contract_id, seller_platform, flow_no,"
              + " transaction_id, first_slot_start, party, amount, currency, received_at)"
              + " VALUES (?, ?, 1, ?, ?, 'buyerPlatform', -24.5, 'INR', ?)",
          "k-" + suffix,
          seller,
          txn,
          slot,
          slot.plusDays(1));
      update(
          c,
          "INSERT INTO ledger_buyer_allocation (seller_platform, contract_id, line_no,"
              + " transaction_id, ledger_id, allocated_kwh, received_at)"
              + " VALUES (?, ?, 1, ?, 'ledger.pvvnl.console', 3.5, ?)",
          seller,
          "k-" + suffix,
          txn,
          OffsetDateTime.now(ZoneOffset.UTC));
    }
    for (RequestSpecification who :
        new RequestSpecification[] {
          viewer(), given().auth().preemptive().basic("ops", "operator-secret")
        }) {
      who.get("/console/buyer/statements?from=2025-01-10&to=2025-01-10")
          .then()
          .statusCode(200)
          .body(containsString("<span id=\"statement-trades\">1</span>"))
          .body(containsString("<td>" + TestPeers.nodeId() + "</td><td>" + seller + "</td>"))
          .body(containsString("<td>k-" + suffix + "</td><td>" + seller + "</td>"))
          .body(containsString("-24.5"))
          .body(containsString("k-" + suffix + " / 1"))
          .body(containsString("ledger.pvvnl.console</td><td class=\"num\">3.5</td>"))
          .body(containsString("statement.csv?from=2025-01-10&amp;to=2025-01-10"));
    }
    viewer().get("/console/buyer/statements?from=2025-01-11&to=2025-01-10").then().statusCode(400);
    viewer().get("/console/buyer/statements?from=someday").then().statusCode(400);
    given().get("/console/buyer/statements").then().statusCode(401);
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
