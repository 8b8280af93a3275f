package org.uei.p2p.node;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.outbox.OutboxStatus;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.VerificationResult;

/**
 * IES wave 2 through the whole runtime of a node that speaks both wires: received, checked, stored,
 * ACKed in the LTS shape, handled, answered with a signed callback, audited; and each refusal as a
 * wave-2 NACK with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class Wave2PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  @RegisterExtension static final CallbackReceiver receiver = CallbackReceiver.forPeer();

  @Inject MessageStore store;
  @Inject CallbackOutbox outbox;
  @Inject StoredMessages storedEvents;

  private static Wave2Contexts.Parties parties(String bapUri) {
    return new Wave2Contexts.Parties(
        Wave2TestMessages.NETWORK,
        TestPeers.peerId(),
        bapUri,
        TestPeers.nodeId(),
        TestPeers.nodeUrl());
  }

  private static Wave2Envelope init() {
    return Wave2TestMessages.request(Wave2Action.INIT, "init", parties(TestPeers.peerUrl()));
  }

  private static Response post(String action, byte[] body, BecknSigner signer) {
    var request = given().contentType("application/json").body(body);
    if (signer != null) {
      request = request.header("Authorization", signer.authorization(body));
    }
    return request.post("/" + action);
  }

  private List<StoredMessage> storedIn(String transactionId) {
    return store.byTransaction(transactionId).stream()
        .filter(m -> m.direction == Direction.IN)
        .toList();
  }

  @Test
  void signedInitIsStoredAckedInTheLtsShapeAndAnsweredWithASignedOnInit() throws Exception {
    Wave2Envelope init = init();
    byte[] body = init.write();
    String txn = init.context().transactionId();
    // The peer answers the callback as the reference adapter does.
    receiver.answerNext(
        new CallbackReceiver.Answer(
            200, "{\"message\":{\"status\":\"ACK\"}}".getBytes(StandardCharsets.UTF_8)));
    post("init", body, TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("status", equalTo("ACK"));

    StoredMessage in = storedIn(txn).get(0);
    assertEquals("init", in.action);
    assertEquals(init.context().messageId(), in.messageId);
    assertEquals(TestPeers.peerId(), in.senderId);
    assertEquals(TestPeers.nodeId(), in.recipientId);
    assertArrayEquals(body, in.body, "the exact bytes received are stored");
    assertTrue(storedEvents.ids().contains(in.id), "queued for the audit log with the message");

    CallbackReceiver.Received cb = receiver.await("on_init", init.context().messageId(), WAIT);
    VerificationResult check =
        BecknVerifier.of(
                StaticKeyResolver.builder()
                    .add(TestPeers.nodeId(), "k1", TestPeers.nodePublicKey())
                    .build())
            .verify(cb.header("Authorization"), cb.body(), TestPeers.nodeId());
    assertTrue(check.valid(), check.toString());
    Wave2Envelope onInit = Wave2Envelope.parse(cb.body());
    assertEquals("on_init", onInit.context().action());
    for (String member :
        List.of(
            "networkId",
            "version",
            "bapId",
            "bapUri",
            "bppId",
            "bppUri",
            "transactionId",
            "messageId")) {
      assertEquals(init.context().member(member), onInit.context().member(member), member);
    }
    assertEquals(init.message().toJson(), onInit.message().toJson());

    Poll.until(
        () -> outbox.byTransaction(txn).stream().anyMatch(e -> e.status == OutboxStatus.DELIVERED),
        WAIT,
        "the reference adapter's ACK counts as delivered");
    Poll.until(
        () ->
            store.byTransaction(txn).stream()
                .anyMatch(
                    m ->
                        m.direction == Direction.OUT
                            && m.action.equals("on_init")
                            && m.messageId.equals(init.context().messageId())
                            && TestPeers.nodeId().equals(m.senderId)
                            && m.httpStatus == 200),
        WAIT,
        "sent on_init kept in the store");
    Poll.until(() -> storedIn(txn).get(0).handledAt != null, WAIT, "marked handled");
  }

  @Test
  void catalogPublishIsServedAtItsTwoSegmentPathAndAnsweredAtCatalogOnPublish() throws Exception {
    Wave2Envelope publish =
        Wave2TestMessages.request(
            Wave2Action.CATALOG_PUBLISH,
            "catalog_publish",
            new Wave2Contexts.Parties(
                Wave2TestMessages.NETWORK, null, null, TestPeers.peerId(), TestPeers.peerUrl()));
    post("catalog/publish", publish.write(), TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("status", equalTo("ACK"));
    assertEquals("catalog/publish", storedIn(publish.context().transactionId()).get(0).action);
    CallbackReceiver.Received cb =
        receiver.await(
            r ->
                r.action().equals("on_publish")
                    && r.bodyText().contains(publish.context().messageId()),
            WAIT,
            "catalog/on_publish");
    assertEquals("catalog/on_publish", Wave2Envelope.parse(cb.body()).context().action());
  }

  @Test
  void aBadSignatureIsAWave2NackAndNothingIsStored() {
    Wave2Envelope init = init();
    byte[] body = init.write();
    String authorization = TestPeers.peerSigner().authorization(body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("DRAFT", "DRAFX")
            .getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/json")
        .header("Authorization", authorization)
        .body(tampered)
        .post("/init")
        .then()
        .statusCode(401)
        .header(
            "WWW-Authenticate", containsString("Signature realm=\"" + TestPeers.nodeId() + "\""))
        .body("status", equalTo("NACK"))
        .body("error.code", equalTo("30000"))
        .body("error.errorCode", equalTo("30000"))
        .body("error.message", containsString("BAD_SIGNATURE"));
    assertTrue(storedIn(init.context().transactionId()).isEmpty(), "nothing stored");
  }

  @Test
  void aBapUriOtherThanTheRegisteredOneIsRefusedAtContextBapUri() {
    Wave2Envelope init =
        Wave2TestMessages.request(
            Wave2Action.INIT, "init", parties("http://127.0.0.1:1/elsewhere"));
    post("init", init.write(), TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("status", equalTo("NACK"))
        .body("error.code", equalTo("30000"))
        .body("error.paths", equalTo("context.bapUri"));
    assertTrue(storedIn(init.context().transactionId()).isEmpty(), "nothing stored");
  }

  @Test
  void aReplayIsRefusedAtContextMessageIdAndStoredOnce() {
    byte[] body = init().write();
    post("init", body, TestPeers.peerSigner()).then().statusCode(200);
    post("init", body, TestPeers.peerSigner())
        .then()
        .statusCode(409)
        .body("status", equalTo("NACK"))
        .body("error.paths", equalTo("context.messageId"))
        .body("error.message", startsWith("messageId"));
    String txn = Wave2TestMessages.fixture("init").context().transactionId();
    assertTrue(storedIn(txn).isEmpty(), "the fixture's own ids are not reused");
  }

  @Test
  void anInvalidContractIsRefusedByTheWave2RulesWithItsPath() {
    Wave2Envelope bad =
        Wave2TestMessages.request(
            Wave2Action.INIT,
            "init",
            parties(TestPeers.peerUrl()),
            m -> ((ObjectNode) m.get("contract")).remove("contractAttributes"));
    post("init", bad.write(), TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("status", equalTo("NACK"))
        .body("error.code", equalTo("30000"))
        .body("error.paths", containsString("message.contract.contractAttributes"));
    assertTrue(storedIn(bad.context().transactionId()).isEmpty(), "nothing stored");
  }

  @Test
  void aBodyOfAnUnsupportedGenerationGetsOneClearNack() {
    byte[] ueiV1 =
        ("{\"context\":{\"domain\":\"uei:p2p-trading\",\"core_version\":\"1.1.0\",\"action\":\"init\","
                + "\"bap_id\":\""
                + TestPeers.peerId()
                + "\",\"transaction_id\":\"t-v1\",\"message_id\":\"m-v1\"},"
                + "\"message\":{\"order\":{}}}")
            .getBytes(StandardCharsets.UTF_8);
    post("init", ueiV1, TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("30000"))
        .body(
            "error.message",
            containsString("not UEI v1 (Beckn 1.1.0) (context.core_version is 1.1.0"));
    assertTrue(store.byTransaction("t-v1").isEmpty(), "nothing stored");
  }

  @Test
  void aWave2MessageOfAnotherNetworkIsRefusedAtContextNetworkId() {
    Wave2Envelope init =
        Wave2TestMessages.request(
            Wave2Action.INIT,
            "init",
            new Wave2Contexts.Parties(
                "indiaenergystack.in/ies-p2p-trading-network",
                TestPeers.peerId(),
                TestPeers.peerUrl(),
                TestPeers.nodeId(),
                TestPeers.nodeUrl()));
    post("init", init.write(), TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("status", equalTo("NACK"))
        .body("error.paths", equalTo("context.networkId"));
  }
}
