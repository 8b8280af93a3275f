package org.uei.p2p.bap.cascade;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * Queues the cascade's unsolicited wave-2 {@code on_status}: from this platform ({@code bppId}) to
 * another party of the contract ({@code bapId}: the seller platform or a ledger provider), with a
 * new message id, in the caller's transaction so that it goes out exactly when what caused it is
 * recorded.
 */
@ApplicationScoped
public class CascadeMessages {

  private static final JsonNodeFactory F = new JsonNodeFactory(true);

  @Inject NodeIdentity identity;
  @Inject Wave2Network network;
  @Inject CallbackOutbox outbox;

  /** Queues an on_status carrying {@code contract} in {@code transactionId} to {@code to}. */
  public void onStatus(String to, String toUri, String transactionId, ObjectNode contract) {
    ObjectNode context =
        F.objectNode()
            .put("networkId", network.networkId())
            .put("version", Wave2Context.VERSION)
            .put("action", Wave2Action.ON_STATUS.wireName())
            .put("bapId", to)
            .put("bapUri", toUri)
            .put("bppId", identity.subscriberId())
            .put("bppUri", identity.publicUrl())
            .put("transactionId", transactionId)
            .put("messageId", UUID.randomUUID().toString())
            .put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
            .put("ttl", Wave2Contexts.DEFAULT_TTL.toString());
    ObjectNode root = F.objectNode();
    root.set("context", context);
    root.putObject("message").set("contract", contract);
    try {
      outbox.enqueue(toUri, to, Wave2Envelope.fromTree(root));
    } catch (MessageParseException e) {
      throw new IllegalStateException("an on_status this node built is not valid wave-2 JSON", e);
    }
  }
}
