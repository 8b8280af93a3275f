package org.uei.p2p.node;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.outbox.OutboxEntry;
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

@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class InboundPipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  @RegisterExtension static final CallbackReceiver receiver = CallbackReceiver.forPeer();

  @Inject MessageStore store;
  @Inject CallbackOutbox outbox;
  @Inject StoredMessages storedEvents;
  @Inject org.uei.p2p.node.outbox.OutboxWorker worker;
  @Inject org.uei.p2p.node.inbound.WorkBacklog backlog;

  private static Response post(String action, byte[] body, BecknSigner signer) {
    var request = given().contentType("application/json").body(body);
    if (signer != null) {
      request = request.header("Authorization", signer.authorization(body));
    }
    return request.post("/" + action);
  }

  private static String transactionOf(byte[] body) {
    return contextOf(body).getTransactionId();
  }

  private static String messageOf(byte[] body) {
    return contextOf(body).getMessageId();
  }

  private static org.uei.p2p.model.envelope.Context contextOf(byte[] body) {
    try {
      return Envelopes.parse(body).getContext();
    } catch (org.uei.p2p.model.envelope.MessageParseException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void signedRequestIsStoredThenAckedAndAnsweredWithASignedCallback() throws Exception {
    byte[] body = TestMessages.discover(TestPeers.peerId());
    post("discover", body, TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("ACK"));

    List<StoredMessage> stored = store.byTransaction(transactionOf(body));
    StoredMessage in = stored.get(0);
    assertEquals(Direction.IN, in.direction);
    assertEquals("discover", in.action);
    assertEquals(TestPeers.peerId(), in.senderId);
    assertArrayEquals(body, in.body, "the exact bytes received are stored");
    assertTrue(
        in.headers.contains("Signature keyId=\\\"" + TestPeers.peerId() + "|k1|ed25519"),
        in.headers);
    assertTrue(storedEvents.ids().contains(in.id), "store event fired for the inbound message");

    CallbackReceiver.Received cb = receiver.await("on_discover", messageOf(body), WAIT);
    BecknVerifier nodeKey =
        BecknVerifier.of(
            StaticKeyResolver.builder()
                .add(TestPeers.nodeId(), "k1", TestPeers.nodePublicKey())
                .build());
    VerificationResult check =
        nodeKey.verify(cb.header("Authorization"), cb.body(), TestPeers.nodeId());
    assertTrue(check.valid(), check.toString());
    assertEquals("on_discover", Envelopes.parse(cb.body()).getContext().getAction());

    Poll.until(
        () ->
            outbox.byTransaction(transactionOf(body)).stream()
                .anyMatch(e -> e.status == OutboxStatus.DELIVERED),
        WAIT,
        "outbox entry marked delivered");
    Poll.until(
        () ->
            store.byTransaction(transactionOf(body)).stream()
                .anyMatch(
                    m ->
                        m.direction == Direction.OUT
                            && m.action.equals("on_discover")
                            && m.httpStatus == 200),
        WAIT,
        "sent on_discover kept in the transaction store");
    Poll.until(
        () -> store.byTransaction(transactionOf(body)).get(0).handledAt != null,
        WAIT,
        "marked handled");
  }

  @Test
  void tamperedBodyIsRefusedWith401AndWwwAuthenticate() throws Exception {
    byte[] body = TestMessages.discover(TestPeers.peerId());
    String authorization = TestPeers.peerSigner().authorization(body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("SOLAR", "WIND_")
            .getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/json")
        .header("Authorization", authorization)
        .body(tampered)
        .post("/discover")
        .then()
        .statusCode(401)
        .header(
            "WWW-Authenticate", containsString("Signature realm=\"" + TestPeers.nodeId() + "\""))
        .body("message.ack.status", equalTo("NACK"))
        .body("error.message", containsString("BAD_SIGNATURE"));
    assertTrue(store.byTransaction(transactionOf(body)).isEmpty(), "nothing stored");
  }

  @Test
  void missingSignatureIsRefused() {
    post("discover", TestMessages.discover(TestPeers.peerId()), null)
        .then()
        .statusCode(401)
        .body("error.message", containsString("MISSING"));
  }

  @Test
  void unknownSignerKeyIsRefused() {
    post("discover", TestMessages.discover(TestPeers.peerId()), TestPeers.unregisteredSigner())
        .then()
        .statusCode(401)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.message", containsString("UNKNOWN_KEY"));
  }

  @Test
  void registeredSignerSpeakingForAnotherBapIsRefused() {
    // Validly signed by a registered participant, but the context claims to be the peer.
    post("discover", TestMessages.discover(TestPeers.peerId()), TestPeers.intruderSigner())
        .then()
        .statusCode(401)
        .body("error.message", containsString("SIGNER_MISMATCH"));
  }

  @Test
  void invalidMessageIsRefusedWithCodeAndPath() {
    String json =
        new String(TestMessages.discover(TestPeers.peerId()), StandardCharsets.UTF_8)
            .replaceFirst("\"ttl\":\"PT30S\"", "\"ttl\":\"thirty seconds\"");
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    post("discover", body, TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("30000"))
        .body("error.paths", containsString("context.ttl"));
  }

  @Test
  void brokenJsonIsRefused() {
    byte[] body = "{\"context\": {".getBytes(StandardCharsets.UTF_8);
    post("discover", body, TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("error.code", equalTo("30000"));
  }

  @Test
  void actionPostedToTheWrongEndpointIsRefused() {
    post("select", TestMessages.discover(TestPeers.peerId()), TestPeers.peerSigner())
        .then()
        .statusCode(400)
        .body("error.paths", containsString("context.action"));
  }

  @Test
  void unacceptedActionIsRefused() {
    post("on_select", TestMessages.discover(TestPeers.peerId()), TestPeers.peerSigner())
        .then()
        .statusCode(404)
        .body("error.code", equalTo("40001"));
  }

  @Test
  void oversizedBodyIsRefusedWith413() {
    byte[] body = new byte[70_000];
    java.util.Arrays.fill(body, (byte) ' ');
    post("discover", body, TestPeers.peerSigner())
        .then()
        .statusCode(413)
        .body("message.ack.status", equalTo("NACK"));
  }

  @Test
  void replayedMessageIdIsRefusedAndOnlyOneCopyIsStored() throws Exception {
    byte[] body = TestMessages.discover(TestPeers.peerId());
    post("discover", body, TestPeers.peerSigner()).then().statusCode(200);
    post("discover", body, TestPeers.peerSigner())
        .then()
        .statusCode(409)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.paths", equalTo("context.message_id"));
    assertEquals(
        1,
        store.byTransaction(transactionOf(body)).stream()
            .filter(m -> m.direction == Direction.IN)
            .count());
  }

  @Test
  void concurrentCopiesOfOneMessageAreAcceptedOnce() throws Exception {
    byte[] body = TestMessages.discover(TestPeers.peerId());
    String authorization = TestPeers.peerSigner().authorization(body);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> copies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        copies.add(
            () ->
                given()
                    .contentType("application/json")
                    .header("Authorization", authorization)
                    .body(body)
                    .post("/discover")
                    .statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(copies)) {
        statuses.add(f.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
      assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1,
        store.byTransaction(transactionOf(body)).stream()
            .filter(m -> m.direction == Direction.IN)
            .count());
  }

  @Test
  void businessRefusalFromTheHandlerIsANackAndNothingIsStored() throws Exception {
    byte[] body = TestMessages.status("unknown-order-1");
    post("status", body, TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("NACK"))
        .body("error.code", equalTo("30010"));
    assertTrue(store.byTransaction(transactionOf(body)).isEmpty());
    // The refused message did not consume its message_id: a corrected resend is judged afresh.
    post("status", body, TestPeers.peerSigner())
        .then()
        .statusCode(200)
        .body("error.code", equalTo("30010"));
  }

  @Test
  void callbackWaitsInTheOutboxWhileTheReceiverIsDown() throws Exception {
    receiver.stop();
    byte[] body = TestMessages.status("order-42");
    try {
      post("status", body, TestPeers.peerSigner())
          .then()
          .statusCode(200)
          .body("message.ack.status", equalTo("ACK"));
      String txn = transactionOf(body);
      Poll.until(
          () -> outbox.byTransaction(txn).stream().anyMatch(e -> e.attempts >= 2),
          WAIT,
          "two failed delivery attempts");
      OutboxEntry entry = outbox.byTransaction(txn).get(0);
      assertEquals(OutboxStatus.PENDING, entry.status);
      assertTrue(entry.lastError.contains("cannot reach"), entry.lastError);
    } finally {
      receiver.start();
    }
    receiver.await("on_status", messageOf(body), WAIT);
    Poll.until(
        () -> outbox.byTransaction(transactionOf(body)).get(0).status == OutboxStatus.DELIVERED,
        WAIT,
        "delivered after the receiver came back");
    OutboxEntry delivered = outbox.byTransaction(transactionOf(body)).get(0);
    assertTrue(delivered.attempts >= 3, "two failed attempts and the delivery");
    assertNull(delivered.lastError, "the earlier failure is cleared");
    assertNull(delivered.leaseOwner);
    assertNull(delivered.leaseUntil);
    assertTrue(!delivered.deliveredAt.isBefore(delivered.createdAt), "delivered after queued");
  }

  @Test
  void concurrentDeliveryAttemptsOfOneEntrySendItOnce() throws Exception {
    receiver.stop();
    byte[] body = TestMessages.status("order-claimed");
    String txn = transactionOf(body);
    try {
      post("status", body, TestPeers.peerSigner()).then().statusCode(200);
      Poll.until(
          () -> outbox.byTransaction(txn).stream().anyMatch(e -> e.attempts >= 1),
          WAIT,
          "a failed attempt");
    } finally {
      receiver.start();
    }
    Long id = outbox.byTransaction(txn).get(0).id;
    Poll.until(
        () -> Instant.now().isAfter(outbox.byTransaction(txn).get(0).nextAttemptAt),
        WAIT,
        "the entry to fall due");
    // Six workers (as six node instances would) race for the same due row.
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Void>> attempts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        attempts.add(
            () -> {
              worker.deliver(id);
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(attempts)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Poll.until(
        () -> outbox.byTransaction(txn).get(0).status == OutboxStatus.DELIVERED, WAIT, "delivered");
    assertEquals(
        1,
        receiver.received().stream()
            .filter(r -> r.action().equals("on_status") && r.bodyText().contains(messageOf(body)))
            .count());
  }

  @Test
  void aHandlersCallbackIsSentFirstAndWrittenBeforeItsMessageIsMarkedHandled() throws Exception {
    byte[] body = TestMessages.discover(TestPeers.peerId());
    post("discover", body, TestPeers.peerSigner()).then().statusCode(200);
    String txn = transactionOf(body);
    Poll.until(
        () ->
            store.byTransaction(txn).stream()
                .anyMatch(m -> m.direction == Direction.IN && m.handledAt != null),
        WAIT,
        "the message marked handled");
    List<OutboxEntry> rows = outbox.byTransaction(txn);
    assertEquals(1, rows.size(), "its callback's row is written before the mark");
    OutboxEntry row = rows.get(0);
    assertEquals(OutboxStatus.DELIVERED, row.status, "written with its first attempt's outcome");
    assertEquals(1, row.attempts);
    assertNull(row.leaseOwner);
    assertTrue(row.deliveredAt != null && !row.deliveredAt.isBefore(row.createdAt));
  }

  @Test
  void whileHandlingACallbackIsQueuedWithoutARowAndItsFutureCompletesOnceTheRowIsWritten()
      throws Exception {
    byte[] body = TestMessages.status("order-sent-first");
    var request =
        Envelopes.parse(
            body,
            org.uei.p2p.model.envelope.Action.STATUS,
            org.uei.p2p.model.envelope.OrderMessage.class);
    var callback =
        new org.uei.p2p.model.envelope.Envelope<>(
            org.uei.p2p.model.envelope.Contexts.callbackFor(
                request.getContext(), java.time.Clock.systemUTC()),
            request.getMessage());
    String to = request.getContext().getBapUri();
    Long[] id = new Long[1];
    var written =
        outbox.whileHandling(false, () -> id[0] = outbox.enqueue(to, TestPeers.peerId(), callback));
    assertNull(id[0], "no row yet: it is written after the attempt");
    written.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    List<OutboxEntry> rows = outbox.byTransaction(transactionOf(body));
    assertEquals(1, rows.size(), "the row is there when the future completes");
    assertEquals(OutboxStatus.DELIVERED, rows.get(0).status);
    receiver.await("on_status", messageOf(body), WAIT);

    // Outside a handling, the row commits before enqueue returns.
    callback.getContext().setMessageId(java.util.UUID.randomUUID().toString());
    Long queued = outbox.enqueue(to, TestPeers.peerId(), callback);
    assertTrue(
        outbox.byTransaction(transactionOf(body)).stream().anyMatch(e -> e.id.equals(queued)));
  }

  @Test
  void aResendThatTheReceiverAlreadyHasCountsAsDeliveredButAFirstAttemptRefusedAs409DoesNot()
      throws Exception {
    byte[] conflict =
        org.uei.p2p.model.envelope.AckResponse.nack(
                org.uei.p2p.model.envelope.BecknError.of(
                    org.uei.p2p.model.envelope.ErrorCode.INVALID_REQUEST,
                    "message_id already received",
                    "context.message_id"))
            .toWave1Json();
    // First attempt: the receiver stored it but its answer was lost (a 502 from a proxy, say);
    // the resend then meets its replay guard.
    receiver.answerNext(
        new CallbackReceiver.Answer(502, "bad gateway".getBytes(StandardCharsets.UTF_8)));
    receiver.answerNext(new CallbackReceiver.Answer(409, conflict));
    byte[] resent = TestMessages.status("order-resent");
    post("status", resent, TestPeers.peerSigner()).then().statusCode(200);
    Poll.until(
        () ->
            outbox.byTransaction(transactionOf(resent)).stream()
                .anyMatch(e -> e.status != OutboxStatus.PENDING),
        WAIT,
        "the resend answered");
    OutboxEntry entry = outbox.byTransaction(transactionOf(resent)).get(0);
    assertEquals(OutboxStatus.DELIVERED, entry.status, entry.lastError);
    assertEquals(2, entry.attempts);

    receiver.answerNext(new CallbackReceiver.Answer(409, conflict));
    byte[] clash = TestMessages.status("order-clash");
    post("status", clash, TestPeers.peerSigner()).then().statusCode(200);
    Poll.until(
        () ->
            outbox.byTransaction(transactionOf(clash)).stream()
                .anyMatch(e -> e.status != OutboxStatus.PENDING),
        WAIT,
        "the first attempt answered");
    assertEquals(
        OutboxStatus.REFUSED,
        outbox.byTransaction(transactionOf(clash)).get(0).status,
        "a 409 to a first attempt means the message_id clashes with another message");
  }

  @Test
  void aBusyNodeHoldsRequestsThenRefusesThemWith503AndStoresNothing() throws Exception {
    int limit = backlog.limit();
    for (int i = 0; i < limit; i++) {
      backlog.add();
    }
    byte[] refused = TestMessages.discover(TestPeers.peerId());
    byte[] held = TestMessages.discover(TestPeers.peerId());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      post("discover", refused, TestPeers.peerSigner())
          .then()
          .statusCode(503)
          .header("Retry-After", "1")
          .body("message.ack.status", equalTo("NACK"))
          .body("error.message", containsString("busy"));
      assertTrue(store.byTransaction(transactionOf(refused)).isEmpty(), "nothing stored");

      Future<Integer> waiting =
          pool.submit(() -> post("discover", held, TestPeers.peerSigner()).statusCode());
      Poll.until(() -> backlog.waiting() == 1, WAIT, "the request to wait for room");
      backlog.done();
      assertEquals(
          200,
          waiting.get(30, java.util.concurrent.TimeUnit.SECONDS),
          "room made, the request goes on");
    } finally {
      for (int i = 0; i < limit - 1; i++) {
        backlog.done();
      }
      pool.shutdownNow();
    }
    assertEquals(
        1,
        store.byTransaction(transactionOf(held)).stream()
            .filter(m -> m.direction == Direction.IN)
            .count(),
        "the held request was stored once");
    // The refused message did not consume its message_id.
    post("discover", refused, TestPeers.peerSigner()).then().statusCode(200);
  }

  @Test
  void healthMetricsAndOpenApiAreServed() {
    given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/metrics").then().statusCode(200).body(containsString("uei_inbound_accepted"));
    given().get("/q/openapi").then().statusCode(200);
  }
}
