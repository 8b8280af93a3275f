package org.uei.p2p.bap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
  private static CallbackReceiver sellers;

  @BeforeAll
  static void start() {
    sellers = CallbackReceiver.forPeer().start();
  }

  @AfterAll
  static void stop() {
    if (sellers != null) {
      sellers.close();
    }
  }

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
        .body(containsString("Download statement (CSV)"));
    String day = LocalDate.now().toString();
    viewer()
        .get("/console/buyer/statement.csv?from=" + day + "&to=" + day)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"));
    viewer().get("/console/buyer/statement.csv?from=yesterday").then().statusCode(400);
    viewer().get("/console/seller/orders").then().statusCode(404);
  }
}
