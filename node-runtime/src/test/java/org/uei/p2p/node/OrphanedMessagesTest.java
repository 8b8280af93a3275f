package org.uei.p2p.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.node.config.InstanceId;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.outbox.OutboxEntry;
import org.uei.p2p.node.outbox.OutboxStatus;
import org.uei.p2p.node.store.HandlingClaims;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.node.wire.WireContext;

/**
 * Messages another instance stored and ACKed but died before handling: this instance takes them
 * over once their handling lease ran out, and leaves alone those whose holder is still within it.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class OrphanedMessagesTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject MessageStore store;
  @Inject HandlingClaims claims;
  @Inject CallbackOutbox outbox;
  @Inject InstanceId instance;

  @RegisterExtension static final CallbackReceiver receiver = CallbackReceiver.forPeer();

  /**
   * Stores a status request as if {@code owner} had received it and holds it until {@code until}.
   */
  private Long storedBy(String owner, Instant until, byte[] body) throws Exception {
    var context = contextOf(body);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Long id =
                  store.saveInbound(
                      "status",
                      WireContext.of(context),
                      TestPeers.peerId(),
                      Map.of(),
                      body,
                      Instant.now());
              StoredMessage.update(
                  "handlingOwner = ?1, handlingUntil = ?2 where id = ?3", owner, until, id);
              return id;
            });
  }

  private static org.uei.p2p.model.envelope.Context contextOf(byte[] status) throws Exception {
    return Envelopes.parse(status, org.uei.p2p.model.envelope.Action.STATUS, OrderMessage.class)
        .getContext();
  }

  private static StoredMessage row(Long id) {
    return QuarkusTransaction.requiringNew().call(() -> StoredMessage.findById(id));
  }

  @Test
  void aDeadInstancesMessageIsHandledHereOnceItsLeaseRanOut() throws Exception {
    byte[] body = TestMessages.status("order-orphaned");
    String txn = contextOf(body).getTransactionId();
    Long id = storedBy("instance-dead", Instant.now().minusSeconds(1), body);
    Poll.until(() -> row(id).handledAt != null, WAIT, "the orphaned message to be handled");
    assertEquals(instance.value(), row(id).handlingOwner);
    assertEquals(1, outbox.byTransaction(txn).size(), "its callback was queued once");
  }

  @Test
  void aResumedHandlingsCallbackThatTheReceiverAlreadyHasCountsAsDelivered() throws Exception {
    // The dead instance may have sent the callback before it died: the copy the resumed handling
    // sends meets the receiver's replay guard.
    receiver.answerNext(
        new CallbackReceiver.Answer(
            409,
            org.uei.p2p.model.envelope.AckResponse.nack(
                    org.uei.p2p.model.envelope.BecknError.of(
                        org.uei.p2p.model.envelope.ErrorCode.INVALID_REQUEST,
                        "message_id already received",
                        "context.message_id"))
                .toWave1Json()));
    byte[] body = TestMessages.status("order-resumed-twice");
    String txn = contextOf(body).getTransactionId();
    Long id = storedBy("instance-dead", Instant.now().minusSeconds(1), body);
    Poll.until(() -> row(id).handledAt != null, WAIT, "the orphaned message to be handled");
    List<OutboxEntry> rows = outbox.byTransaction(txn);
    assertEquals(1, rows.size());
    assertEquals(OutboxStatus.DELIVERED, rows.get(0).status, rows.get(0).lastError);
    assertEquals(1, rows.get(0).attempts);
  }

  @Test
  void aMessageWithinItsHoldersLeaseIsNotTakenOver() throws Exception {
    byte[] body = TestMessages.status("order-held");
    Long id = storedBy("instance-alive", Instant.now().plusSeconds(600), body);
    assertTrue(
        claims.claim(Instant.now(), Instant.EPOCH, Duration.ofSeconds(30), 1000).stream()
            .noneMatch(m -> m.id.equals(id)));
    StoredMessage m = row(id);
    assertNull(m.handledAt);
    assertEquals("instance-alive", m.handlingOwner);
    // Marked handled by its holder, so that a later start does not hand it over either.
    store.markHandled(java.util.List.of(id));
  }
}
