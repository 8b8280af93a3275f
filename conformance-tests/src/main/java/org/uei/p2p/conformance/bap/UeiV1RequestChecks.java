package org.uei.p2p.conformance.bap;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.bpp.UeiV1Callbacks;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Checks over the UEI v1 requests a buyer platform sent the kit, its answers to the kit's
 * callbacks, and its answers to a forged and an unsigned callback.
 */
final class UeiV1RequestChecks {

  private static final List<String> FLOW = List.of("search", "select", "init", "confirm", "status");
  private final List<Inbound> received;
  private final UeiV1FakeSeller seller;

  UeiV1RequestChecks(List<Inbound> received, UeiV1FakeSeller seller) {
    this.received = List.copyOf(received);
    this.seller = seller;
  }

  Optional<Inbound> first(String action) {
    return received.stream().filter(m -> action.equals(m.action())).findFirst();
  }

  private List<Exchange> all() {
    return received.stream().map(m -> m.evidence(m.action())).toList();
  }

  CaseResult flow(ConformanceCase c, String triggerProblem) {
    List<String> seen = received.stream().map(Inbound::action).toList();
    int at = 0;
    for (String a : seen) {
      if (at < FLOW.size() && FLOW.get(at).equals(a)) {
        at++;
      }
    }
    if (at == FLOW.size()) {
      return CaseResult.passed(c, "received " + String.join(", ", seen), all());
    }
    List<String> why = new ArrayList<>();
    why.add(
        seen.isEmpty()
            ? "no search reached the kit"
            : "received " + String.join(", ", seen) + "; missing " + FLOW.get(at) + " after that");
    why.addAll(seller.problems());
    if (triggerProblem != null) {
      why.add("trigger: " + triggerProblem);
    }
    return CaseResult.failed(c, String.join("; ", why), all());
  }

  CaseResult signed(ConformanceCase c) {
    return RequestChecks.everySigned(c, received, "message_id");
  }

  CaseResult valid(ConformanceCase c) {
    if (received.isEmpty()) {
      return CaseResult.notRun(c, "no request reached the kit");
    }
    for (Inbound m : received) {
      Optional<UeiV1Action> action = UeiV1Action.fromWireName(m.action());
      Optional<String> problem =
          action.isEmpty()
              ? Optional.of("/" + m.action() + " is no UEI v1 endpoint")
              : UeiV1Callbacks.invalid(m.body(), action.get());
      if (problem.isPresent()) {
        return CaseResult.failed(
            c, m.action() + ": " + problem.get(), List.of(m.evidence(m.action())));
      }
    }
    return CaseResult.passed(c, received.size() + " request(s), each valid 1.1.0", List.of());
  }

  CaseResult context(ConformanceCase c) {
    Set<String> ids = new HashSet<>();
    for (Inbound m : received) {
      if (!ids.add(m.context("message_id"))) {
        return CaseResult.failed(
            c, m.action() + " reuses message_id '" + m.context("message_id") + "'", all());
      }
    }
    Optional<Inbound> search = first("search");
    if (search.isEmpty()) {
      return CaseResult.notRun(c, "needs a search; see " + UeiV1BapCases.FLOW.id());
    }
    String txn = search.get().context("transaction_id");
    for (String a : List.of("select", "init", "confirm", "status")) {
      Optional<Inbound> m = first(a);
      if (m.isPresent() && !txn.equals(m.get().context("transaction_id"))) {
        return CaseResult.failed(
            c,
            a
                + " carries transaction_id '"
                + m.get().context("transaction_id")
                + "', not the search's '"
                + txn
                + "'",
            all());
      }
    }
    return CaseResult.passed(c, ids.size() + " message_ids, one transaction_id " + txn, List.of());
  }

  CaseResult catalogPrice(ConformanceCase c) {
    EnergyOffer offer = seller.offer();
    List<Exchange> ev = new ArrayList<>();
    for (String a : List.of("select", "init", "confirm")) {
      Optional<Inbound> m = first(a);
      if (m.isEmpty()) {
        continue;
      }
      ev.add(m.get().evidence(a));
      Optional<String> wrong = wrongLine(m.get(), offer);
      if (wrong.isPresent()) {
        return CaseResult.failed(c, a + ": " + wrong.get(), ev);
      }
    }
    return ev.isEmpty()
        ? CaseResult.notRun(c, "needs a select; see " + UeiV1BapCases.FLOW.id())
        : CaseResult.passed(
            c,
            ev.size()
                + " order(s) of '"
                + offer.offerId()
                + "' at "
                + UeiV1Callbacks.show(offer.price()),
            ev);
  }

  /** What is wrong with the lines of an order against the kit's offer, or empty. */
  private static Optional<String> wrongLine(Inbound m, EnergyOffer offer) {
    var order = m.tree() == null ? null : m.tree().at("/message/order");
    if (order == null || !order.path("items").isArray()) {
      return Optional.of("no order items");
    }
    for (var item : order.path("items")) {
      String id = item.path("id").asText(null);
      if (!offer.offerId().equals(id)) {
        return Optional.of("item '" + id + "' is not in the kit's catalog");
      }
      var q = item.at("/quantity/selected/measure/value");
      BigDecimal kwh = decimal(q.asText(null));
      if (kwh == null || kwh.compareTo(offer.maxQuantityKwh()) > 0) {
        return Optional.of(
            "quantity " + q + " kWh is not within the " + offer.maxQuantityKwh() + " kWh offered");
      }
      var price = item.at("/price/value");
      BigDecimal p = decimal(price.asText(null));
      if (!price.isMissingNode() && (p == null || p.compareTo(offer.price().perKwh()) != 0)) {
        return Optional.of(
            "price " + price + " is not the catalog's " + offer.price().perKwh().toPlainString());
      }
    }
    return Optional.empty();
  }

  private static BigDecimal decimal(String s) {
    try {
      return s == null ? null : new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  CaseResult acks(ConformanceCase c) {
    List<UeiV1FakeSeller.Callback> sent = seller.callbacks();
    if (sent.isEmpty()) {
      return CaseResult.notRun(c, "the kit sent no callback");
    }
    for (UeiV1FakeSeller.Callback cb : sent) {
      HttpAnswer a = cb.sent().answer();
      if (!a.isAck()) {
        return CaseResult.failed(
            c,
            cb.action() + " was answered " + a.summary(),
            List.of(cb.sent().evidence(cb.action())));
      }
    }
    return CaseResult.passed(c, sent.size() + " callback(s), each ACKed", List.of());
  }

  /**
   * An on_select for the buyer's select at twice the price, signed as the kit with a key the
   * registry does not publish: it must be refused with 401.
   */
  CaseResult forged(ConformanceCase c, KitIdentity kit, String kitUrl) {
    Optional<Inbound> select = first("select");
    if (select.isEmpty()) {
      return CaseResult.notRun(c, "needs a select; see " + UeiV1BapCases.FLOW.id());
    }
    UeiV1Envelope env;
    TradeOrder forged;
    try {
      env = UeiV1Envelope.parse(select.get().body());
      TradeOrder asked = new UeiV1Codec().order(env.message());
      UnitPrice twice =
          new UnitPrice(
              seller.offer().price().perKwh().multiply(BigDecimal.valueOf(2)),
              seller.offer().price().currency());
      List<OrderLine> lines = new ArrayList<>();
      for (OrderLine l : asked.lines()) {
        lines.add(
            new OrderLine(
                l.offerId(), l.providerId(), l.seller(), l.slot(), twice, l.quantityKwh()));
      }
      forged = asked.withLines(lines).withStatus(TradeStatus.PENDING);
    } catch (MessageParseException | TradeCodecException e) {
      return CaseResult.notRun(c, "the select cannot be read: " + e.getMessage());
    }
    var context =
        UeiV1Contexts.callbackFor(env.context(), kit.subscriberId(), kitUrl, Clock.systemUTC());
    byte[] body = UeiV1Envelope.of(context, new UeiV1Codec().orderMessage(forged)).write();
    BecknSigner stranger =
        BecknSigner.of(kit.subscriberId(), kit.keyId(), Ed25519KeyPair.generate());
    return refused(c, env, "on_select", body, stranger.authorization(body), "forged on_select");
  }

  /** An on_status without Authorization in the buyer's transaction must be refused with 401. */
  CaseResult unsigned(ConformanceCase c, KitIdentity kit, String kitUrl) {
    Optional<Inbound> confirm = first("confirm");
    if (confirm.isEmpty()) {
      return CaseResult.notRun(c, "needs a confirm; see " + UeiV1BapCases.FLOW.id());
    }
    UeiV1Envelope env;
    try {
      env = UeiV1Envelope.parse(confirm.get().body());
    } catch (MessageParseException e) {
      return CaseResult.notRun(c, "the confirm cannot be read: " + e.getMessage());
    }
    var context =
        UeiV1Contexts.callbackFor(env.context(), kit.subscriberId(), kitUrl, Clock.systemUTC());
    context.put("action", "on_status").put("message_id", java.util.UUID.randomUUID().toString());
    byte[] body = UeiV1Envelope.of(context, env.message()).write();
    return refused(c, env, "on_status", body, null, "unsigned on_status");
  }

  private static CaseResult refused(
      ConformanceCase c,
      UeiV1Envelope request,
      String action,
      byte[] body,
      String authorization,
      String title) {
    BecknClient.Sent sent =
        new BecknClient(Wave2BapConformance.PROBE_TIMEOUT)
            .post(request.context().bapUri(), action, body, authorization);
    HttpAnswer a = sent.answer();
    Exchange ev = sent.evidence(title);
    if (a.status() == 401 && a.header(SignatureHeaders.WWW_AUTHENTICATE) == null) {
      return CaseResult.failed(c, "HTTP 401 without WWW-Authenticate", List.of(ev));
    }
    return UeiV1Callbacks.nack(c, a, 401, null, ev);
  }
}
