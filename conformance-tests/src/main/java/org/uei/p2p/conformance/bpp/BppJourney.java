package org.uei.p2p.conformance.bpp;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.wave1.Order;

/**
 * The trade journey discover → select → init → confirm → status on one offer, checking that the
 * seller keeps offer, quantity, price and order id consistent; and the energy-rule cases, which
 * change one thing of a valid select each.
 */
final class BppJourney {

  private final Wave1Codec codec = new Wave1Codec();
  private final KitBap kit;
  private final BppConformance.Config config;

  BppJourney(KitBap kit, BppConformance.Config config) {
    this.kit = kit;
    this.config = config;
  }

  /** A select of {@code kwh} from {@code offer} for {@code buyer} (null: the configured buyer). */
  Message select(EnergyOffer offer, BigDecimal kwh, MeterPoint buyer) {
    return select(
        new OrderLine(
            offer.offerId(), offer.providerId(), offer.seller(), offer.slot(), offer.price(), kwh),
        buyer);
  }

  private Message select(OrderLine line, MeterPoint buyer) {
    MeterPoint b =
        buyer != null ? buyer : new MeterPoint(config.buyerMeter(), config.buyerDiscom());
    return codec.orderMessage(
        Orders.pending(kit.identity().subscriberId(), kit.parties().bppId(), b, line));
  }

  void run(EnergyOffer offer, Consumer<CaseResult> record) throws InterruptedException {
    OrderLine asked = OrderLine.take(offer, BigDecimal.ONE);
    Step select = step(BppCases.QUOTE, Action.SELECT, select(asked, null), null, asked);
    record.accept(select.result);
    if (select.order == null) {
      notRun(record, BppCases.QUOTE, BppCases.INIT, BppCases.CONFIRM, BppCases.STATUS);
      return;
    }
    String txn = select.call.context().getTransactionId();
    Step init =
        step(
            BppCases.INIT,
            Action.INIT,
            codec.orderMessage(Orders.pending(select.order)),
            txn,
            asked);
    record.accept(init.result);
    if (init.order == null) {
      notRun(record, BppCases.INIT, BppCases.CONFIRM, BppCases.STATUS);
      return;
    }
    Step confirm =
        step(
            BppCases.CONFIRM,
            Action.CONFIRM,
            codec.orderMessage(Orders.pending(init.order)),
            txn,
            asked);
    String orderId = confirm.order == null ? null : confirm.order.orderId();
    if (confirm.order != null
        && (orderId == null
            || orderId.isBlank()
            || confirm.order.status() != org.uei.p2p.model.trade.TradeStatus.CONFIRMED)) {
      confirm =
          confirm.fail(
              "on_confirm has order id '"
                  + orderId
                  + "' and status "
                  + confirm.order.status()
                  + "; expected an order id and CONFIRMED");
    }
    record.accept(confirm.result);
    if (confirm.result.outcome() != org.uei.p2p.conformance.Outcome.PASSED) {
      notRun(record, BppCases.CONFIRM, BppCases.STATUS);
      return;
    }
    Order byId = new Order();
    byId.setId(orderId);
    Step status = step(BppCases.STATUS, Action.STATUS, new OrderMessage(byId), txn, asked);
    if (status.order != null && !orderId.equals(status.order.orderId())) {
      status =
          status.fail(
              "on_status is about order '" + status.order.orderId() + "', not '" + orderId + "'");
    }
    record.accept(status.result);
    if (config.onConfirmed() != null) {
      config.onConfirmed().accept(orderId);
    }
  }

  void energyCases(EnergyOffer offer, RuleProbes probes, Consumer<CaseResult> record)
      throws InterruptedException {
    Message compliant = select(offer, BigDecimal.ONE, null);
    String compliantTitle =
        "select of 1 kWh for the offer's slot "
            + offer.slot()
            + " by buyer meter "
            + config.buyerMeter();
    record.accept(
        probes.expectRefusal(
            BppCases.SELF_TRADE,
            compliant,
            compliantTitle,
            select(offer, BigDecimal.ONE, offer.seller()),
            "select with buyer meter " + offer.seller().meterId() + " = the seller's meter"));
    record.accept(
        probes.expectRefusal(
            BppCases.MIN_QUANTITY,
            compliant,
            compliantTitle,
            select(offer, new BigDecimal("0.5"), null),
            "select of 0.5 kWh"));
    DeliverySlot shifted =
        new DeliverySlot(
            offer.slot().start().plus(Duration.ofMinutes(30)),
            offer.slot().end().plus(Duration.ofMinutes(30)));
    record.accept(
        probes.expectRefusal(
            BppCases.SLOT_ALIGNMENT,
            compliant,
            compliantTitle,
            select(
                new OrderLine(
                    offer.offerId(),
                    offer.providerId(),
                    offer.seller(),
                    shifted,
                    offer.price(),
                    BigDecimal.ONE),
                null),
            "select for the slot " + shifted));
    ZonedDateTime next =
        ZonedDateTime.now(config.zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
    DeliverySlot closed = DeliverySlot.hourStarting(next.toInstant());
    record.accept(
        probes.expectRefusal(
            BppCases.GATE_CLOSURE,
            compliant,
            compliantTitle,
            select(
                new OrderLine(
                    offer.offerId(),
                    offer.providerId(),
                    offer.seller(),
                    closed,
                    offer.price(),
                    BigDecimal.ONE),
                null),
            "select for the slot " + closed + ", less than 4 hours ahead"));
  }

  /** One journey step: the call, its result, and the order of its callback when usable. */
  private record Step(KitBap.Call call, CaseResult result, TradeOrder order) {
    Step fail(String reason) {
      return new Step(
          call, CaseResult.failed(result.conformanceCase(), reason, result.evidence()), null);
    }
  }

  private Step step(ConformanceCase c, Action action, Message message, String txn, OrderLine asked)
      throws InterruptedException {
    KitBap.Call call = kit.send(action, message, txn);
    Exchange sent = call.sent().evidence(action.wireName());
    if (!call.sent().answer().isAck()) {
      return new Step(
          call,
          CaseResult.failed(
              c,
              action.wireName() + " was not acknowledged: " + call.sent().answer().summary(),
              List.of(sent)),
          null);
    }
    CallbackMatch cb = kit.callback(call);
    List<Exchange> ev = cb.evidence(sent);
    if (!cb.counts()) {
      return new Step(call, CaseResult.failed(c, cb.problem(), ev), null);
    }
    TradeOrder got;
    try {
      got = Orders.read(cb.callback());
    } catch (Orders.Problem e) {
      return new Step(call, CaseResult.failed(c, e.getMessage(), ev), null);
    }
    Optional<String> diff =
        Orders.differs(asked, got).or(() -> Orders.valueDiffers(asked, cb.callback()));
    if (diff.isPresent()) {
      return new Step(
          call, CaseResult.failed(c, "on_" + action.wireName() + ": " + diff.get(), ev), null);
    }
    return new Step(
        call,
        CaseResult.passed(
            c,
            "on_"
                + action.wireName()
                + " keeps offer "
                + asked.offerId()
                + ", "
                + asked.quantityKwh().toPlainString()
                + " kWh at "
                + asked.price().perKwh().toPlainString()
                + " "
                + asked.price().currency()
                + (got.orderId() == null ? "" : ", order " + got.orderId()),
            ev),
        got);
  }

  private static void notRun(
      Consumer<CaseResult> record, ConformanceCase failed, ConformanceCase... later) {
    for (ConformanceCase c : later) {
      if (c != failed) {
        record.accept(CaseResult.notRun(c, "needs " + failed.id() + ", which did not pass"));
      }
    }
  }
}
