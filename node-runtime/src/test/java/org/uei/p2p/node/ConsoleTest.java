package org.uei.p2p.node;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.node.console.OutboxView;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.outbox.OutboxStatus;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * The console as its users meet it over HTTP: refused without a login, read by a viewer, acted on
 * only by an operator, a refused callback retried until the receiver ACKs it, the transaction page
 * with its signature checks, and the audit verification.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class ConsoleTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String NACK =
      "{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"30000\",\"message\":\"no\"}}";
  @RegisterExtension static final CallbackReceiver receiver = CallbackReceiver.forPeer();

  @Inject CallbackOutbox outbox;

  @Inject OutboxView outboxView;

  @Inject org.uei.p2p.node.config.NodeConfig config;

  @Test
  void everyPageAsksForALogin() {
    for (String path : new String[] {"/console", "/console/callbacks", "/console/audit"}) {
      given().redirects().follow(false).get(path).then().statusCode(401);
      given().auth().preemptive().basic("watcher", "wrong").get(path).then().statusCode(401);
      given().auth().preemptive().basic("nobody", "viewer-secret").get(path).then().statusCode(401);
    }
  }

  @Test
  void aViewerReadsTheOverviewWithTheMarketClockAndNoSecret() {
    String page =
        given()
            .auth()
            .preemptive()
            .basic("watcher", "viewer-secret")
            .get("/console")
            .then()
            .statusCode(200)
            .header("Content-Security-Policy", containsString("default-src 'self'"))
            .body(containsString(TestPeers.nodeId()))
            .body(containsString("Market time"))
            .body(containsString("viewer (read only)"))
            .body(containsString("<svg"))
            .extract()
            .asString();
    config
        .privateKey()
        .ifPresent(k -> assertFalse(page.contains(k), "the private key is never shown"));
  }

  @Test
  void aRefusedCallbackIsRetriedByAnOperatorOnlyAndThenDelivered() throws Exception {
    receiver.answerNext(new CallbackReceiver.Answer(400, NACK.getBytes(StandardCharsets.UTF_8)));
    byte[] body = TestMessages.discover(TestPeers.peerId());
    String txn = Envelopes.parse(body).getContext().getTransactionId();
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/discover")
        .then()
        .statusCode(200);
    Poll.until(() -> status(txn) == OutboxStatus.REFUSED, WAIT, "the callback refused");
    long id = outbox.byTransaction(txn).get(0).id;

    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/callbacks?kind=refused")
        .then()
        .statusCode(200)
        .body(containsString("/console/transactions/" + txn))
        .body(containsString("operators may retry"))
        .body(not(containsString("/retry")));
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .post("/console/callbacks/" + id + "/retry")
        .then()
        .statusCode(403);
    given()
        .auth()
        .preemptive()
        .basic("ops", "operator-secret")
        .header("Origin", "http://elsewhere.example")
        .post("/console/callbacks/" + id + "/retry")
        .then()
        .statusCode(403);
    assertEquals(OutboxStatus.REFUSED, status(txn), "neither refused post changed the row");

    given()
        .auth()
        .preemptive()
        .basic("ops", "operator-secret")
        .get("/console/callbacks?kind=refused")
        .then()
        .body(containsString("/console/callbacks/" + id + "/retry"));
    given()
        .auth()
        .preemptive()
        .basic("ops", "operator-secret")
        .redirects()
        .follow(false)
        .post("/console/callbacks/" + id + "/retry?kind=refused")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/callbacks?kind=refused&retried=" + id));
    Poll.until(() -> status(txn) == OutboxStatus.DELIVERED, WAIT, "the retried callback ACKed");
    given()
        .auth()
        .preemptive()
        .basic("ops", "operator-secret")
        .post("/console/callbacks/" + id + "/retry")
        .then()
        .statusCode(409);

    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/transactions/" + txn)
        .then()
        .statusCode(200)
        .body(containsString("on_discover"))
        .body(containsString("valid: signed by " + TestPeers.peerId()))
        .body(containsString("valid: signed by " + TestPeers.nodeId()))
        .body(containsString("NACK (HTTP 400) 30000: no"))
        .body(containsString("ACK (HTTP 200)"));
  }

  @Test
  void theLastHourCountsADeliveredCallbackWithItsLatency() throws Exception {
    byte[] body = TestMessages.discover(TestPeers.peerId());
    String txn = Envelopes.parse(body).getContext().getTransactionId();
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/discover")
        .then()
        .statusCode(200);
    Poll.until(() -> status(txn) == OutboxStatus.DELIVERED, WAIT, "the callback ACKed");
    java.util.List<OutboxView.Bucket> hour = outboxView.lastHour(java.time.Instant.now());
    assertEquals(12, hour.size());
    OutboxView.Bucket last = hour.get(11);
    assertTrue(last.delivered() >= 1, hour.toString());
    assertTrue(last.averageLatencyMillis() >= 0, hour.toString());
    given()
        .auth()
        .preemptive()
        .basic("ops", "operator-secret")
        .get("/console")
        .then()
        .statusCode(200)
        .body(containsString("id=\"chart-backlog\""))
        .body(containsString("id=\"chart-latency\""));
  }

  @Test
  void theAuditVerificationReportsSuccess() {
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .post("/console/audit/verify")
        .then()
        .statusCode(200)
        .body(containsString("id=\"verify-result\""))
        .body(containsString("audit log verified: "));
  }

  @Test
  void theStyleSheetIsServedAndNothingElse() {
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/static/console.css")
        .then()
        .statusCode(200)
        .contentType(containsString("text/css"));
    given()
        .auth()
        .preemptive()
        .basic("watcher", "viewer-secret")
        .get("/console/static/application.properties")
        .then()
        .statusCode(404);
  }

  private OutboxStatus status(String txn) {
    var rows = outbox.byTransaction(txn);
    return rows.isEmpty() ? null : rows.get(0).status;
  }
}
