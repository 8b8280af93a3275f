package org.uei.p2p.bpp.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.node.audit.TreeHeadAnchors;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * Unsolicited {@code on_status} / {@code on_update}: the seller platform tells the buyer platform
 * about an order without being asked, in the order's transaction with a new message id.
 */
@ApplicationScoped
public class Notifications {

  @Inject OrderService orders;
  @Inject OrderQuotes quotes;
  @Inject NodeIdentity identity;
  @Inject CallbackOutbox outbox;
  @Inject TreeHeadAnchors anchors;

  /**
   * Queues an unsolicited callback with the order's current state.
   *
   * @param action ON_STATUS or ON_UPDATE
   * @return the context sent
   */
  public Context send(SellerOrder order, Action action) {
    return send(order, action, quotes.withPaymentTerms(orders.view(order), "AUTHORIZED"));
  }

  /** Queues an unsolicited callback carrying {@code m} (delivery and settlement reports). */
  public Context send(SellerOrder order, Action action, Message m) {
    Context base = new Context();
    base.setDomain(order.domain);
    base.setVersion(Contexts.VERSION);
    base.setTransactionId(order.transactionId);
    base.setBapId(order.bapId);
    base.setBapUri(order.bapUri);
    base.setBppId(identity.subscriberId());
    base.setBppUri(identity.publicUrl());
    Context c = Contexts.unsolicited(action, base, Clock.systemUTC());
    if (action == Action.ON_STATUS) {
      anchors.attach(m);
    }
    outbox.enqueue(order.bapUri, order.bapId, new Envelope<>(c, m));
    return c;
  }
}
