package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The wave-2 trade journey against a seller: init (passing, then one the contract policy must
 * refuse), confirm with the ledger forwarding checked at the kit's ledgers, a status so that
 * whatever the seller reports about the contract reaches the callback checks, and the allocation
 * cascade that settles it ({@link Wave2Settlement}).
 */
final class Wave2Journey {

  private final Wave2Kit kit;
  private final KitLedgers ledgers;
  private final Wave2BppConformance.Config config;
  private final Consumer<CaseResult> record;

  Wave2Journey(
      Wave2Kit kit,
      KitLedgers ledgers,
      Wave2BppConformance.Config config,
      Consumer<CaseResult> record) {
    this.kit = kit;
    this.ledgers = ledgers;
    this.config = config;
    this.record = record;
  }

  void run(Wave2Trade trade) throws InterruptedException {
    Wave2Kit.Call init = kit.send(Wave2Action.INIT, trade.init(), null);
    Optional<Inbound> onInit = answered(Wave2BppCases.INIT, init, "init for 1 kWh");
    Optional<Contract> drafted = onInit.flatMap(Wave2BppRun::contract);
    if (onInit.isPresent()) {
      record.accept(initResult(init, onInit.get(), drafted));
    }
    record.accept(policyRefusal(trade));
    if (drafted.isEmpty() || drafted.get().settlementTerm().isEmpty()) {
      for (ConformanceCase c :
          List.of(
              Wave2BppCases.CONFIRM, Wave2BppCases.LEDGER_FORWARD, Wave2BppCases.LEDGER_BLOCKS)) {
        record.accept(
            CaseResult.notRun(c, "needs " + Wave2BppCases.INIT.id() + ", which did not pass"));
      }
      Wave2Settlement.notRun(record, "needs " + Wave2BppCases.INIT.id() + ", which did not pass");
      return;
    }
    ObjectNode confirmMessage = JsonNodeFactory.instance.objectNode();
    confirmMessage.set("contract", drafted.get().toJson());
    Wave2Kit.Call confirm =
        kit.send(Wave2Action.CONFIRM, Wave2Message.of(confirmMessage), init.transactionId());
    Optional<Inbound> onConfirm = answered(Wave2BppCases.CONFIRM, confirm, "confirm");
    // A seller that confirmed early may still be writing: give the write its hold and a ttl.
    ledgers.awaitPut(config.ledgerHold().plus(config.ttl()));
    Wave2LedgerChecks checks = new Wave2LedgerChecks(ledgers, trade, init.transactionId());
    if (onConfirm.isEmpty()) {
      record.accept(checks.forwarded(Wave2BppCases.LEDGER_FORWARD));
      record.accept(
          CaseResult.notRun(
              Wave2BppCases.LEDGER_BLOCKS,
              "needs an on_confirm; see " + Wave2BppCases.CONFIRM.id()));
      Wave2Settlement.notRun(record, "needs an on_confirm; see " + Wave2BppCases.CONFIRM.id());
      return;
    }
    Optional<Contract> active = Wave2BppRun.contract(onConfirm.get());
    List<Exchange> ev =
        List.of(confirm.sent().evidence("confirm"), onConfirm.get().evidence("on_confirm"));
    if (active.isEmpty() || !"ACTIVE".equals(active.get().statusCode())) {
      record.accept(
          CaseResult.failed(
              Wave2BppCases.CONFIRM,
              "on_confirm's contract status is "
                  + active.map(Contract::statusCode).orElse("missing")
                  + ", not ACTIVE",
              ev));
    } else if (active.get().id() == null) {
      record.accept(
          CaseResult.failed(Wave2BppCases.CONFIRM, "on_confirm's contract has no id", ev));
    } else {
      record.accept(
          CaseResult.passed(
              Wave2BppCases.CONFIRM, "contract '" + active.get().id() + "' is ACTIVE", ev));
    }
    record.accept(checks.forwarded(Wave2BppCases.LEDGER_FORWARD));
    record.accept(checks.blocked(Wave2BppCases.LEDGER_BLOCKS, onConfirm.get()));
    if (active.isPresent() && active.get().id() != null) {
      // A status carries the contract as confirmed, as the devkit's does.
      ObjectNode status = JsonNodeFactory.instance.objectNode();
      status.set("contract", active.get().toJson());
      kit.callback(kit.send(Wave2Action.STATUS, Wave2Message.of(status), init.transactionId()));
      new Wave2Settlement(kit, ledgers, config, record).run(onConfirm.get(), init.transactionId());
    } else {
      Wave2Settlement.notRun(record, "needs an ACTIVE contract; see " + Wave2BppCases.CONFIRM.id());
    }
  }

  /**
   * The callback of an ACKed request, or empty after recording why {@code c} fails: the request was
   * not ACKed or no callback came.
   */
  private Optional<Inbound> answered(ConformanceCase c, Wave2Kit.Call call, String what)
      throws InterruptedException {
    Exchange sent = call.sent().evidence(what);
    if (!call.sent().answer().isAck()) {
      record.accept(
          CaseResult.failed(
              c, what + " was not acknowledged: " + call.sent().answer().summary(), List.of(sent)));
      return Optional.empty();
    }
    Optional<Inbound> cb = kit.callback(call);
    if (cb.isEmpty()) {
      record.accept(
          CaseResult.failed(
              c, "no on_" + call.action() + " within the ttl " + config.ttl(), List.of(sent)));
      return cb;
    }
    String unsigned = Wave2Kit.unsigned(call, cb.get());
    if (unsigned != null) {
      record.accept(CaseResult.failed(c, unsigned, List.of(sent, cb.get().evidence("callback"))));
      return Optional.empty();
    }
    return cb;
  }

  private CaseResult initResult(Wave2Kit.Call init, Inbound onInit, Optional<Contract> drafted) {
    ConformanceCase c = Wave2BppCases.INIT;
    List<Exchange> ev = List.of(init.sent().evidence("init for 1 kWh"), onInit.evidence("on_init"));
    if (drafted.isEmpty()) {
      return CaseResult.failed(c, "on_init carries no readable contract", ev);
    }
    if (drafted.get().commitments().isEmpty()) {
      return CaseResult.failed(c, "on_init's contract has no commitments", ev);
    }
    if (drafted.get().settlementTerm().isEmpty()) {
      return CaseResult.failed(
          c, "on_init's contract carries no SettlementTerm with payTo in consideration[]", ev);
    }
    var term = drafted.get().settlementTerm().get().payTo();
    String where =
        term.vpa() != null
            ? "VPA " + term.vpa()
            : term.paymentUrl() != null ? "payment URL " + term.paymentUrl() : "bank account";
    return CaseResult.passed(c, "on_init carries settlement terms: pay to " + where, ev);
  }

  private CaseResult policyRefusal(Wave2Trade trade) throws InterruptedException {
    ConformanceCase c = Wave2BppCases.POLICY_REFUSAL;
    Wave2Kit.Call call = kit.send(Wave2Action.INIT, trade.initOutsidePolicy(), null);
    HttpAnswer a = call.sent().answer();
    List<Exchange> ev = new ArrayList<>();
    ev.add(call.sent().evidence("init with buyer DISCOM " + Wave2Trade.OUTSIDE_DISCOM));
    if (a.status() == 400 && Wave2BppRun.lts(a, "NACK")) {
      return CaseResult.passed(c, "refused: " + a.summary(), ev);
    }
    if (a.isAck()) {
      Optional<Inbound> cb = kit.callback(call);
      cb.ifPresent(m -> ev.add(m.evidence("on_init")));
      return CaseResult.failed(
          c,
          "accepted: an init whose buyer DISCOM "
              + Wave2Trade.OUTSIDE_DISCOM
              + " no policy allows was ACKed"
              + (cb.isPresent() ? " and answered with on_init" : ""),
          ev);
    }
    return CaseResult.failed(
        c, "expected HTTP 400 with {\"status\":\"NACK\",...}, got " + a.summary(), ev);
  }

  /** A number of a JSON node as BigDecimal, or null. */
  static BigDecimal number(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.decimalValue();
  }

  /** An instant of a JSON text, or null when missing or malformed. */
  static Instant instant(JsonNode n) {
    try {
      return n == null || !n.isTextual() ? null : Instant.parse(n.asText());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
