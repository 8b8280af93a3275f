package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
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
import org.uei.p2p.model.wave2.RevenueFlow;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The allocation cascade of a confirmed contract at the seller platform under test: the kit's
 * seller DISCOM ledger reports SELLER_DISCOM_ALLOC (the seller must pass it to the buyer platform),
 * the kit as buyer platform reports BUYER_DISCOM_ALLOC (the seller must pass it to its DISCOM's
 * ledger), and with both in the seller settles: FINAL_ALLOC and revenue flows to the buyer.
 */
final class Wave2Settlement {

  /** The share of each trade the seller DISCOM's meters show delivered. */
  static final BigDecimal SELLER_SHARE = new BigDecimal("0.80");

  /** The share of each trade the buyer DISCOM's meters show drawn. */
  static final BigDecimal BUYER_SHARE = new BigDecimal("0.90");

  private final Wave2Kit kit;
  private final KitLedgers ledgers;
  private final Wave2BppConformance.Config config;
  private final Consumer<CaseResult> record;
  private final BecknClient client;

  Wave2Settlement(
      Wave2Kit kit,
      KitLedgers ledgers,
      Wave2BppConformance.Config config,
      Consumer<CaseResult> record) {
    this.kit = kit;
    this.ledgers = ledgers;
    this.config = config;
    this.record = record;
    this.client = new BecknClient(config.ttl().plusSeconds(10));
  }

  /** Records every settlement case as not run, for {@code why}. */
  static void notRun(Consumer<CaseResult> record, String why) {
    for (ConformanceCase c : Wave2BppCases.SETTLEMENT) {
      record.accept(CaseResult.notRun(c, why));
    }
  }

  /** Runs the cascade of the contract {@code onConfirm} made ACTIVE. */
  void run(Inbound onConfirm, String transactionId) throws InterruptedException {
    KitIdentity ledger = config.ledgerIdentity();
    if (ledger == null) {
      notRun(
          record,
          "the kit's ledgers sign as the kit itself; give them their own registered identity"
              + " (uei conformance --ledger-id) and configure the BPP with it as the DISCOMs'"
              + " ledgerId");
      return;
    }
    TradeContract active;
    try {
      active =
          new Wave2Codec(null, List.of()).contract(Wave2Envelope.parse(onConfirm.body()).message());
    } catch (MessageParseException | TradeCodecException e) {
      notRun(record, "on_confirm's contract cannot be read: " + e.getMessage());
      return;
    }
    String contractId = active.order().orderId();
    Duration wait = config.ttl().multipliedBy(2);

    // 1. The seller DISCOM's ledger reports its side.
    Instant sellerSent = Instant.now();
    BecknClient.Sent fromLedger =
        onStatus(
            ledger,
            ledgers.sellerUri(),
            transactionId,
            with(active, allocations(active, TradeSide.SELLER, SELLER_SHARE)));
    List<Exchange> ev =
        new ArrayList<>(List.of(fromLedger.evidence("on_status from the seller DISCOM's ledger")));
    if (!fromLedger.answer().isAck()) {
      record.accept(
          CaseResult.failed(
              Wave2BppCases.SELLER_ALLOC,
              "the seller DISCOM ledger's SELLER_DISCOM_ALLOC was not acknowledged: "
                  + fromLedger.answer().summary(),
              ev));
    } else {
      Optional<Inbound> relayed =
          kit.listener()
              .await(
                  m ->
                      isStatus(m, transactionId, sellerSent)
                          && carries(m, TradeSide.SELLER, active, SELLER_SHARE),
                  wait);
      relayed.ifPresent(m -> ev.add(m.evidence("on_status to the buyer platform")));
      record.accept(
          relayed.isPresent()
              ? CaseResult.passed(
                  Wave2BppCases.SELLER_ALLOC,
                  "SELLER_DISCOM_ALLOC " + plain(SELLER_SHARE) + " reached the buyer platform",
                  ev)
              : CaseResult.failed(
                  Wave2BppCases.SELLER_ALLOC,
                  "no on_status with the seller DISCOM's SELLER_DISCOM_ALLOC reached the buyer"
                      + " platform within "
                      + wait,
                  ev));
    }

    // 2. The buyer platform reports the buyer DISCOM's side.
    Instant buyerSent = Instant.now();
    BecknClient.Sent fromBuyer =
        onStatus(
            kit.identity(),
            kit.parties().bapUri(),
            transactionId,
            with(active, allocations(active, TradeSide.BUYER, BUYER_SHARE)));
    List<Exchange> ev2 =
        new ArrayList<>(List.of(fromBuyer.evidence("on_status from the buyer platform")));
    if (!fromBuyer.answer().isAck()) {
      record.accept(
          CaseResult.failed(
              Wave2BppCases.BUYER_ALLOC,
              "the buyer platform's BUYER_DISCOM_ALLOC was not acknowledged: "
                  + fromBuyer.answer().summary(),
              ev2));
      record.accept(
          CaseResult.notRun(
              Wave2BppCases.FINAL_ALLOC,
              "needs both sides' allocations; see " + Wave2BppCases.BUYER_ALLOC.id()));
      return;
    }
    Optional<Inbound> told =
        ledgers.awaitSellerNotice(
            m ->
                isStatus(m, transactionId, buyerSent)
                    && carries(m, TradeSide.BUYER, active, BUYER_SHARE),
            wait);
    told.ifPresent(m -> ev2.add(m.evidence("on_status to the seller DISCOM's ledger")));
    record.accept(
        told.isPresent()
            ? CaseResult.passed(
                Wave2BppCases.BUYER_ALLOC,
                "BUYER_DISCOM_ALLOC " + plain(BUYER_SHARE) + " reached the seller DISCOM's ledger",
                ev2)
            : CaseResult.failed(
                Wave2BppCases.BUYER_ALLOC,
                "no on_status with the buyer DISCOM's BUYER_DISCOM_ALLOC reached the seller DISCOM's"
                    + " ledger ("
                    + config.ledgerIdentity().subscriberId()
                    + " at "
                    + ledgers.sellerUri()
                    + ") within "
                    + wait,
                ev2));

    // 3. With both sides in, the seller settles.
    Optional<Inbound> settled =
        kit.listener()
            .await(
                m ->
                    isStatus(m, transactionId, buyerSent)
                        && read(m).map(tc -> !tc.finalKwh().isEmpty()).orElse(false),
                wait);
    record.accept(finalAlloc(settled, active, contractId));
  }

  private CaseResult finalAlloc(
      Optional<Inbound> settled, TradeContract active, String contractId) {
    ConformanceCase c = Wave2BppCases.FINAL_ALLOC;
    if (settled.isEmpty()) {
      return CaseResult.failed(
          c,
          "no on_status with FINAL_ALLOC reached the buyer platform after both allocations",
          List.of());
    }
    List<Exchange> ev = List.of(settled.get().evidence("settled on_status"));
    TradeContract tc = read(settled.get()).orElseThrow();
    BigDecimal tradeValue = BigDecimal.ZERO;
    List<OrderLine> lines = active.order().lines();
    for (int i = 0; i < lines.size(); i++) {
      String tradeId = contractId + "/" + (i + 1);
      BigDecimal expected = share(lines.get(i), SELLER_SHARE).min(share(lines.get(i), BUYER_SHARE));
      BigDecimal got = tc.finalKwh().get(tradeId);
      if (got == null || got.compareTo(expected) != 0) {
        return CaseResult.failed(
            c,
            "FINAL_ALLOC of trade "
                + tradeId
                + " is "
                + (got == null ? "missing" : plain(got))
                + ", not "
                + plain(expected)
                + " (the smaller of both DISCOMs' allocations)",
            ev);
      }
      tradeValue = tradeValue.add(expected.multiply(lines.get(i).price().perKwh()));
    }
    if (tc.revenueFlows().isEmpty()) {
      return CaseResult.failed(
          c,
          "the settled contract carries no consideration[id="
              + org.uei.p2p.model.wave2.Contract.AUTO_SETTLEMENT_FLOWS
              + "] RevenueFlow",
          ev);
    }
    BigDecimal sum =
        tc.revenueFlows().stream().map(MoneyFlow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.abs().compareTo(RevenueFlow.TOLERANCE) > 0) {
      return CaseResult.failed(c, "the revenue flows sum to " + plain(sum) + ", not zero", ev);
    }
    BigDecimal buyerPays =
        tc.revenueFlows().stream()
            .filter(f -> f.party() == Payee.BUYER_PLATFORM)
            .map(MoneyFlow::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .negate();
    BigDecimal owed = tradeValue.setScale(2, RoundingMode.HALF_UP);
    if (buyerPays.add(RevenueFlow.TOLERANCE).compareTo(owed) < 0) {
      return CaseResult.failed(
          c,
          "the buyer platform pays "
              + plain(buyerPays)
              + ", less than FINAL_ALLOC × PRICE_PER_KWH = "
              + plain(owed),
          ev);
    }
    return CaseResult.passed(
        c,
        "FINAL_ALLOC is the smaller allocation; the buyer platform pays "
            + plain(buyerPays)
            + " and the flows sum to zero",
        ev);
  }

  /** An unsolicited on_status from {@code from} (its Beckn URL {@code fromUri}) to the seller. */
  private BecknClient.Sent onStatus(
      KitIdentity from, String fromUri, String transactionId, Wave2Message message) {
    String seller = kit.parties().bppId();
    ObjectNode context =
        Wave2Replies.onStatusContext(
            new Wave2Contexts.Parties(
                kit.parties().networkId(),
                seller,
                kit.parties().bppUri(),
                from.subscriberId(),
                fromUri),
            transactionId,
            config.ttl());
    byte[] body = Wave2Envelope.of(context, message).write();
    return client.post(
        kit.parties().bppUri(), "on_status", body, from.signer().authorization(body));
  }

  private static Wave2Message with(TradeContract active, List<Allocation> allocations) {
    return new Wave2Codec(active.policy(), List.of(active.buyerLedger(), active.sellerLedger()))
        .contractMessage(
            new TradeContract(
                active.order(),
                active.policy(),
                active.buyerLedger(),
                active.sellerLedger(),
                allocations,
                Map.of(),
                List.of()));
  }

  /** One allocation per trade of {@code side}: {@code share} of the quantity traded. */
  private static List<Allocation> allocations(TradeContract tc, TradeSide side, BigDecimal share) {
    List<Allocation> out = new ArrayList<>();
    List<OrderLine> lines = tc.order().lines();
    for (int i = 0; i < lines.size(); i++) {
      OrderLine l = lines.get(i);
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

  private static boolean isStatus(Inbound m, String transactionId, Instant after) {
    return "on_status".equals(m.action())
        && transactionId.equals(m.context("transactionId"))
        && !m.receivedAt().isBefore(after);
  }

  /**
   * True when {@code m}'s contract carries {@code side}'s allocation {@code share} of each trade.
   */
  private static boolean carries(
      Inbound m, TradeSide side, TradeContract active, BigDecimal share) {
    Optional<TradeContract> tc = read(m);
    if (tc.isEmpty()) {
      return false;
    }
    List<OrderLine> lines = active.order().lines();
    for (int i = 0; i < lines.size(); i++) {
      String tradeId = active.order().orderId() + "/" + (i + 1);
      BigDecimal expected = share(lines.get(i), share);
      boolean found =
          tc.get().allocations().stream()
              .anyMatch(
                  a ->
                      a.side() == side
                          && tradeId.equals(a.tradeId())
                          && a.allocatedKwh().compareTo(expected) == 0);
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static Optional<TradeContract> read(Inbound m) {
    try {
      return Optional.of(
          new Wave2Codec(null, List.of()).contract(Wave2Envelope.parse(m.body()).message()));
    } catch (MessageParseException | TradeCodecException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
