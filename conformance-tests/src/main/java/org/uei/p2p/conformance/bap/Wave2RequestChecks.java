package org.uei.p2p.conformance.bap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.SettlementTerm;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.signing.SignatureHeaders;

/** Checks over the wave-2 requests a buyer platform sent the kit and its answers to callbacks. */
final class Wave2RequestChecks {

  private static final List<String> FLOW = List.of("discover", "init", "confirm", "status");
  private final List<Inbound> received;
  private final Wave2FakeSeller seller;

  Wave2RequestChecks(List<Inbound> received, Wave2FakeSeller seller) {
    this.received = List.copyOf(received);
    this.seller = seller;
  }

  Optional<Inbound> first(String action) {
    return received.stream().filter(m -> action.equals(m.action())).findFirst();
  }

  private static Optional<Contract> contract(Inbound m) {
    try {
      Wave2Message msg = Wave2Envelope.parse(m.body()).message();
      return Optional.ofNullable(msg == null ? null : msg.contract());
    } catch (MessageParseException e) {
      return Optional.empty();
    }
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
    String why =
        seen.isEmpty()
            ? "no discover reached the kit"
            : "received " + String.join(", ", seen) + "; missing " + FLOW.get(at) + " after that";
    return CaseResult.failed(
        c, why + (triggerProblem == null ? "" : " (trigger: " + triggerProblem + ")"), all());
  }

  CaseResult signed(ConformanceCase c) {
    return RequestChecks.everySigned(c, received, "messageId");
  }

  CaseResult valid(ConformanceCase c) {
    if (received.isEmpty()) {
      return CaseResult.notRun(c, "no request reached the kit");
    }
    for (Inbound m : received) {
      Optional<Wave2Action> action = Wave2Action.fromWireName(m.action());
      ValidationResult v;
      try {
        v =
            Wave2Validator.strict()
                .validate(Wave2Envelope.parse(m.body()), action.orElse(Wave2Action.DISCOVER));
      } catch (MessageParseException e) {
        return CaseResult.failed(
            c, m.action() + " cannot be read: " + e.getMessage(), List.of(m.evidence(m.action())));
      }
      if (!v.isValid()) {
        var e = v.errors().get(0);
        return CaseResult.failed(
            c,
            m.action() + " is invalid: " + e.getMessage() + " at '" + e.getPaths() + "'",
            List.of(m.evidence(m.action())));
      }
    }
    return CaseResult.passed(c, received.size() + " request(s), each valid", List.of());
  }

  CaseResult context(ConformanceCase c) {
    Set<String> ids = new HashSet<>();
    for (Inbound m : received) {
      if (!ids.add(m.context("messageId"))) {
        return CaseResult.failed(
            c, m.action() + " reuses messageId '" + m.context("messageId") + "'", all());
      }
    }
    Optional<Inbound> init = first("init");
    if (init.isEmpty()) {
      return CaseResult.notRun(c, "needs an init; see " + Wave2BapCases.FLOW.id());
    }
    String txn = init.get().context("transactionId");
    for (String a : List.of("confirm", "status")) {
      Optional<Inbound> m = first(a);
      if (m.isPresent() && !txn.equals(m.get().context("transactionId"))) {
        return CaseResult.failed(
            c,
            a
                + " carries transactionId '"
                + m.get().context("transactionId")
                + "', not the init's '"
                + txn
                + "'",
            all());
      }
    }
    return CaseResult.passed(c, ids.size() + " messageIds, one transactionId " + txn, List.of());
  }

  CaseResult ledgers(ConformanceCase c) {
    Optional<Inbound> init = first("init");
    Optional<Contract> contract = init.flatMap(Wave2RequestChecks::contract);
    if (contract.isEmpty()) {
      return CaseResult.notRun(c, "needs an init with a contract; see " + Wave2BapCases.FLOW.id());
    }
    List<String> found = new ArrayList<>();
    for (String role : List.of(DegContract.BUYER_DISCOM, DegContract.SELLER_DISCOM)) {
      Optional<Participant> p = contract.get().participantInRole(role);
      Participant.DiscomLedgerProvider lp = p.map(Participant::ledgerProvider).orElse(null);
      if (lp == null || lp.ledgerUri() == null) {
        return CaseResult.failed(
            c,
            "the init's contract names no DiscomLedgerProvider with a ledgerUri for " + role,
            List.of(init.get().evidence("init")));
      }
      found.add(role + " " + p.get().id() + " at " + lp.ledgerUri());
    }
    return CaseResult.passed(c, String.join(", ", found), List.of(init.get().evidence("init")));
  }

  CaseResult settlement(ConformanceCase c) {
    Optional<Inbound> confirm = first("confirm");
    if (confirm.isEmpty()) {
      return CaseResult.notRun(c, "needs a confirm; see " + Wave2BapCases.FLOW.id());
    }
    String vpa =
        contract(confirm.get())
            .flatMap(Contract::settlementTerm)
            .map(SettlementTerm::payTo)
            .map(SettlementTerm.PayTo::vpa)
            .orElse(null);
    List<Exchange> ev = List.of(confirm.get().evidence("confirm"));
    return Wave2FakeSeller.VPA.equals(vpa)
        ? CaseResult.passed(c, "confirm carries the settlement term of on_init", ev)
        : CaseResult.failed(
            c,
            "confirm carries "
                + (vpa == null ? "no settlement term" : "VPA " + vpa)
                + ", not on_init's VPA "
                + Wave2FakeSeller.VPA,
            ev);
  }

  CaseResult acks(ConformanceCase c) {
    List<Wave2FakeSeller.Callback> sent = seller.callbacks();
    if (sent.isEmpty()) {
      return CaseResult.notRun(c, "the kit sent no callback");
    }
    for (Wave2FakeSeller.Callback cb : sent) {
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

  CaseResult unsignedCallback(ConformanceCase c, Inbound confirm) {
    Wave2Envelope env;
    try {
      env = Wave2Envelope.parse(confirm.body());
    } catch (MessageParseException e) {
      return CaseResult.notRun(c, "the confirm cannot be read");
    }
    ObjectNode ctx =
        Wave2Contexts.unsolicited(Wave2Action.ON_STATUS, env.context(), Clock.systemUTC());
    byte[] body = Wave2Envelope.of(ctx, env.message()).write();
    BecknClient.Sent sent =
        new BecknClient(Wave2BapConformance.PROBE_TIMEOUT)
            .post(env.context().bapUri(), "on_status", body, null);
    HttpAnswer a = sent.answer();
    List<Exchange> ev = List.of(sent.evidence("unsigned on_status"));
    if (a.status() != 401) {
      return CaseResult.failed(c, "expected HTTP 401, got " + a.summary(), ev);
    }
    if (a.header(SignatureHeaders.WWW_AUTHENTICATE) == null) {
      return CaseResult.failed(c, "HTTP 401 without WWW-Authenticate", ev);
    }
    return CaseResult.passed(c, a.summary() + " with WWW-Authenticate", ev);
  }
}
