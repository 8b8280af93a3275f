package org.uei.p2p.conformance.bap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.http.Wave2Replies;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The kit as seller platform after the trade: it reports the seller DISCOM's allocations and then
 * the settlement to the buyer platform in unsolicited on_status messages, expects both ACKed and
 * the seller side passed on to the buyer DISCOM's ledger (when that ledger is the kit), and expects
 * a settlement whose revenue flows do not sum to zero refused.
 */
final class Wave2BapSettlement {

  private static final BigDecimal SELLER_SHARE = new BigDecimal("0.80");
  private static final BigDecimal BUYER_SHARE = new BigDecimal("0.90");
  private static final Currency INR = Currency.getInstance("INR");

  private final KitIdentity identity;
  private final String kitUrl;
  private final BecknListener listener;
  private final Duration wait;
  private final BecknClient client;

  Wave2BapSettlement(KitIdentity identity, String kitUrl, BecknListener listener, Duration ttl) {
    this.identity = identity;
    this.kitUrl = kitUrl;
    this.listener = listener;
    this.wait = ttl.multipliedBy(2);
    this.client = new BecknClient(ttl.plusSeconds(10));
  }

  /** Records every settlement case as not run, for {@code why}. */
  static void notRun(Consumer<CaseResult> record, String why) {
    for (ConformanceCase c : Wave2BapCases.SETTLEMENT_CASES) {
      record.accept(CaseResult.notRun(c, why));
    }
  }

  /**
   * Runs the cases on the contract the kit's {@code onConfirm} made ACTIVE for the buyer's {@code
   * confirm}.
   */
  void run(Inbound confirm, byte[] onConfirm, Consumer<CaseResult> record)
      throws InterruptedException {
    Wave2Context buyer;
    TradeContract active;
    try {
      buyer = Wave2Envelope.parse(confirm.body()).context();
      active = new Wave2Codec(null, List.of()).contract(Wave2Envelope.parse(onConfirm).message());
    } catch (MessageParseException | TradeCodecException | RuntimeException e) {
      notRun(record, "the confirmed contract cannot be read: " + e.getMessage());
      return;
    }
    if (active.policy() == null || active.buyerLedger() == null || active.sellerLedger() == null) {
      notRun(
          record,
          "the confirmed contract names no policy or not both DISCOMs' ledgers; see "
              + Wave2BapCases.LEDGERS.id());
      return;
    }
    String id = active.order().orderId();
    List<Allocation> seller = allocations(active, TradeSide.SELLER, SELLER_SHARE);
    List<Allocation> both = new ArrayList<>(seller);
    both.addAll(allocations(active, TradeSide.BUYER, BUYER_SHARE));

    Instant sent = Instant.now();
    BecknClient.Sent allocated =
        onStatus(buyer, active, seller, Map.of(), List.of(), "SELLER_DISCOM_ALLOC");
    record.accept(passedOn(buyer, active, allocated, sent));

    Map<String, BigDecimal> finals = new LinkedHashMap<>();
    BigDecimal value = BigDecimal.ZERO;
    for (int i = 0; i < active.order().lines().size(); i++) {
      OrderLine l = active.order().lines().get(i);
      BigDecimal fin = share(l, SELLER_SHARE).min(share(l, BUYER_SHARE));
      finals.put(id + "/" + (i + 1), fin);
      value = value.add(fin.multiply(l.price().perKwh()));
    }
    value = value.setScale(2, RoundingMode.HALF_UP);
    List<MoneyFlow> balanced =
        List.of(
            new MoneyFlow(Payee.BUYER_PLATFORM, value.negate(), INR),
            new MoneyFlow(Payee.SELLER_PLATFORM, value, INR));
    BecknClient.Sent settled = onStatus(buyer, active, both, finals, balanced, "settlement");
    ConformanceCase c = Wave2BapCases.SETTLED;
    List<Exchange> ev = List.of(settled.evidence("settled on_status"));
    record.accept(
        settled.answer().isAck()
            ? CaseResult.passed(
                c, "the settlement (buyer pays " + value.toPlainString() + ") was ACKed", ev)
            : CaseResult.failed(
                c,
                "a settlement whose flows sum to zero was refused: " + settled.answer().summary(),
                ev));

    List<MoneyFlow> unbalanced =
        List.of(
            new MoneyFlow(Payee.BUYER_PLATFORM, value.negate(), INR),
            new MoneyFlow(Payee.SELLER_PLATFORM, value.add(BigDecimal.ONE), INR));
    BecknClient.Sent wrong =
        onStatus(buyer, active, both, finals, unbalanced, "unbalanced settlement");
    ConformanceCase u = Wave2BapCases.UNBALANCED;
    List<Exchange> ev2 = List.of(wrong.evidence("on_status whose flows sum to 1.00"));
    record.accept(
        wrong.answer().status() == 400 && !wrong.answer().isAck()
            ? CaseResult.passed(u, "refused: " + wrong.answer().summary(), ev2)
            : CaseResult.failed(
                u,
                "revenue flows summing to 1.00 got "
                    + wrong.answer().summary()
                    + ", not HTTP 400 with a NACK",
                ev2));
  }

  private CaseResult passedOn(
      Wave2Context buyer, TradeContract active, BecknClient.Sent allocated, Instant sent)
      throws InterruptedException {
    ConformanceCase c = Wave2BapCases.PASSED_ON;
    List<Exchange> ev = new ArrayList<>(List.of(allocated.evidence("on_status with allocations")));
    if (!allocated.answer().isAck()) {
      return CaseResult.failed(
          c, "the seller's SELLER_DISCOM_ALLOC was not ACKed: " + allocated.answer().summary(), ev);
    }
    String ledgerUri = active.buyerLedger() == null ? null : active.buyerLedger().ledgerUri();
    if (ledgerUri == null || !same(ledgerUri, kitUrl)) {
      return CaseResult.notRun(
          c,
          "ACKed; the buyer DISCOM's ledger is "
              + ledgerUri
              + ", not the kit ("
              + kitUrl
              + "): name the kit as its ledgerUri to see the pass-on");
    }
    String txn = buyer.transactionId();
    Optional<Inbound> told =
        listener.await(
            m ->
                "on_status".equals(m.action())
                    && m.signature().valid()
                    && buyer.bapId().equals(m.context("bppId"))
                    && txn.equals(m.context("transactionId"))
                    && !m.receivedAt().isBefore(sent)
                    && carriesSeller(m, active),
            wait);
    told.ifPresent(m -> ev.add(m.evidence("on_status to the buyer DISCOM's ledger")));
    return told.isPresent()
        ? CaseResult.passed(
            c, "ACKed and passed on to the buyer DISCOM's ledger, signed by " + buyer.bapId(), ev)
        : CaseResult.failed(
            c,
            "ACKed, but no on_status with the SELLER_DISCOM_ALLOC reached the buyer DISCOM's ledger"
                + " at "
                + ledgerUri
                + " within "
                + wait,
            ev);
  }

  /** An unsolicited on_status of the contract with these figures, signed by the kit. */
  private BecknClient.Sent onStatus(
      Wave2Context buyer,
      TradeContract active,
      List<Allocation> allocations,
      Map<String, BigDecimal> finals,
      List<MoneyFlow> flows,
      String what) {
    Wave2Message m =
        new Wave2Codec(active.policy(), List.of(active.buyerLedger(), active.sellerLedger()))
            .contractMessage(
                new TradeContract(
                    active.order(),
                    active.policy(),
                    active.buyerLedger(),
                    active.sellerLedger(),
                    allocations,
                    finals,
                    flows));
    if (!flows.isEmpty() && (m.contract() == null || m.contract().revenueFlow().isEmpty())) {
      throw new IllegalStateException("the kit's " + what + " lost its revenue flows");
    }
    ObjectNode context =
        Wave2Replies.onStatusContext(
            new Wave2Contexts.Parties(
                buyer.networkId(), buyer.bapId(), buyer.bapUri(), identity.subscriberId(), kitUrl),
            buyer.transactionId(),
            wait);
    byte[] body = Wave2Envelope.of(context, m).write();
    return client.post(buyer.bapUri(), "on_status", body, identity.signer().authorization(body));
  }

  private static boolean carriesSeller(Inbound m, TradeContract active) {
    try {
      TradeContract tc =
          new Wave2Codec(null, List.of()).contract(Wave2Envelope.parse(m.body()).message());
      for (int i = 0; i < active.order().lines().size(); i++) {
        String tradeId = active.order().orderId() + "/" + (i + 1);
        BigDecimal expected = share(active.order().lines().get(i), SELLER_SHARE);
        boolean found =
            tc.allocations().stream()
                .anyMatch(
                    a ->
                        a.side() == TradeSide.SELLER
                            && tradeId.equals(a.tradeId())
                            && a.allocatedKwh().compareTo(expected) == 0);
        if (!found) {
          return false;
        }
      }
      return true;
    } catch (MessageParseException | TradeCodecException | RuntimeException e) {
      return false;
    }
  }

  private static List<Allocation> allocations(TradeContract tc, TradeSide side, BigDecimal share) {
    List<Allocation> out = new ArrayList<>();
    for (int i = 0; i < tc.order().lines().size(); i++) {
      OrderLine l = tc.order().lines().get(i);
      String meter = side == TradeSide.BUYER ? tc.order().buyer().meterId() : l.seller().meterId();
      out.add(
          new Allocation(
              tc.order().orderId() + "/" + (i + 1), side, meter, l.quantityKwh(), share(l, share)));
    }
    return out;
  }

  private static BigDecimal share(OrderLine l, BigDecimal share) {
    return l.quantityKwh().multiply(share).setScale(2, RoundingMode.HALF_UP);
  }

  private static boolean same(String a, String b) {
    return a.replaceAll("/+$", "").equals(b.replaceAll("/+$", ""));
  }
}
