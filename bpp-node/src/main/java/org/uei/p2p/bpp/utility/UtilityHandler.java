package org.uei.p2p.bpp.utility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * A DISCOM's utility node answering the platforms' cascaded requests: init → on_init with the limit
 * check of every side this DISCOM serves; confirm → the trades recorded (once per platform
 * transaction) and on_confirm with the utility's order id; cancel → headroom given back; status →
 * the record. A refusal is an on_init/on_confirm with a 50000 error naming the rule, meter and
 * headroom. Wave-2 messages go to {@link Wave2Utility}, except the ledger provider's status for
 * meter actuals and on_status to a co-located ledger, which go to {@link UtilityWave2}.
 */
@ApplicationScoped
@Typed(UtilityHandler.class)
public class UtilityHandler implements BecknHandler {

  private final Wave1Codec codec = new Wave1Codec();

  @Inject UtilityLedger ledger;
  @Inject UtilityOrders orders;
  @Inject CallbackOutbox outbox;
  @Inject Wave2Utility wave2;
  @Inject UtilityWave2 actuals;

  @Override
  public Set<Action> accepts() {
    return Set.of(Action.INIT, Action.CONFIRM, Action.CANCEL, Action.STATUS);
  }

  /** The wave-2 actions, served when {@code uei.wire} includes wave2. */
  @Override
  public Set<org.uei.p2p.model.wave2.Wave2Action> acceptsWave2() {
    Set<org.uei.p2p.model.wave2.Wave2Action> all = new java.util.HashSet<>(Wave2Utility.ACTIONS);
    all.addAll(UtilityWave2.ACTIONS);
    return Set.copyOf(all);
  }

  @Override
  public void admit(InboundMessage m) throws InboundRejection {
    if (m.wire() == org.uei.p2p.model.wire.WireGeneration.IES_WAVE2) {
      if (actuals.serves(m)) {
        actuals.admit(m);
      } else {
        wave2.admit(m);
      }
      return;
    }
    switch (m.action()) {
      case INIT, CONFIRM -> decode(m);
      case CANCEL, STATUS -> existing(m);
      default ->
          throw InboundRejection.business(
              ErrorCode.ACTION_NOT_APPLICABLE,
              m.action() + " is not served by a utility node",
              "context.action");
    }
  }

  @Override
  public void handle(InboundMessage m) throws Exception {
    if (m.wire() == org.uei.p2p.model.wire.WireGeneration.IES_WAVE2) {
      if (actuals.serves(m)) {
        actuals.handle(m);
      } else {
        wave2.handle(m);
      }
      return;
    }
    switch (m.action()) {
      case INIT -> init(m);
      case CONFIRM -> confirm(m);
      case CANCEL -> reply(m.context(), orders.view(ledger.cancel(existing(m).id)), null);
      case STATUS -> reply(m.context(), orders.view(existing(m)), null);
      default -> {}
    }
  }

  private void init(InboundMessage m) throws InboundRejection {
    TradeOrder order = decode(m);
    UtilityLedger.Verdict v = ledger.check(order, "init:" + m.context().getTransactionId());
    OrderMessage answer = (OrderMessage) codec.orderMessage(order);
    orders.addChecks(answer, order, v);
    reply(m.context(), answer, refusal(v));
  }

  private void confirm(InboundMessage m) throws InboundRejection {
    TradeOrder order = decode(m);
    Context c = m.context();
    UtilityLedger.Recorded r =
        ledger.record(
            order,
            c.getBapId(),
            c.getBapUri(),
            c.getDomain(),
            c.getTransactionId(),
            Envelopes.write(m.envelope()));
    if (r.order() == null) {
      // on_confirm must name an order; a refused one has none here, so it gets a refusal id.
      OrderMessage refused =
          (OrderMessage)
              codec.orderMessage(
                  order
                      .withOrderId("REFUSED-" + c.getTransactionId())
                      .withStatus(TradeStatus.CANCELLED));
      orders.addChecks(refused, order, r.verdict());
      reply(c, refused, refusal(r.verdict()));
      return;
    }
    OrderMessage answer = orders.view(r.order());
    orders.addChecks(
        answer, order, new UtilityLedger.Verdict(r.verdict().sides(), java.util.List.of()));
    reply(c, answer, null);
  }

  private BecknError refusal(UtilityLedger.Verdict v) {
    return v.ok()
        ? null
        : BecknError.of(
            ErrorCode.POLICY_ERROR,
            "DISCOM " + ledger.discomId() + " refuses: " + String.join("; ", v.errors()),
            "message.order.beckn:orderItems");
  }

  private TradeOrder decode(InboundMessage m) throws InboundRejection {
    try {
      return codec.order(m.envelope().getMessage());
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), java.util.Map.of());
    }
  }

  private UtilityOrder existing(InboundMessage m) throws InboundRejection {
    OrderMessage om = (OrderMessage) m.envelope().getMessage();
    String id = om.getOrder() == null ? null : om.getOrder().getId();
    UtilityOrder o =
        io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting()
            .call(
                () ->
                    id == null
                        ? UtilityOrder.of(m.context().getBapId(), m.context().getTransactionId())
                            .orElse(null)
                        : UtilityOrder.<UtilityOrder>findById(id));
    if (o == null || !o.platformId.equals(m.context().getBapId())) {
      throw InboundRejection.business(
          ErrorCode.ORDER_NOT_FOUND,
          "no order '" + id + "' of '" + m.context().getBapId() + "' at this utility",
          "message.order.beckn:id");
    }
    return o;
  }

  private void reply(Context request, Message message, BecknError error) {
    Envelope<Message> callback =
        new Envelope<>(Contexts.callbackFor(request, Clock.systemUTC()), message);
    callback.setError(error);
    outbox.enqueue(request.getBapUri(), request.getBapId(), callback);
  }
}
