package org.uei.p2p.bpp.wave2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryException;

/**
 * What the seller platform tells the seller DISCOM's ledger provider after the trade: the buyer
 * DISCOM's allocations it accepted and the settled contract, each as an unsolicited on_status in
 * the contract's transaction to the ledger's registered Beckn URL, through the outbox. The ledger
 * cannot learn the buyer side otherwise; it never sends it back, so nothing loops.
 */
@ApplicationScoped
public class LedgerNotices {

  @Inject Registry registry;
  @Inject NodeIdentity identity;
  @Inject CallbackOutbox outbox;

  /**
   * Queues {@code message} to {@code ledger}'s provider, in the caller's transaction. A ledger the
   * registry does not know is skipped with a warning: the cascade to the buyer platform goes on.
   */
  void tell(SellerOrder o, LedgerProvider ledger, Wave2Message message) {
    String url;
    try {
      url = registry.urlOf(ledger.ledgerId(), Instant.now()).orElse(null);
    } catch (RegistryException e) {
      url = null;
    }
    if (url == null) {
      Log.warnf(
          "contract %s: the registry has no URL for ledger %s of DISCOM %s; not told",
          o.id, ledger.ledgerId(), ledger.discomId());
      return;
    }
    ObjectNode context =
        JsonNodeFactory.instance
            .objectNode()
            .put("networkId", o.domain)
            .put("version", Wave2Context.VERSION)
            .put("action", Wave2Action.ON_STATUS.wireName())
            .put("bapId", ledger.ledgerId())
            .put("bapUri", url)
            .put("bppId", identity.subscriberId())
            .put("bppUri", identity.publicUrl())
            .put("transactionId", o.transactionId)
            .put("messageId", UUID.randomUUID().toString())
            .put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
            .put("ttl", Wave2Contexts.DEFAULT_TTL.toString());
    outbox.enqueue(url, ledger.ledgerId(), Wave2Envelope.of(context, message));
  }
}
