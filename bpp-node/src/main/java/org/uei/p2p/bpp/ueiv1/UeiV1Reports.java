package org.uei.p2p.bpp.ueiv1;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.UeiV1DeliveryReport;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;

/**
 * The seller's unsolicited UEI v1 reports after delivery: the order as on_confirm showed it, with
 * the delivery and payment of {@link UeiV1DeliveryReport}, queued in the callback outbox (signed
 * when sent) to the buyer platform's {@code bap_uri}. The context echoes the confirm's (domain,
 * location, parties, transaction) with a new message id and timestamp, as Beckn asks of an
 * unsolicited callback. Runs in the caller's transaction, so a report goes out only if the
 * settlement it reports is stored.
 */
@ApplicationScoped
public class UeiV1Reports {

  @Inject OrderService orders;
  @Inject UeiV1Replies replies;
  @Inject NodeIdentity identity;
  @Inject CallbackOutbox outbox;

  /**
   * Queues {@code action} (ON_STATUS or ON_UPDATE) reporting {@code lines} (in line order) and
   * {@code payment} of order {@code o} at {@code at}.
   */
  public void send(
      SellerOrder o,
      UeiV1Action action,
      List<UeiV1DeliveryReport.Line> lines,
      UeiV1DeliveryReport.Payment payment,
      Instant at) {
    UeiV1Message order = replies.withPaymentTerms(orders.view(o));
    enqueue(o, action, UeiV1DeliveryReport.write(order, lines, payment, at));
  }

  /**
   * Queues {@code action} (ON_STATUS or ON_UPDATE) with the order's current state, as on_status
   * answers a status request; returns the context sent.
   */
  @Transactional
  public UeiV1Context current(SellerOrder o, UeiV1Action action) {
    return enqueue(o, action, replies.withPaymentTerms(orders.view(o)));
  }

  private UeiV1Context enqueue(SellerOrder o, UeiV1Action action, UeiV1Message report) {
    ObjectNode context = UeiV1Contexts.unsolicited(action, confirmContext(o), Clock.systemUTC());
    context.put("bpp_id", identity.subscriberId());
    context.put("bpp_uri", identity.publicUrl());
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("context", context);
    root.set("message", report.toJson());
    UeiV1Envelope e;
    try {
      e = UeiV1Envelope.fromTree(root);
    } catch (MessageParseException x) {
      throw new IllegalStateException("a report this node built is not valid UEI v1 JSON", x);
    }
    outbox.enqueue(o.bapUri, o.bapId, e);
    return e.context();
  }

  // The confirm that made the order; the transaction store keeps every message received.
  private static UeiV1Context confirmContext(SellerOrder o) {
    for (StoredMessage m : StoredMessage.byTransaction(o.transactionId)) {
      if (m.direction == Direction.IN && UeiV1Action.CONFIRM.wireName().equals(m.action)) {
        try {
          return UeiV1Envelope.parse(m.body).context();
        } catch (MessageParseException e) {
          // it was parsed when it came in; look for another copy
        }
      }
    }
    throw new IllegalStateException(
        "no UEI v1 confirm of order "
            + o.id
            + " in transaction "
            + o.transactionId
            + ": the report cannot name the buyer's location");
  }
}
