package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;

/**
 * The UEI v1 trade journey on one offer: select, init, confirm, a second search to see the energy
 * taken, and status; with the probes on the select (an invalid quantity, a price not the
 * catalog's).
 */
final class UeiV1Journey {

  private static final String QUANTITY = "message.order.items[0].quantity.selected.measure.value";
  private final UeiV1Codec codec = new UeiV1Codec();
  private final UeiV1Kit kit;
  private final MeterPoint buyer;
  private final Consumer<CaseResult> record;

  UeiV1Journey(UeiV1Kit kit, MeterPoint buyer, Consumer<CaseResult> record) {
    this.kit = kit;
    this.buyer = buyer;
    this.record = record;
  }

  /** A select of {@code line} by the configured buyer. */
  private UeiV1Message order(OrderLine line) {
    return codec.orderMessage(
        Orders.pending(kit.identity().subscriberId(), kit.parties().bppId(), buyer, line));
  }

  /** A select asking for -1 kWh must be refused with 400, a BECKN-005 code and the path. */
  CaseResult invalidSelect(EnergyOffer offer) {
    ObjectNode m = order(OrderLine.take(offer, BigDecimal.ONE)).toJson();
    ((ObjectNode) m.at("/order/items/0/quantity/selected/measure")).put("value", "-1");
    UeiV1Kit.Call call = kit.send(UeiV1Action.SELECT, UeiV1Message.of(m), null);
    return UeiV1Callbacks.nack(
        UeiV1BppCases.INVALID_MESSAGE,
        call.sent().answer(),
        400,
        QUANTITY,
        call.sent().evidence("select of -1 kWh"));
  }

  void run(EnergyOffer offer) throws InterruptedException {
    OrderLine asked = OrderLine.take(offer, BigDecimal.ONE);
    Step select = step(UeiV1BppCases.SELECT, UeiV1Action.SELECT, order(asked), null, asked, false);
    record.accept(select.result);
    if (select.order == null) {
      notRun(
          UeiV1BppCases.SELECT,
          UeiV1BppCases.PRICE,
          UeiV1BppCases.INIT,
          UeiV1BppCases.CONFIRM,
          UeiV1BppCases.INVENTORY,
          UeiV1BppCases.STATUS);
      return;
    }
    record.accept(price(offer, asked, select));
    String txn = select.call.transactionId();
    Step init = step(UeiV1BppCases.INIT, UeiV1Action.INIT, order(asked), txn, asked, true);
    record.accept(init.result);
    if (init.order == null) {
      notRun(
          UeiV1BppCases.INIT, UeiV1BppCases.CONFIRM, UeiV1BppCases.INVENTORY, UeiV1BppCases.STATUS);
      return;
    }
    ObjectNode confirmMessage = order(asked).toJson();
    // Confirm accepts the seller's payment terms of on_init, as a buyer platform does.
    JsonNode terms = init.callback.tree().at("/message/order/payments");
    if (terms.isArray() && !terms.isEmpty()) {
      ((ObjectNode) confirmMessage.get("order")).set("payments", terms.deepCopy());
    }
    Step confirm =
        step(
            UeiV1BppCases.CONFIRM,
            UeiV1Action.CONFIRM,
            UeiV1Message.of(confirmMessage),
            txn,
            asked,
            true);
    String orderId = confirm.order == null ? null : confirm.order.orderId();
    if (confirm.order != null
        && (orderId == null
            || orderId.isBlank()
            || confirm.order.status() != TradeStatus.CONFIRMED)) {
      confirm =
          confirm.fail(
              "on_confirm has order id '"
                  + orderId
                  + "' and status "
                  + confirm.callback.tree().at("/message/order/status")
                  + "; expected an order id and ACTIVE");
    }
    record.accept(confirm.result);
    if (confirm.result.outcome() != Outcome.PASSED) {
      notRun(UeiV1BppCases.CONFIRM, UeiV1BppCases.INVENTORY, UeiV1BppCases.STATUS);
      return;
    }
    record.accept(new UeiV1Inventory(kit).check(offer, asked.quantityKwh()));
    ObjectNode byId = UeiV1Callbacks.object().put("order_id", orderId);
    Step status =
        step(UeiV1BppCases.STATUS, UeiV1Action.STATUS, UeiV1Message.of(byId), txn, asked, true);
    if (status.order != null && !orderId.equals(status.order.orderId())) {
      status =
          status.fail(
              "on_status is about order '" + status.order.orderId() + "', not '" + orderId + "'");
    }
    record.accept(status.result);
  }

  /**
   * on_select priced at the catalog's price with a quote to match; then a select at half that
   * price, which must be refused or re-quoted.
   */
  private CaseResult price(EnergyOffer offer, OrderLine asked, Step select)
      throws InterruptedException {
    ConformanceCase c = UeiV1BppCases.PRICE;
    List<Exchange> ev = select.result.evidence();
    UnitPrice quoted = select.order.lines().get(0).price();
    if (!samePrice(quoted, offer.price())) {
      return CaseResult.failed(
          c,
          "on_select prices the item at "
              + show(quoted)
              + ", the catalog at "
              + show(offer.price()),
          ev);
    }
    JsonNode total = select.callback.tree().at("/message/order/quote/price/value");
    BigDecimal expected = offer.price().valueOf(asked.quantityKwh());
    if (!total.isTextual() || !equal(total.asText(), expected)) {
      return CaseResult.failed(
          c, "on_select quotes " + total + ", not " + expected.toPlainString(), ev);
    }
    UnitPrice half =
        new UnitPrice(
            offer.price().perKwh().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP),
            offer.price().currency());
    OrderLine cheap =
        new OrderLine(
            offer.offerId(),
            offer.providerId(),
            offer.seller(),
            offer.slot(),
            half,
            BigDecimal.ONE);
    UeiV1Kit.Call call = kit.send(UeiV1Action.SELECT, order(cheap), null);
    Exchange sent = call.sent().evidence("select at " + show(half));
    HttpAnswer a = call.sent().answer();
    if (!a.isAck()) {
      return CaseResult.passed(
          c, "a select at " + show(half) + " was refused: " + a.summary(), List.of(sent));
    }
    CallbackMatch cb = kit.callback(call);
    if (!cb.counts()) {
      return CaseResult.failed(
          c, "the select at " + show(half) + ": " + cb.problem(), cb.evidence(sent));
    }
    Inbound m = cb.callback();
    List<Exchange> both = cb.evidence(sent);
    if (m.tree().hasNonNull("error")) {
      return CaseResult.passed(
          c,
          "a select at " + show(half) + " was refused in on_select: " + m.tree().get("error"),
          both);
    }
    try {
      TradeOrder got = codec.order(UeiV1Envelope.parse(m.body()).message());
      UnitPrice p = got.lines().get(0).price();
      return samePrice(p, offer.price())
          ? CaseResult.passed(
              c,
              "a select at "
                  + show(half)
                  + " was re-quoted at the catalog's "
                  + show(offer.price()),
              both)
          : CaseResult.failed(c, "on_select took the buyer's price: " + show(p), both);
    } catch (MessageParseException | TradeCodecException e) {
      return CaseResult.failed(c, "the on_select cannot be read: " + e.getMessage(), both);
    }
  }

  private static String show(UnitPrice p) {
    return UeiV1Callbacks.show(p);
  }

  private static boolean samePrice(UnitPrice a, UnitPrice b) {
    return a.perKwh().compareTo(b.perKwh()) == 0 && a.currency().equals(b.currency());
  }

  private static boolean equal(String decimal, BigDecimal expected) {
    try {
      return new BigDecimal(decimal).compareTo(expected) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** One step: the call, its result, its callback and order when usable. */
  private record Step(UeiV1Kit.Call call, CaseResult result, Inbound callback, TradeOrder order) {
    Step fail(String reason) {
      return new Step(
          call,
          CaseResult.failed(result.conformanceCase(), reason, result.evidence()),
          callback,
          null);
    }
  }

  private Step step(
      ConformanceCase c,
      UeiV1Action action,
      UeiV1Message message,
      String txn,
      OrderLine asked,
      boolean checkPrice)
      throws InterruptedException {
    UeiV1Kit.Call call = kit.send(action, message, txn);
    Exchange sent = call.sent().evidence(action.wireName());
    if (!call.sent().answer().isAck()) {
      return new Step(
          call,
          CaseResult.failed(
              c,
              action.wireName() + " was not acknowledged: " + call.sent().answer().summary(),
              List.of(sent)),
          null,
          null);
    }
    CallbackMatch cb = kit.callback(call);
    List<Exchange> ev = cb.evidence(sent);
    if (!cb.counts()) {
      return new Step(call, CaseResult.failed(c, cb.problem(), ev), cb.callback(), null);
    }
    Inbound m = cb.callback();
    String on = "on_" + action.wireName();
    UeiV1Action callback = action.callback().orElseThrow();
    Optional<String> problem =
        m.tree().hasNonNull("error")
            ? Optional.of("it carries an error: " + m.tree().get("error"))
            : UeiV1Callbacks.invalid(m.body(), callback);
    TradeOrder got = null;
    if (problem.isEmpty()) {
      try {
        got = codec.order(UeiV1Envelope.parse(m.body()).message());
        problem = checkPrice ? Orders.differs(asked, got) : sameItem(asked, got);
      } catch (MessageParseException | TradeCodecException e) {
        problem = Optional.of("its order cannot be read: " + e.getMessage());
      }
    }
    if (problem.isPresent()) {
      return new Step(call, CaseResult.failed(c, on + ": " + problem.get(), ev), m, null);
    }
    return new Step(
        call,
        CaseResult.passed(
            c,
            on
                + " keeps item "
                + asked.offerId()
                + ", "
                + asked.quantityKwh().toPlainString()
                + " kWh"
                + (checkPrice ? " at " + show(asked.price()) : "")
                + (got.orderId() == null ? "" : ", order " + got.orderId()),
            ev),
        m,
        got);
  }

  /** Item and quantity as asked, the price left to the price case. */
  private static Optional<String> sameItem(OrderLine asked, TradeOrder got) {
    if (got.lines().size() != 1) {
      return Orders.differs(asked, got);
    }
    OrderLine l = got.lines().get(0);
    OrderLine atAskedPrice =
        new OrderLine(
            l.offerId(), l.providerId(), l.seller(), l.slot(), asked.price(), l.quantityKwh());
    return Orders.differs(asked, got.withLines(List.of(atAskedPrice)));
  }

  private void notRun(ConformanceCase failed, ConformanceCase... later) {
    for (ConformanceCase c : later) {
      if (c != failed) {
        record.accept(CaseResult.notRun(c, "needs " + failed.id() + ", which did not pass"));
      }
    }
  }
}
