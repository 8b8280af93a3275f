package org.uei.p2p.bpp.wave2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.bpp.ledger.LedgerInbox;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.order.SellerOrderLine;
import org.uei.p2p.market.policy.RevenueFlows;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.codec.Wave2LedgerReport;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The allocation cascade at the seller platform: an on_status from the seller DISCOM's ledger
 * provider brings SELLER_DISCOM_ALLOC (as the full contract, or as the ledger's compact {@link
 * Wave2LedgerReport} whose commitment ids are line numbers), one from the contract's buyer platform
 * brings BUYER_DISCOM_ALLOC. Seller figures are passed across to the buyer platform, buyer figures
 * to the seller DISCOM's ledger ({@link LedgerNotices}), never back to their sender, so the cascade
 * cannot loop. An on_status this node's ledger provider claims goes to it instead ({@link
 * LedgerInbox}). Once both sides of every trade are in, the seller side settles the contract once:
 * FINAL_ALLOC = min(buyer, seller allocation) per trade and {@code
 * consideration[id=auto-settlement-flows]} from {@link RevenueFlows#compute} under the policy's
 * charges, sent to the buyer platform in one on_status.
 */
@ApplicationScoped
public class AllocationCascade {

  /** A checked report: whose allocations, per line number. */
  record Report(SellerOrder order, TradeSide side, Map<Integer, BigDecimal> kwh) {}

  @Inject ContractPolicyStage policy;
  @Inject Wave2Contracts contracts;
  @Inject Discoms discoms;
  @Inject OrderService orders;
  @Inject DiscomAllocations allocations;
  @Inject Wave2Replies replies;
  @Inject MarketClock marketClock;
  @Inject LedgerInbox ledgerInbox;
  @Inject LedgerNotices notices;

  /**
   * Checks an on_status: the network policy, a contract of this seller, a sender that reports one
   * side of it (the seller DISCOM's ledger provider or the contract's buyer platform), and
   * allocations of that side for the contract's own trades, none above the quantity traded.
   */
  @Transactional
  public Report check(InboundMessage m) throws InboundRejection {
    if (forLedger(m)) {
      ledgerInbox.admit(m);
      return null;
    }
    Contract c = m.wave2().message().contract();
    boolean report = Wave2LedgerReport.isReport(c);
    if (!report) {
      // A ledger's report holds records, not the contract: there are no terms to run policy on.
      policy.check(m.wave2(), marketClock.now());
    }
    SellerOrder o = ownContract(m);
    String id = c == null ? null : c.id();
    if (o == null) {
      throw InboundRejection.badRequest(
          ErrorCode.ORDER_NOT_FOUND,
          "no contract '" + id + "' in transaction " + m.wave2Context().transactionId(),
          c == null ? "message.contract" : c.pathOf("id"));
    }
    TradeSide side = sideOf(m.senderId(), o);
    if (side == null) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "'"
              + m.senderId()
              + "' reports no allocation of contract "
              + id
              + ": only the seller DISCOM's ledger provider and the buyer platform do",
          "context.bppId");
    }
    String column = side == TradeSide.SELLER ? "SELLER_DISCOM_ALLOC" : "BUYER_DISCOM_ALLOC";
    if (report) {
      return new Report(o, side, ReportedLines.sellerFigures(c, o, side, contracts.of(o)));
    }
    TradeContract tc;
    try {
      tc = new Wave2Codec(policy.reference(), List.of()).contract(m.wave2().message());
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), Map.of());
    }
    Map<Integer, BigDecimal> kwh = new TreeMap<>();
    for (Allocation a : tc.allocations()) {
      if (a.side() != side) {
        continue;
      }
      SellerOrderLine line = lineOf(o, a.tradeId());
      if (line == null || a.allocatedKwh().compareTo(line.quantityKwh) > 0) {
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            column
                + " "
                + a.allocatedKwh().toPlainString()
                + " of trade "
                + a.tradeId()
                + (line == null
                    ? " names no trade of this contract"
                    : " exceeds the " + line.quantityKwh.toPlainString() + " kWh traded"),
            c.pathOf("commitments"));
      }
      kwh.put(line.lineNo(), a.allocatedKwh());
    }
    if (kwh.isEmpty()) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "an on_status from '" + m.senderId() + "' carries " + column,
          c.pathOf("commitments"));
    }
    return new Report(o, side, kwh);
  }

  /**
   * Keeps the report, passes it on to the buyer platform when it came from the ledger, and settles
   * the contract when it completes both sides; one transaction, so a settlement is sent exactly
   * when it is recorded.
   */
  @Transactional
  public void handle(InboundMessage m) throws InboundRejection {
    if (forLedger(m)) {
      ledgerInbox.handle(m);
      return;
    }
    Report r = check(m);
    allocations.record(r.order().id, r.side(), r.kwh(), m.senderId());
    Map<TradeSide, Map<Integer, BigDecimal>> known = allocations.of(r.order().id);
    int lines = r.order().lines.size();
    boolean complete =
        known.getOrDefault(TradeSide.BUYER, Map.of()).size() == lines
            && known.getOrDefault(TradeSide.SELLER, Map.of()).size() == lines;
    var sellerLedger = contracts.of(r.order()).sellerLedger();
    if (complete) {
      if (allocations.claimSettlement(r.order().id)) {
        Wave2Message settled = settled(r.order(), known);
        replies.unsolicited(r.order(), settled);
        notices.tell(r.order(), sellerLedger, settled);
      }
    } else if (r.side() == TradeSide.SELLER) {
      replies.unsolicited(
          r.order(), replies.contract(withAllocations(r.order(), known, Map.of()), true));
    } else {
      // The buyer side reaches the seller DISCOM's ledger only through this platform.
      notices.tell(
          r.order(),
          sellerLedger,
          replies.contract(
              withAllocations(r.order(), Map.of(TradeSide.BUYER, r.kwh()), Map.of()), true));
    }
  }

  /**
   * Whether an on_status is for this node's ledger provider rather than this seller platform: one
   * from the ledger's DISCOM, or one from a platform about a transaction that is not one of this
   * seller's contracts.
   */
  private boolean forLedger(InboundMessage m) {
    return ledgerInbox.claims(m, ownContract(m) != null);
  }

  /** The seller order the on_status names in its transaction, or null. */
  private SellerOrder ownContract(InboundMessage m) {
    Contract c = m.wave2().message().contract();
    String id = c == null ? null : c.id();
    SellerOrder o = id == null ? null : orders.find(id).orElse(null);
    return o != null && o.transactionId.equals(m.wave2Context().transactionId()) ? o : null;
  }

  /** The contract with both allocations, FINAL_ALLOC and the revenue flows. */
  private Wave2Message settled(SellerOrder o, Map<TradeSide, Map<Integer, BigDecimal>> known) {
    Map<String, BigDecimal> finals = new TreeMap<>();
    known
        .get(TradeSide.BUYER)
        .forEach(
            (line, buyer) ->
                finals.put(o.id + "/" + line, buyer.min(known.get(TradeSide.SELLER).get(line))));
    TradeContract allocated = withAllocations(o, known, finals);
    Contract wire = replies.contract(allocated, false).contract();
    RevenueFlows.Settlement s =
        RevenueFlows.compute(wire, policy.charges())
            .orElseThrow(() -> new IllegalStateException("contract " + o.id + " has no price"));
    List<MoneyFlow> flows = new ArrayList<>();
    for (RevenueFlows.Flow f : s.flows()) {
      flows.add(new MoneyFlow(payee(f.role()), f.value(), Currency.getInstance(f.currency())));
    }
    return replies.contract(
        new TradeContract(
            allocated.order(),
            allocated.policy(),
            allocated.buyerLedger(),
            allocated.sellerLedger(),
            allocated.allocations(),
            finals,
            flows),
        true);
  }

  private TradeContract withAllocations(
      SellerOrder o, Map<TradeSide, Map<Integer, BigDecimal>> known, Map<String, BigDecimal> fin) {
    TradeContract base = contracts.of(o);
    List<Allocation> list = new ArrayList<>();
    known.forEach(
        (side, perLine) ->
            perLine.forEach(
                (line, kwh) -> {
                  var l = base.order().lines().get(line - 1);
                  String meter = side == TradeSide.BUYER ? o.buyerMeterId : l.seller().meterId();
                  list.add(new Allocation(o.id + "/" + line, side, meter, l.quantityKwh(), kwh));
                }));
    return new TradeContract(
        base.order(), base.policy(), base.buyerLedger(), base.sellerLedger(), list, fin, List.of());
  }

  /** SELLER for the seller DISCOM's ledger provider, BUYER for the contract's buyer platform. */
  private TradeSide sideOf(String sender, SellerOrder o) {
    String sellerDiscom = contracts.of(o).sellerLedger().discomId();
    boolean ledger =
        discoms.ledger(sellerDiscom).map(l -> l.ledgerId().equals(sender)).orElse(false);
    if (ledger) {
      return TradeSide.SELLER;
    }
    return o.bapId.equals(sender) ? TradeSide.BUYER : null;
  }

  private static SellerOrderLine lineOf(SellerOrder o, String tradeId) {
    String prefix = o.id + "/";
    if (tradeId == null || !tradeId.startsWith(prefix)) {
      return null;
    }
    try {
      int n = Integer.parseInt(tradeId.substring(prefix.length()));
      return o.lines.stream().filter(l -> l.lineNo() == n).findFirst().orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Payee payee(String role) {
    return switch (role) {
      case DegContract.BUYER_PLATFORM -> Payee.BUYER_PLATFORM;
      case DegContract.SELLER_PLATFORM -> Payee.SELLER_PLATFORM;
      case DegContract.BUYER_DISCOM -> Payee.BUYER_DISCOM;
      case DegContract.SELLER_DISCOM -> Payee.SELLER_DISCOM;
      default -> throw new IllegalStateException("no party plays role " + role);
    };
  }
}
