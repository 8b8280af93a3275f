package org.uei.p2p.bpp.cascade;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.bpp.BppConfig;
import org.uei.p2p.bpp.beckn.OrderQuotes;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.utility.LimitChecks;
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
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.outbound.BecknSender;

/**
 * Collects the utilities' on_init/on_confirm and answers the buyer once all are in: as the
 * platform would without a cascade plus every DISCOM's limit check, or, when a utility refused,
 * did not answer in time or could not be reached, with a 50000 error naming the DISCOM and why. A
 * refused confirm releases the local reservation and cancels the trade at the utilities that
 * recorded it.
 */
@ApplicationScoped
public class CascadeAnswers {

  private final Wave1Codec codec = new Wave1Codec();

  @Inject BppConfig config;
  @Inject NodeIdentity identity;
  @Inject OrderService orders;
  @Inject OrderQuotes quotes;
  @Inject org.uei.p2p.bpp.beckn.Notifications notifications;
  @Inject BecknSender sender;

  /** The order as sent to a utility: the buyer's order, under {@code orderId} when given. */
  Message cascadedOrder(TradeOrder order, String orderId) {
    if (orderId == null) {
      return codec.orderMessage(order);
    }
    return codec.orderMessage(new TradeOrder(orderId, TradeStatus.CANCELLED, order.buyerPlatformId(),
        order.sellerPlatformId(), order.buyerId(), order.buyer(), order.lines()));
  }

  /** Records a utility's on_init/on_confirm on its leg and answers the buyer if it was the last. */
  void record(InboundMessage m) {
    String cascadeId = QuarkusTransaction.requiringNew().call(() -> {
      CascadeLeg leg = CascadeLeg.findById(m.context().getMessageId());
      if (!CascadeLeg.SENT.equals(leg.status)) {
        return leg.cascadeId;
      }
      BecknError error = m.envelope().getError();
      leg.status = error == null ? CascadeLeg.OK : CascadeLeg.REFUSED;
      leg.detail = error == null ? null : Cascades.truncate(error.getMessage());
      leg.answerBody = Envelopes.write(m.envelope());
      if (error == null && m.action() == Action.ON_CONFIRM && m.envelope().getMessage() instanceof OrderMessage om
          && om.getOrder() != null) {
        leg.utilityOrderId = om.getOrder().getId();
      }
      return leg.cascadeId;
    });
    tryFinish(cascadeId);
    cancelIfLate(m.context().getMessageId());
  }

  /** Answers the buyer if every leg has answered or the deadline passed; otherwise does nothing. */
  synchronized void tryFinish(String cascadeId) {
    List<CascadeLeg> recordedElsewhere = new ArrayList<>();
    Context[] buyerContext = new Context[1];
    QuarkusTransaction.requiringNew().run(() -> {
      CascadeRequest r = CascadeRequest.findById(cascadeId);
      if (!CascadeRequest.PENDING.equals(r.status)) {
        return;
      }
      List<CascadeLeg> legs = CascadeLeg.of(cascadeId);
      boolean waiting = legs.stream().anyMatch(l -> CascadeLeg.SENT.equals(l.status));
      if (waiting && Instant.now().isBefore(r.deadline)) {
        return;
      }
      Envelope<? extends Message> request = parse(r.requestBody, Action.fromWireName(r.action).orElseThrow());
      TradeOrder order = decode(request.getMessage());
      buyerContext[0] = request.getContext();
      List<String> problems = new ArrayList<>();
      for (CascadeLeg l : legs) {
        String who = "DISCOM " + l.discomId + " (utility " + l.utilityId + ")";
        switch (l.status) {
          case CascadeLeg.SENT -> problems.add(who + " did not answer within " + config.cascade().timeout());
          case CascadeLeg.REFUSED -> problems.add(who + " refused: " + l.detail);
          case CascadeLeg.FAILED -> problems.add(who + " could not be reached: " + l.detail);
          default -> { }
        }
      }
      boolean confirm = "confirm".equals(r.action);
      OrderMessage answer;
      BecknError error = null;
      if (problems.isEmpty()) {
        r.status = CascadeRequest.ANSWERED;
        answer = confirm
            ? quotes.withPaymentTerms(orders.view(SellerOrder.findById(r.orderId)), "AUTHORIZED")
            : quotes.withPaymentTerms(order, "PENDING");
      } else {
        r.status = CascadeRequest.REFUSED;
        error = BecknError.of(ErrorCode.POLICY_ERROR, String.join("; ", problems), "message.order");
        if (confirm) {
          orders.cancel(r.orderId);
          for (CascadeLeg l : legs) {
            if (l.utilityOrderId != null && CascadeLeg.OK.equals(l.status)) {
              l.status = CascadeLeg.CANCELLED;
              recordedElsewhere.add(l);
            }
          }
        }
        // A refused confirm names the local order, now cancelled (on_confirm must carry an id).
        answer = confirm ? quotes.quote(orders.view(SellerOrder.findById(r.orderId)))
            : quotes.quote(order);
      }
      for (CascadeLeg l : legs) {
        if (l.answerBody != null && parse(l.answerBody, null).getMessage() instanceof OrderMessage from) {
          LimitChecks.merge(from, answer);
        }
      }
      reply(request.getContext(), answer, error);
    });
    for (CascadeLeg l : recordedElsewhere) {
      cancelAt(l, cascadeId);
    }
  }

  /** A utility that confirmed after the buyer was refused holds a trade nobody wants: cancel it. */
  private void cancelIfLate(String legMessageId) {
    CascadeLeg[] late = new CascadeLeg[1];
    QuarkusTransaction.requiringNew().run(() -> {
      CascadeLeg leg = CascadeLeg.findById(legMessageId);
      CascadeRequest r = CascadeRequest.findById(leg.cascadeId);
      if (CascadeRequest.REFUSED.equals(r.status) && "confirm".equals(r.action) && leg.utilityOrderId != null
          && CascadeLeg.OK.equals(leg.status)) {
        leg.status = CascadeLeg.CANCELLED;
        late[0] = leg;
      }
    });
    if (late[0] != null) {
      cancelAt(late[0], late[0].cascadeId);
    }
  }

  private void cancelAt(CascadeLeg leg, String cascadeId) {
    try {
      CascadeRequest r = QuarkusTransaction.requiringNew().call(() -> CascadeRequest.findById(cascadeId));
      Envelope<? extends Message> request = parse(r.requestBody, Action.CONFIRM);
      TradeOrder order = decode(request.getMessage());
      Context c = Contexts.newRequest(Action.CANCEL, new Contexts.Parties(request.getContext().getDomain(),
          identity.subscriberId(), identity.publicUrl(), leg.utilityId, leg.utilityUri), r.cascadeTransactionId,
          config.cascade().timeout(), Clock.systemUTC());
      var result = sender.send(leg.utilityUri, leg.utilityId, new Envelope<>(c, cascadedOrder(order,
          leg.utilityOrderId)));
      if (!result.acked()) {
        Log.warnf("cancelling order %s at %s failed: %s", leg.utilityOrderId, leg.utilityId, result.describe());
      }
    } catch (RuntimeException e) {
      Log.errorf(e, "cancelling order %s at %s failed", leg.utilityOrderId, leg.utilityId);
    }
  }

  private void reply(Context request, OrderMessage message, BecknError error) {
    notifications.reply(request, message, error);
  }


  static Envelope<? extends Message> parse(byte[] body, Action action) {
    try {
      return action == null ? Envelopes.parse(body) : Envelopes.parse(body, action);
    } catch (MessageParseException e) {
      throw new IllegalStateException("a stored message does not parse: " + e.getMessage(), e);
    }
  }

  static TradeOrder decode(Message m) {
    try {
      return new Wave1Codec().order(m);
    } catch (TradeCodecException e) {
      throw new IllegalStateException("a stored order does not decode: " + e.getMessage(), e);
    }
  }
}
