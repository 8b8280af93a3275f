package org.uei.p2p.bpp.utility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * Recorded orders as the wire shows them (the confirmed order under the utility's order id and
 * status) and the unsolicited callbacks to the platform that confirmed them.
 */
@ApplicationScoped
public class UtilityOrders {

  private final Wave1Codec codec = new Wave1Codec();

  @Inject NodeIdentity identity;
  @Inject org.uei.p2p.bpp.beckn.Notifications notifications;
  @Inject UtilityLedger ledger;

  /** The order as the platform confirmed it, under the utility's id and its current status. */
  @jakarta.transaction.Transactional
  public OrderMessage view(UtilityOrder o) {
    TradeOrder confirmed;
    try {
      confirmed = codec.order(Envelopes.parse(o.orderJson, Action.CONFIRM).getMessage());
    } catch (TradeCodecException | MessageParseException e) {
      throw new IllegalStateException(
          "stored order " + o.id + " does not decode: " + e.getMessage(), e);
    }
    List<UtilityTrade> trades = UtilityLedger.tradesOf(o.id);
    TradeStatus status =
        UtilityOrder.CANCELLED.equals(o.status)
            ? TradeStatus.CANCELLED
            : trades.stream().anyMatch(t -> UtilityTrade.CURTAILED.equals(t.status))
                ? TradeStatus.CURTAILED
                : TradeStatus.CONFIRMED;
    return (OrderMessage) codec.orderMessage(confirmed.withOrderId(o.id).withStatus(status));
  }

  /** Adds each checked side's limit-check result to the items of {@code m}. */
  public void addChecks(OrderMessage m, TradeOrder order, UtilityLedger.Verdict v) {
    for (UtilityLedger.SideCheck s : v.sides()) {
      var line = order.lines().get(s.item());
      LimitChecks.put(
          m,
          s.item(),
          line.slot(),
          line.quantityKwh(),
          s.side(),
          identity.subscriberId(),
          s.ok() ? "OK" : "REJECTED",
          s.remainingKwh());
    }
  }

  /** Queues an unsolicited {@code on_status}/{@code on_update} about {@code o} to its platform. */
  public Context notify(UtilityOrder o, Action action, OrderMessage m) {
    return notifications.unsolicited(
        o.domain, o.transactionId, o.platformId, o.platformUri, action, m);
  }

  /** The DISCOM-side of a recorded trade: the sides whose meter this DISCOM serves. */
  public List<TradeSide> sidesOf(UtilityTrade t) {
    String discom = ledger.discomId();
    return java.util.Arrays.stream(TradeSide.values())
        .filter(s -> discom.equals(s == TradeSide.BUYER ? t.buyerDiscomId : t.sellerDiscomId))
        .toList();
  }
}
