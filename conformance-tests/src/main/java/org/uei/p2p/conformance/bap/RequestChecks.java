package org.uei.p2p.conformance.bap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave1Validator;

/** The cases that look at the requests the buyer platform sent during its flow. */
final class RequestChecks {

  private static final List<String> FLOW =
      List.of("discover", "select", "init", "confirm", "status");
  private final List<Inbound> requests;
  private final FakeSeller seller;
  private final Wave1Codec codec = new Wave1Codec();

  RequestChecks(List<Inbound> requests, FakeSeller seller) {
    this.requests = requests;
    this.seller = seller;
  }

  Optional<Inbound> first(String action) {
    return requests.stream().filter(m -> action.equals(m.action())).findFirst();
  }

  static Context context(Inbound m) {
    try {
      return Envelopes.parse(m.body()).getContext();
    } catch (Exception e) {
      throw new IllegalStateException("request no longer parses: " + e.getMessage(), e);
    }
  }

  CaseResult flow(ConformanceCase c, String triggerProblem) {
    List<Exchange> ev = new ArrayList<>();
    long last = Long.MIN_VALUE;
    for (String a : FLOW) {
      Optional<Inbound> m = first(a);
      if (m.isEmpty()) {
        return CaseResult.failed(
            c,
            "no "
                + a
                + " reached the kit"
                + (triggerProblem == null ? "" : "; the trigger " + "reported: " + triggerProblem),
            ev);
      }
      ev.add(m.get().evidence(a));
      if (m.get().receivedAt().toEpochMilli() < last) {
        return CaseResult.failed(c, a + " arrived before the previous step", ev);
      }
      last = m.get().receivedAt().toEpochMilli();
    }
    return CaseResult.passed(
        c, "discover, select, init, confirm and status reached the kit in order", ev);
  }

  /**
   * Passes when {@code received} is not empty and each request in it is validly signed; a failure
   * names the first that is not by its action and the context member {@code messageIdKey}.
   */
  static CaseResult everySigned(ConformanceCase c, List<Inbound> received, String messageIdKey) {
    if (received.isEmpty()) {
      return CaseResult.notRun(c, "no request reached the kit");
    }
    for (Inbound m : received) {
      if (!m.signature().valid()) {
        return CaseResult.failed(
            c,
            m.action() + " " + m.context(messageIdKey) + ": " + m.signature(),
            List.of(m.evidence(m.action())));
      }
    }
    return CaseResult.passed(c, received.size() + " request(s), each validly signed", List.of());
  }

  CaseResult signed(ConformanceCase c) {
    if (requests.isEmpty()) {
      return CaseResult.notRun(c, "no request reached the kit");
    }
    for (Inbound m : requests) {
      if (!m.signature().valid()) {
        return CaseResult.failed(
            c, m.action() + ": " + m.signature(), List.of(m.evidence(m.action())));
      }
    }
    return CaseResult.passed(
        c, requests.size() + " request(s), each validly signed by its context.bap_id", List.of());
  }

  CaseResult valid(ConformanceCase c) {
    if (requests.isEmpty()) {
      return CaseResult.notRun(c, "no request reached the kit");
    }
    for (Inbound m : requests) {
      Optional<Action> action = Action.fromWireName(m.action());
      if (action.isEmpty()) {
        return CaseResult.failed(
            c, "POST /" + m.action() + " is not a Beckn action", List.of(m.evidence(m.action())));
      }
      ValidationResult v;
      try {
        v = Wave1Validator.strict().validate(Envelopes.parse(m.body(), action.get()), action.get());
      } catch (Exception e) {
        return CaseResult.failed(
            c, m.action() + " cannot be read: " + e.getMessage(), List.of(m.evidence(m.action())));
      }
      if (!v.isValid()) {
        var e = v.errors().get(0);
        return CaseResult.failed(
            c,
            m.action() + ": " + e.getMessage() + " at " + e.getPaths(),
            List.of(m.evidence(m.action())));
      }
    }
    return CaseResult.passed(
        c, requests.size() + " request(s), all valid by the strict wave-1 rules", List.of());
  }

  CaseResult context(ConformanceCase c) {
    Set<String> ids = new HashSet<>();
    for (Inbound m : requests) {
      if (!ids.add(m.context("message_id"))) {
        return CaseResult.failed(
            c,
            m.action() + " reuses message_id " + m.context("message_id"),
            List.of(m.evidence(m.action())));
      }
    }
    Optional<Inbound> select = first("select");
    if (select.isEmpty()) {
      return CaseResult.notRun(c, "no select reached the kit");
    }
    String txn = select.get().context("transaction_id");
    for (String a : FLOW.subList(2, FLOW.size())) {
      Optional<Inbound> m = first(a);
      if (m.isPresent() && !txn.equals(m.get().context("transaction_id"))) {
        return CaseResult.failed(
            c,
            a + " has transaction_id " + m.get().context("transaction_id") + ", select had " + txn,
            List.of(select.get().evidence("select"), m.get().evidence(a)));
      }
    }
    return CaseResult.passed(
        c, ids.size() + " distinct message_id(s); the trade kept transaction_id " + txn, List.of());
  }

  CaseResult consistent(ConformanceCase c) {
    Optional<Inbound> select = first("select");
    Optional<Inbound> confirm = first("confirm");
    Optional<Inbound> status = first("status");
    if (select.isEmpty() || confirm.isEmpty() || status.isEmpty()) {
      return CaseResult.notRun(
          c, "needs select, confirm and status; see " + BapCases.FLOW_REACHED.id());
    }
    EnergyOffer offer = seller.offer();
    try {
      OrderLine asked = order(select.get()).lines().get(0);
      if (!asked.offerId().equals(offer.offerId())
          || asked.price().perKwh().compareTo(offer.price().perKwh()) != 0) {
        return CaseResult.failed(
            c,
            "select asks for '"
                + asked.offerId()
                + "' at "
                + asked.price()
                + ", the kit offered '"
                + offer.offerId()
                + "' at "
                + offer.price(),
            List.of(select.get().evidence("select")));
      }
      for (String a : List.of("init", "confirm")) {
        Inbound m = first(a).orElseThrow();
        OrderLine l = order(m).lines().get(0);
        if (!l.offerId().equals(asked.offerId())
            || l.quantityKwh().compareTo(asked.quantityKwh()) != 0
            || l.price().perKwh().compareTo(asked.price().perKwh()) != 0) {
          return CaseResult.failed(
              c,
              a
                  + " changed the quoted line to "
                  + l.offerId()
                  + ", "
                  + l.quantityKwh().toPlainString()
                  + " kWh at "
                  + l.price(),
              List.of(select.get().evidence("select"), m.evidence(a)));
        }
      }
      TradeOrder confirmed = seller.confirmedBy(confirm.get().context("message_id"));
      Message sm = Envelopes.parse(status.get().body(), Action.STATUS).getMessage();
      String asking =
          ((OrderMessage) sm).getOrder() == null ? null : ((OrderMessage) sm).getOrder().getId();
      if (confirmed == null || !confirmed.orderId().equals(asking)) {
        return CaseResult.failed(
            c,
            "status asks for order '"
                + asking
                + "', the kit confirmed '"
                + (confirmed == null ? null : confirmed.orderId())
                + "'",
            List.of(status.get().evidence("status")));
      }
      return CaseResult.passed(
          c,
          "offer "
              + asked.offerId()
              + ", "
              + asked.quantityKwh().toPlainString()
              + " kWh at "
              + asked.price().perKwh().toPlainString()
              + " kept through confirm; status names order "
              + asking,
          List.of());
    } catch (Exception e) {
      return CaseResult.failed(
          c, "an order of the flow cannot be read: " + e.getMessage(), List.of());
    }
  }

  CaseResult energy(ConformanceCase c) {
    EnergyOffer offer = seller.offer();
    int lines = 0;
    for (String a : List.of("select", "init", "confirm")) {
      for (Inbound m : requests) {
        if (!a.equals(m.action())) {
          continue;
        }
        TradeOrder o;
        try {
          o = order(m);
        } catch (Exception e) {
          return CaseResult.failed(
              c, a + "'s order cannot be read: " + e.getMessage(), List.of(m.evidence(a)));
        }
        for (OrderLine l : o.lines()) {
          lines++;
          String broken =
              l.quantityKwh().compareTo(java.math.BigDecimal.ONE) < 0
                  ? l.quantityKwh().toPlainString() + " kWh is below the minimum of 1 kWh"
                  : l.quantityKwh().stripTrailingZeros().scale() > 2
                      ? l.quantityKwh().toPlainString() + " kWh has more than two decimals"
                      : !l.slot().equals(offer.slot())
                          ? "slot " + l.slot() + " is not the offered " + offer.slot()
                          : o.buyer().meterId().equals(offer.seller().meterId())
                              ? "buyer meter " + o.buyer().meterId() + " is the seller's meter"
                              : null;
          if (broken != null) {
            return CaseResult.failed(c, a + ": " + broken, List.of(m.evidence(a)));
          }
        }
      }
    }
    return lines == 0
        ? CaseResult.notRun(c, "no order reached the kit")
        : CaseResult.passed(c, lines + " order line(s), each within the trading rules", List.of());
  }

  CaseResult acks(ConformanceCase c) {
    Map<String, BecknClient.Sent> sent = seller.callbacks();
    if (sent.isEmpty()) {
      return CaseResult.notRun(c, "the kit sent no callback");
    }
    for (BecknClient.Sent s : sent.values()) {
      if (!s.answer().isAck()) {
        return CaseResult.failed(
            c, "a correct callback got " + s.answer().summary(), List.of(s.evidence("callback")));
      }
    }
    return CaseResult.passed(c, sent.size() + " callback(s), each acknowledged", List.of());
  }

  private TradeOrder order(Inbound m) throws Exception {
    Envelope<? extends Message> e =
        Envelopes.parse(m.body(), Action.fromWireName(m.action()).orElseThrow());
    return codec.order(e.getMessage());
  }
}
