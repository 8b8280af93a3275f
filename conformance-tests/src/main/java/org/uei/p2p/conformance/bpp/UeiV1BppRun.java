package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** One UEI v1 run against a seller platform: the cases in the order they are sent. */
final class UeiV1BppRun {

  private final UeiV1Kit kit;
  private final MeterPoint buyer;
  private final Consumer<CaseResult> record;

  UeiV1BppRun(UeiV1Kit kit, MeterPoint buyer, Consumer<CaseResult> record) {
    this.kit = kit;
    this.buyer = buyer;
    this.record = record;
  }

  void all() throws InterruptedException, ConformanceSetupException {
    UeiV1Kit.Call search = kit.send(UeiV1Action.SEARCH, searchMessage(), null);
    HttpAnswer a = search.sent().answer();
    Exchange sent = search.sent().evidence("search");
    record.accept(
        a.isAck()
            ? CaseResult.passed(UeiV1BppCases.ACK, a.summary(), List.of(sent))
            : CaseResult.failed(
                UeiV1BppCases.ACK,
                "expected HTTP 200 with an ACK, got " + a.summary(),
                List.of(sent)));
    Optional<EnergyOffer> offer = catalog(search);
    UeiV1Kit.Call unsigned = probe(null);
    UeiV1Kit.Call wrongKey =
        probe(
            BecknSigner.of(
                kit.identity().subscriberId(), kit.identity().keyId(), Ed25519KeyPair.generate()));
    if (offer.isPresent()) {
      UeiV1Journey journey = new UeiV1Journey(kit, buyer, record);
      record.accept(journey.invalidSelect(offer.get()));
      journey.run(offer.get());
    } else {
      for (ConformanceCase c :
          List.of(
              UeiV1BppCases.INVALID_MESSAGE,
              UeiV1BppCases.SELECT,
              UeiV1BppCases.PRICE,
              UeiV1BppCases.INIT,
              UeiV1BppCases.CONFIRM,
              UeiV1BppCases.INVENTORY,
              UeiV1BppCases.STATUS)) {
        record.accept(
            CaseResult.notRun(c, "needs an offer from search; see " + UeiV1BppCases.CATALOG.id()));
      }
    }
    // Judged last, so that a callback the refused probes should never have had has had its time.
    record.accept(refused(UeiV1BppCases.MISSING_SIGNATURE, unsigned));
    record.accept(refused(UeiV1BppCases.WRONG_KEY, wrongKey));
    record.accept(signed());
    record.accept(ids());
    record.accept(echo());
  }

  /** A search for energy delivery: every offer, as a 1.1.0 buyer platform asks. */
  static UeiV1Message searchMessage() {
    ObjectNode m = UeiV1Callbacks.object();
    m.putObject("intent").putObject("fulfillment").put("type", "ENERGY_DELIVERY");
    return UeiV1Message.of(m);
  }

  private Optional<EnergyOffer> catalog(UeiV1Kit.Call search)
      throws InterruptedException, ConformanceSetupException {
    ConformanceCase c = UeiV1BppCases.CATALOG;
    Exchange sent = search.sent().evidence("search");
    if (!search.sent().answer().isAck()) {
      record.accept(
          CaseResult.failed(
              c,
              "search was not acknowledged: " + search.sent().answer().summary(),
              List.of(sent)));
      return Optional.empty();
    }
    CallbackMatch cb = kit.callback(search);
    List<Exchange> ev = cb.evidence(sent);
    if (!cb.counts()) {
      record.accept(CaseResult.failed(c, cb.problem(), ev));
      return Optional.empty();
    }
    Inbound onSearch = cb.callback();
    Optional<String> invalid = UeiV1Callbacks.invalid(onSearch.body(), UeiV1Action.ON_SEARCH);
    if (invalid.isPresent()) {
      record.accept(CaseResult.failed(c, "on_search: " + invalid.get(), ev));
      return Optional.empty();
    }
    if (kit.parties().bppId() == null) {
      kit.bppId(onSearch.context("bpp_id"));
    }
    List<EnergyOffer> offers;
    try {
      offers = offers(onSearch);
    } catch (MessageParseException | TradeCodecException e) {
      record.accept(
          CaseResult.failed(c, "on_search's catalog cannot be read: " + e.getMessage(), ev));
      return Optional.empty();
    }
    Optional<EnergyOffer> usable = OfferCheck.usable(offers);
    if (usable.isEmpty()) {
      throw new ConformanceSetupException(OfferCheck.missing(offers).error());
    }
    record.accept(
        CaseResult.passed(
            c,
            offers.size()
                + " offer(s) at "
                + onSearch.context("bap_uri")
                + "; the kit trades against '"
                + usable.get().offerId()
                + "' ("
                + usable.get().slot()
                + ", "
                + UeiV1Callbacks.show(usable.get().price())
                + ")",
            ev));
    return usable;
  }

  /** The offers of an on_search's catalog. */
  static List<EnergyOffer> offers(Inbound onSearch)
      throws MessageParseException, TradeCodecException {
    return new UeiV1Codec().offers(UeiV1Envelope.parse(onSearch.body()).message());
  }

  /** A search signed by {@code signer}, or unsigned when null. */
  private UeiV1Kit.Call probe(BecknSigner signer) {
    ObjectNode context = kit.context(UeiV1Action.SEARCH, null);
    byte[] body = UeiV1Envelope.of(context, searchMessage()).write();
    UeiV1Kit.Call call =
        kit.sendRaw(context, body, signer == null ? null : signer.authorization(body));
    return call;
  }

  /** A wrongly signed search must get 401, WWW-Authenticate and a NACK, and never an on_search. */
  private CaseResult refused(ConformanceCase c, UeiV1Kit.Call call) {
    HttpAnswer a = call.sent().answer();
    Exchange ev = call.sent().evidence(c.title());
    if (a.status() == 401 && a.header(SignatureHeaders.WWW_AUTHENTICATE) == null) {
      return CaseResult.failed(c, "HTTP 401 without WWW-Authenticate", List.of(ev));
    }
    CaseResult r = UeiV1Callbacks.nack(c, a, 401, null, ev);
    if (r.outcome() != org.uei.p2p.conformance.Outcome.PASSED) {
      return r;
    }
    Optional<Inbound> answered =
        kit.callbacks().stream()
            .filter(m -> call.messageId().equals(m.context("message_id")))
            .findFirst();
    return answered
        .map(
            m ->
                CaseResult.failed(
                    c,
                    "refused with 401, yet answered with " + m.action(),
                    List.of(ev, m.evidence(m.action()))))
        .orElseGet(
            () ->
                CaseResult.passed(
                    c, a.summary() + " with WWW-Authenticate, no callback", List.of(ev)));
  }

  private CaseResult signed() {
    ConformanceCase c = UeiV1BppCases.CALLBACK_SIGNED;
    List<Inbound> all = kit.callbacks();
    if (all.isEmpty()) {
      return CaseResult.failed(c, "no callback reached the kit", List.of());
    }
    for (Inbound m : all) {
      if (!m.signature().valid()) {
        return CaseResult.failed(
            c,
            m.action() + " " + m.context("message_id") + ": " + m.signature(),
            List.of(m.evidence(m.action())));
      }
    }
    return CaseResult.passed(
        c, all.size() + " callback(s), each validly signed by its context.bpp_id", List.of());
  }

  private CaseResult ids() {
    ConformanceCase c = UeiV1BppCases.ECHO_IDS;
    Map<UeiV1Kit.Call, Inbound> pairs = kit.pairs();
    if (pairs.isEmpty()) {
      return CaseResult.notRun(c, "no request was answered with a callback");
    }
    for (Map.Entry<UeiV1Kit.Call, Inbound> p : pairs.entrySet()) {
      for (String f : List.of("transaction_id", "message_id")) {
        String sent = p.getKey().context().path(f).asText();
        String got = p.getValue().context(f);
        if (!sent.equals(got)) {
          return CaseResult.failed(
              c,
              p.getValue().action()
                  + " carries "
                  + f
                  + " '"
                  + got
                  + "', the request had '"
                  + sent
                  + "'",
              evidence(p));
        }
      }
    }
    return CaseResult.passed(
        c, pairs.size() + " callback(s), each with its request's ids", List.of());
  }

  private CaseResult echo() {
    ConformanceCase c = UeiV1BppCases.ECHO_CONTEXT;
    Map<UeiV1Kit.Call, Inbound> pairs = kit.pairs();
    if (pairs.isEmpty()) {
      return CaseResult.notRun(c, "no request was answered with a callback");
    }
    for (Map.Entry<UeiV1Kit.Call, Inbound> p : pairs.entrySet()) {
      Optional<String> wrong = UeiV1Callbacks.notEchoed(p.getKey().context(), p.getValue());
      if (wrong.isPresent()) {
        return CaseResult.failed(
            c, p.getValue().action() + " does not echo " + wrong.get(), evidence(p));
      }
    }
    return CaseResult.passed(
        c,
        pairs.size() + " callback(s) echo " + String.join(", ", UeiV1Callbacks.ECHOED),
        List.of());
  }

  private static List<Exchange> evidence(Map.Entry<UeiV1Kit.Call, Inbound> p) {
    return List.of(
        p.getKey().sent().evidence(p.getKey().action()),
        p.getValue().evidence(p.getValue().action()));
  }
}
