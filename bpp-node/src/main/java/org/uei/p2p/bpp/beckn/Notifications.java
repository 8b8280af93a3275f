package org.uei.p2p.bpp.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
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
    if (action == Action.ON_STATUS) {
      anchors.attach(m);
    }
    return unsolicited(order.domain, order.transactionId, order.bapId, order.bapUri, action, m);
  }

  /**
   * Queues an unsolicited callback from this node to {@code bapId} within transaction {@code
   * transactionId}.
   */
  public Context unsolicited(
      String domain, String transactionId, String bapId, String bapUri, Action action, Message m) {
    Context base = new Context();
    base.setDomain(domain);
    base.setVersion(Contexts.VERSION);
    base.setTransactionId(transactionId);
    base.setBapId(bapId);
    base.setBapUri(bapUri);
    base.setBppId(identity.subscriberId());
    base.setBppUri(identity.publicUrl());
    Context c = Contexts.unsolicited(action, base, Clock.systemUTC());
    outbox.enqueue(bapUri, bapId, new Envelope<>(c, m));
    return c;
  }

  /**
   * Queues the answer to {@code request}. It always names this node as the BPP (a discover that
   * came through a gateway names none); a successful on_confirm or on_status carries the audit
   * log's latest signed tree head.
   */
  public void reply(Context request, Message message, BecknError error) {
    Envelope<Message> callback =
        new Envelope<>(Contexts.callbackFor(request, Clock.systemUTC()), message);
    callback.getContext().setBppId(identity.subscriberId());
    callback.getContext().setBppUri(identity.publicUrl());
    if (error == null
        && (Action.ON_CONFIRM.wireName().equals(callback.getContext().getAction())
            || Action.ON_STATUS.wireName().equals(callback.getContext().getAction()))) {
      anchors.attach(message);
    }
    callback.setError(error);
    outbox.enqueue(request.getBapUri(), request.getBapId(), callback);
  }
}
