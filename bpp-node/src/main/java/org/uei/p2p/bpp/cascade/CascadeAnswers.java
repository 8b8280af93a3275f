package org.uei.p2p.bpp.cascade;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import org.uei.p2p.bpp.beckn.OrderQuotes;
import org.uei.p2p.bpp.config.BppConfig;
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
 * Collects the utilities' on_init/on_confirm and answers the buyer once all are in: as the platform
 * would without a cascade plus every DISCOM's limit check, or, when a utility refused, did not
 * answer in time or could not be reached, with a 50000 error naming the DISCOM and why. A refused
 * confirm releases the local reservation and cancels the trade at the utilities that recorded it.
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
    return codec.orderMessage(order.withOrderId(orderId).withStatus(TradeStatus.CANCELLED));
  }

  /** Records a utility's on_init/on_confirm on its leg and answers the buyer if it was the last. */
  void record(InboundMessage m) {
    String cascadeId =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  CascadeLeg leg =
                      CascadeLeg.findById(
                          m.context().getMessageId(), LockModeType.PESSIMISTIC_WRITE);
                  BecknError error = m.envelope().getError();
                  LegState next = CascadeDecision.answered(leg.status, error != null);
                  if (next == null) {
                    return leg.cascadeId;
                  }
                  leg.status = next;
                  leg.detail = error == null ? null : Cascades.truncate(error.getMessage());
                  leg.answerBody = Envelopes.write(m.envelope());
                  if (error == null
                      && m.action() == Action.ON_CONFIRM
                      && m.envelope().getMessage() instanceof OrderMessage om
                      && om.getOrder() != null) {
                    leg.utilityOrderId = om.getOrder().getId();
                  }
                  return leg.cascadeId;
                });
    tryFinish(cascadeId);
    cancelIfLate(m.context().getMessageId());
  }

  /**
   * Answers the buyer if every leg has answered or the deadline passed; otherwise does nothing. The
   * cascade's row lock makes one caller, on whichever instance, the one that answers.
   */
  void tryFinish(String cascadeId) {
    List<CascadeLeg> toCancel =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  CascadeRequest r =
                      CascadeRequest.findById(cascadeId, LockModeType.PESSIMISTIC_WRITE);
                  List<CascadeLeg> legs = CascadeLeg.of(cascadeId);
                  CascadeDecision d = r.decide(legs, config.cascade().timeout());
                  if (d.outcome() == CascadeDecision.Outcome.DONE
                      || d.outcome() == CascadeDecision.Outcome.WAIT) {
                    return List.<CascadeLeg>of();
                  }
                  Envelope<? extends Message> request =
                      parse(r.requestBody, Action.fromWireName(r.action).orElseThrow());
                  TradeOrder order = decode(request.getMessage());
                  OrderMessage answer;
                  BecknError error = null;
                  List<CascadeLeg> cancel =
                      legs.stream().filter(l -> d.legsToCancel().contains(l.messageId)).toList();
                  if (d.outcome() == CascadeDecision.Outcome.ANSWER) {
                    r.status = CascadeState.ANSWERED;
                    answer =
                        r.isConfirm()
                            ? quotes.withPaymentTerms(
                                orders.view(SellerOrder.findById(r.orderId)), "AUTHORIZED")
                            : quotes.withPaymentTerms(order, "PENDING");
                  } else {
                    r.status = CascadeState.REFUSED;
                    error = BecknError.of(ErrorCode.POLICY_ERROR, d.error(), "message.order");
                    if (r.isConfirm()) {
                      orders.cancel(r.orderId);
                      cancel.forEach(l -> l.status = LegState.CANCELLED);
                    }
                    // A refused confirm names the local order, now cancelled (on_confirm must carry
                    // an id).
                    answer =
                        r.isConfirm()
                            ? quotes.quote(orders.view(SellerOrder.findById(r.orderId)))
                            : quotes.quote(order);
                  }
                  for (CascadeLeg l : legs) {
                    if (l.answerBody != null
                        && parse(l.answerBody, null).getMessage() instanceof OrderMessage from) {
                      LimitChecks.merge(from, answer);
                    }
                  }
                  notifications.reply(request.getContext(), answer, error);
                  return cancel;
                });
    for (CascadeLeg l : toCancel) {
      cancelAt(l, cascadeId);
    }
  }

  /** A utility that confirmed after the buyer was refused holds a trade nobody wants: cancel it. */
  private void cancelIfLate(String legMessageId) {
    CascadeLeg late =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  CascadeLeg leg =
                      CascadeLeg.findById(legMessageId, LockModeType.PESSIMISTIC_WRITE);
                  CascadeRequest r = CascadeRequest.findById(leg.cascadeId);
                  if (!CascadeDecision.cancelLate(
                      r.status, r.isConfirm(), leg.status, leg.utilityOrderId != null)) {
                    return null;
                  }
                  leg.status = LegState.CANCELLED;
                  return leg;
                });
    if (late != null) {
      cancelAt(late, late.cascadeId);
    }
  }

  private void cancelAt(CascadeLeg leg, String cascadeId) {
    try {
      CascadeRequest r =
          QuarkusTransaction.requiringNew().call(() -> CascadeRequest.findById(cascadeId));
      Envelope<? extends Message> request = parse(r.requestBody, Action.CONFIRM);
      TradeOrder order = decode(request.getMessage());
      Context c =
          Contexts.newRequest(
              Action.CANCEL,
              new Contexts.Parties(
                  request.getContext().getDomain(),
                  identity.subscriberId(),
                  identity.publicUrl(),
                  leg.utilityId,
                  leg.utilityUri),
              r.cascadeTransactionId,
              config.cascade().timeout(),
              Clock.systemUTC());
      var result =
          sender.send(
              leg.utilityUri,
              leg.utilityId,
              new Envelope<>(c, cascadedOrder(order, leg.utilityOrderId)));
      if (!result.acked()) {
        Log.warnf(
            "cancelling order %s at %s failed: %s",
            leg.utilityOrderId, leg.utilityId, result.describe());
      }
    } catch (RuntimeException e) {
      Log.errorf(e, "cancelling order %s at %s failed", leg.utilityOrderId, leg.utilityId);
    }
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
