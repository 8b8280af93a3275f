package org.uei.p2p.bpp.utility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.TestNetwork;

/** A utility node's console: its own pages, not the seller platform's. */
@QuarkusTest
@TestProfile(UtilityNodeTest.UtilityMode.class)
@QuarkusTestResource(TestNetwork.class)
class UtilityConsoleTest {

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
}
