package org.uei.p2p.node;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.outbox.OutboxEntry;
import org.uei.p2p.node.outbox.OutboxStatus;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.VerificationResult;

/**
 * One message's trace through a node: the sender's {@code traceparent} is continued by the
 * request's server span, the inbound phases and the handling; the callback's outbox row stores the
 * trace and its delivery, on the outbox's own thread, continues it and sends {@code traceparent}
 * beside an unchanged signature. A row queued by an instance that died is delivered in the trace it
 * stored.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class TracedMessageTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final SecureRandom RANDOM = new SecureRandom();
  @RegisterExtension static final CallbackReceiver receiver = CallbackReceiver.forPeer();

  @Inject CallbackOutbox outbox;
  @Inject CollectedSpans spans;

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static Context contextOf(byte[] body) throws Exception {
    return Envelopes.parse(body).getContext();
  }

  private SpanData span(String traceId, String name) {
    Poll.until(() -> named(traceId, name).isPresent(), WAIT, "span " + name + " exported");
    return named(traceId, name).orElseThrow();
  }

  private Optional<SpanData> named(String traceId, String name) {
    return spans.ofTrace(traceId).stream().filter(s -> s.getName().equals(name)).findFirst();
  }

  @Test
  void aRequestsTraceRunsThroughItsStagesHandlingAndCallbackDelivery() throws Exception {
    String traceId = hex(16);
    String senderSpan = hex(8);
    byte[] body = TestMessages.status("order-traced");
    Context request = contextOf(body);
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .header("traceparent", "00-" + traceId + "-" + senderSpan + "-01")
        .body(body)
        .post("/status")
        .then()
        .statusCode(200)
        .body("message.ack.status", equalTo("ACK"));

    CallbackReceiver.Received cb = receiver.await("on_status", request.getMessageId(), WAIT);
    String sent = cb.header("traceparent");
    assertTrue(sent != null && sent.startsWith("00-" + traceId + "-"), String.valueOf(sent));
    VerificationResult check =
        BecknVerifier.of(
                StaticKeyResolver.builder()
                    .add(TestPeers.nodeId(), "k1", TestPeers.nodePublicKey())
                    .build())
            .verify(cb.header("Authorization"), cb.body(), TestPeers.nodeId());
    assertTrue(check.valid(), "traceparent leaves the signature as it was: " + check);

    SpanData server =
        spans.ofTrace(traceId).stream()
            .filter(s -> s.getKind() == SpanKind.SERVER)
            .findFirst()
            .orElseGet(
                () -> {
                  Poll.until(
                      () ->
                          spans.ofTrace(traceId).stream()
                              .anyMatch(s -> s.getKind() == SpanKind.SERVER),
                      WAIT,
                      "server span");
                  return spans.ofTrace(traceId).stream()
                      .filter(s -> s.getKind() == SpanKind.SERVER)
                      .findFirst()
                      .orElseThrow();
                });
    assertEquals(senderSpan, server.getParentSpanId(), "continues the sender's span");
    for (String phase :
        List.of("uei.inbound.verify", "uei.inbound.validate", "uei.inbound.store")) {
      assertEquals(server.getSpanId(), span(traceId, phase).getParentSpanId(), phase);
    }
    SpanData handle = span(traceId, "uei.inbound.handle");
    assertEquals(server.getSpanId(), handle.getParentSpanId());
    assertEquals(
        request.getTransactionId(),
        handle.getAttributes().get(org.uei.p2p.node.tracing.Tracing.TRANSACTION_ID));
    assertEquals(
        request.getMessageId(),
        handle.getAttributes().get(org.uei.p2p.node.tracing.Tracing.MESSAGE_ID));
    assertEquals(
        request.getTransactionId(),
        span(traceId, "uei.inbound.validate")
            .getAttributes()
            .get(org.uei.p2p.node.tracing.Tracing.TRANSACTION_ID));

    // Sent before it is written: the row follows with the attempt's outcome.
    Poll.until(() -> !outbox.byTransaction(request.getTransactionId()).isEmpty(), WAIT, "the row");
    OutboxEntry row = outbox.byTransaction(request.getTransactionId()).get(0);
    assertEquals("00-" + traceId + "-" + handle.getSpanId() + "-01", row.traceParent);
    SpanData deliver = span(traceId, "uei.outbox.deliver");
    assertEquals(handle.getSpanId(), deliver.getParentSpanId(), "restored from the row");
    SpanData post = span(traceId, "POST on_status");
    assertEquals(SpanKind.CLIENT, post.getKind());
    assertEquals(deliver.getSpanId(), post.getParentSpanId());
    assertEquals("00-" + traceId + "-" + post.getSpanId() + "-01", sent);
  }

  @Test
  void aCallbackQueuedByAnInstanceThatDiedIsDeliveredInTheTraceItStored() throws Exception {
    String traceId = hex(16);
    String queuedBy = hex(8);
    byte[] body = TestMessages.status("order-orphaned-trace");
    Context c = contextOf(body);
    Instant now = Instant.now();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              OutboxEntry e = new OutboxEntry();
              e.targetUrl = TestPeers.peerUrl();
              e.action = c.getAction();
              e.transactionId = c.getTransactionId();
              e.messageId = c.getMessageId();
              e.recipientId = TestPeers.peerId();
              e.body = body;
              e.status = OutboxStatus.PENDING;
              e.nextAttemptAt = now.minusSeconds(1);
              e.createdAt = now.minusSeconds(60);
              e.expiresAt = now.plusSeconds(3600);
              e.leaseOwner = "an-instance-that-died";
              e.leaseUntil = now.minusSeconds(1);
              e.traceParent = "00-" + traceId + "-" + queuedBy + "-01";
              e.persist();
            });

    CallbackReceiver.Received got = receiver.await("status", c.getMessageId(), WAIT);
    SpanData deliver = span(traceId, "uei.outbox.deliver");
    assertEquals(queuedBy, deliver.getParentSpanId());
    assertTrue(deliver.getParentSpanContext().isRemote());
    assertEquals(
        "00-" + traceId + "-" + span(traceId, "POST status").getSpanId() + "-01",
        got.header("traceparent"));
    Poll.until(
        () -> outbox.byTransaction(c.getTransactionId()).get(0).status == OutboxStatus.DELIVERED,
        WAIT,
        "delivered");
  }
}
