package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** One wave-2 run against a seller platform: the cases in the order they are sent. */
final class Wave2BppRun {

  private final Wave2Kit kit;
  private final KitLedgers ledgers;
  private final Wave2BppConformance.Config config;
  private final Consumer<CaseResult> record;

  Wave2BppRun(
      Wave2Kit kit,
      KitLedgers ledgers,
      Wave2BppConformance.Config config,
      Consumer<CaseResult> record) {
    this.kit = kit;
    this.ledgers = ledgers;
    this.config = config;
    this.record = record;
  }

  void all() throws InterruptedException, ConformanceSetupException {
    Wave2Kit.Call discover = kit.send(Wave2Action.DISCOVER, discoverMessage(), null);
    record.accept(ack(discover));
    Optional<Wave2Trade> trade = offer(discover);
    record.accept(refusedProbe(Wave2BppCases.MISSING_SIGNATURE, null));
    record.accept(
        refusedProbe(
            Wave2BppCases.WRONG_KEY,
            BecknSigner.of(
                kit.identity().subscriberId(), kit.identity().keyId(), Ed25519KeyPair.generate())));
    if (trade.isPresent()) {
      record.accept(invalidMessage());
      new Wave2Journey(kit, ledgers, config, record).run(trade.get());
    } else {
      for (ConformanceCase c :
          List.of(
              Wave2BppCases.INVALID_MESSAGE,
              Wave2BppCases.POLICY_REFUSAL,
              Wave2BppCases.INIT,
              Wave2BppCases.CONFIRM,
              Wave2BppCases.LEDGER_FORWARD,
              Wave2BppCases.LEDGER_BLOCKS)) {
        record.accept(
            CaseResult.notRun(c, "needs an offer from discover; see " + Wave2BppCases.OFFERS.id()));
      }
      Wave2Settlement.notRun(
          record, "needs an offer from discover; see " + Wave2BppCases.OFFERS.id());
    }
    Wave2CallbackChecks checks = new Wave2CallbackChecks(kit);
    record.accept(checks.signed(Wave2BppCases.CALLBACK_SIGNED));
    record.accept(checks.messageIds(Wave2BppCases.ECHO_MESSAGE_ID));
    record.accept(checks.context(Wave2BppCases.ECHO_CONTEXT));
    record.accept(checks.revenueFlows(Wave2BppCases.REVENUE_FLOW));
  }

  /** A discover for every EnergyTradeOffer, as the devkit's. */
  static Wave2Message discoverMessage() {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.putObject("intent")
        .putObject("filters")
        .put("type", Wave2Message.Intent.JSONPATH)
        .put(
            "expression",
            "$.catalogs[*].offers[*] ? (@.offerAttributes.\"@type\" == \"EnergyTradeOffer\")");
    return Wave2Message.of(m);
  }

  private CaseResult ack(Wave2Kit.Call call) {
    HttpAnswer a = call.sent().answer();
    Exchange ev = call.sent().evidence("discover");
    return a.isAck() && lts(a, "ACK")
        ? CaseResult.passed(Wave2BppCases.ACK, a.summary(), List.of(ev))
        : CaseResult.failed(
            Wave2BppCases.ACK,
            "expected HTTP 200 with {\"status\":\"ACK\"}, got " + a.summary(),
            List.of(ev));
  }

  /** True when the body is a wave-2 ACK/NACK: {@code status} at the top or in {@code message}. */
  static boolean lts(HttpAnswer a, String status) {
    try {
      var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(a.body());
      return tree != null
          && (status.equals(tree.path("status").asText())
              || status.equals(tree.path("message").path("status").asText()));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private Optional<Wave2Trade> offer(Wave2Kit.Call discover)
      throws InterruptedException, ConformanceSetupException {
    ConformanceCase c = Wave2BppCases.OFFERS;
    Exchange sent = discover.sent().evidence("discover");
    if (!discover.sent().answer().isAck()) {
      record.accept(
          CaseResult.failed(
              c,
              "discover was not acknowledged: " + discover.sent().answer().summary(),
              List.of(sent)));
      return Optional.empty();
    }
    Optional<Inbound> cb = kit.callback(discover);
    if (cb.isEmpty()) {
      record.accept(
          CaseResult.failed(c, "no on_discover within the ttl " + config.ttl(), List.of(sent)));
      return Optional.empty();
    }
    Inbound onDiscover = cb.get();
    List<Exchange> ev = List.of(sent, onDiscover.evidence("on_discover"));
    String unsigned = Wave2Kit.unsigned(discover, onDiscover);
    if (unsigned != null) {
      record.accept(CaseResult.failed(c, unsigned, ev));
      return Optional.empty();
    }
    if (kit.parties().bppId() == null && onDiscover.context("bppId") != null) {
      kit.bppId(onDiscover.context("bppId"));
    }
    try {
      Optional<Wave2Trade> t =
          Wave2Trade.from(Wave2Envelope.parse(onDiscover.body()).message(), config, ledgers, kit);
      if (t.isEmpty()) {
        throw new ConformanceSetupException(
            "the BPP's catalog has no offer open now with 1 kWh or more for an hourly slot more"
                + " than 4 h ahead; "
                + OfferCheck.FIX);
      }
      record.accept(CaseResult.passed(c, "the kit trades against " + t.get(), ev));
      return t;
    } catch (MessageParseException | org.uei.p2p.model.codec.TradeCodecException e) {
      record.accept(
          CaseResult.failed(c, "on_discover's catalog cannot be read: " + e.getMessage(), ev));
      return Optional.empty();
    }
  }

  /** A discover signed wrongly (or not at all) must get 401, WWW-Authenticate and a NACK. */
  private CaseResult refusedProbe(ConformanceCase c, BecknSigner signer) {
    var context = kit.context(Wave2Action.DISCOVER, null);
    byte[] body = Wave2Envelope.of(context, discoverMessage()).write();
    Wave2Kit.Call call =
        kit.sendRaw(context, body, signer == null ? null : signer.authorization(body));
    HttpAnswer a = call.sent().answer();
    List<Exchange> ev = List.of(call.sent().evidence(c.title()));
    if (a.status() != 401) {
      return CaseResult.failed(c, "expected HTTP 401, got " + a.summary(), ev);
    }
    if (a.header(SignatureHeaders.WWW_AUTHENTICATE) == null) {
      return CaseResult.failed(c, "HTTP 401 without WWW-Authenticate", ev);
    }
    if (!lts(a, "NACK")) {
      return CaseResult.failed(c, "HTTP 401 without a wave-2 NACK body: " + a.text(), ev);
    }
    return CaseResult.passed(c, a.summary() + " with WWW-Authenticate", ev);
  }

  /** An init without a contract must get 400 and an LTS NACK naming a code and a path. */
  private CaseResult invalidMessage() {
    ConformanceCase c = Wave2BppCases.INVALID_MESSAGE;
    Wave2Kit.Call call =
        kit.send(Wave2Action.INIT, Wave2Message.of(JsonNodeFactory.instance.objectNode()), null);
    HttpAnswer a = call.sent().answer();
    List<Exchange> ev = List.of(call.sent().evidence("init without a contract"));
    if (a.status() != 400 || !lts(a, "NACK")) {
      return CaseResult.failed(
          c, "expected HTTP 400 with {\"status\":\"NACK\",...}, got " + a.summary(), ev);
    }
    var error = a.ack().map(r -> r.error()).orElse(null);
    if (error == null || error.getCode() == null || error.getCode().isBlank()) {
      return CaseResult.failed(c, "the NACK names no error code: " + a.text(), ev);
    }
    if (error.getPaths() == null || !error.getPaths().startsWith("message")) {
      return CaseResult.failed(
          c, "the NACK names no JSON path in the message (paths: " + error.getPaths() + ")", ev);
    }
    return CaseResult.passed(c, a.summary(), ev);
  }

  /** The contract a callback carries, or empty when it carries none or cannot be read. */
  static Optional<Contract> contract(Inbound m) {
    try {
      Wave2Message msg = Wave2Envelope.parse(m.body()).message();
      return Optional.ofNullable(msg == null ? null : msg.contract());
    } catch (MessageParseException e) {
      return Optional.empty();
    }
  }

  /** The sum of the revenue flows of {@code contract}, if it carries them. */
  static Optional<BigDecimal> flowSum(Contract contract) {
    return contract
        .revenueFlow()
        .map(
            rf ->
                rf.revenueFlows().stream()
                    .map(f -> f.value() == null ? BigDecimal.ZERO : f.value())
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
  }
}
