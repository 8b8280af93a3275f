package org.uei.p2p.node;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/** The business metrics a Grafana dashboard reads, after real traffic. */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class MetricsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  @RegisterExtension static final CallbackReceiver receiver = CallbackReceiver.forPeer();

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  private static boolean has(String text, String regex) {
    return Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find();
  }

  @Test
  void receivedRefusedSignatureFailuresOutboxAndLatencyAreExported() throws Exception {
    byte[] forged = TestMessages.discover(TestPeers.peerId());
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.unregisteredSigner().authorization(forged))
        .body(forged)
        .post("/discover")
        .then()
        .statusCode(401);
    byte[] body = TestMessages.discover(TestPeers.peerId());
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/discover")
        .then()
        .statusCode(200);
    receiver.await("on_discover", Envelopes.parse(body).getContext().getMessageId(), WAIT);
    Poll.until(
        () -> has(metrics(), "^uei_outbox_delivery_latency_seconds_count\\{action=\"on_discover\""),
        WAIT,
        "the callback's delivery latency recorded");
    String m = metrics();
    assertTrue(has(m, "^uei_inbound_accepted_total\\{action=\"discover\""), m);
    assertTrue(
        has(
            m,
            "^uei_inbound_refused_total\\{action=\"discover\",code=\"[0-9]+\",stage=\"signature\""),
        m);
    assertTrue(
        has(m, "^uei_inbound_signature_failures_total\\{reason=\"UNKNOWN_KEY\"\\} [1-9]"), m);
    assertTrue(has(m, "^uei_outbox_depth\\{kind=\"retrying\"\\} [0-9]"), m);
    assertTrue(has(m, "^uei_outbox_oldest_seconds [0-9]"), m);
  }
}
