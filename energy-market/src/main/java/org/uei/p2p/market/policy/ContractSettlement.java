package org.uei.p2p.market.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.policy.config.Charges;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;

/**
 * The statement lines of one IES wave-2 contract. The contract settles as a whole: {@link
 * RevenueFlows} rounds each amount once per contract, as the published policy does, and the seller
 * sends those amounts as the contract's revenue flows. A statement and a DISCOM bill list money per
 * trade, so each contract amount is cut into per-trade parts that add up to it exactly: a trade's
 * share rounded down to the paisa, the paise left over going one each to the trades with the
 * largest remainders (the earlier trade first on a tie). Both platforms cut the same parts from the
 * same allocations, so their statements agree with each other and with the flows to the paisa,
 * where rounding each trade on its own could drift by a paisa per trade.
 */
public final class ContractSettlement {

  /** No network charges: what a platform that does not know the contract's charges assumes. */
  private static final Charges NONE =
      new Charges(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  private ContractSettlement() {}

  /**
   * A contract's settlement and its trades' share of it.
   *
   * @param contract the contract's settlement, whose flows the seller sends
   * @param trades one settlement per trade, in the order given, whose lines add up to it
   */
  public record Result(RevenueFlows.Settlement contract, List<TradeSettlement> trades) {}

  /**
   * Settles the trades of one contract (settled quantity = FINAL_ALLOC, contracted quantity =
   * REQUESTED_QTY) under the contract policy's {@code charges}: energy, buyer- and seller-side
   * wheeling and the seller's shortfall penalty as the revenue flows carry them, and the platform
   * fees of {@code fees}' profile, which each side owes its own platform and no flow carries.
   */
  public static Result settle(
      List<ReconciledTrade> trades, Charges charges, SettlementCalculator fees) {
    RevenueFlows.Settlement s = contract(trades, charges);
    int n = trades.size();
    List<BigDecimal> energy = new ArrayList<>(n);
    List<BigDecimal> buyerWheel = new ArrayList<>(n);
    List<BigDecimal> sellerWheel = new ArrayList<>(n);
    List<BigDecimal> penalty = new ArrayList<>(n);
    for (ReconciledTrade r : trades) {
      BigDecimal kwh = r.settledKwh();
      energy.add(kwh.multiply(r.trade().price().perKwh()));
      buyerWheel.add(kwh.multiply(charges.wheelingBuyerPerKwh()));
      sellerWheel.add(kwh.multiply(charges.wheelingSellerPerKwh()));
      penalty.add(shortfall(r).multiply(charges.penaltyPerKwh()));
    }
    List<BigDecimal> energyParts = cut(s.tradeValue(), energy);
    List<BigDecimal> buyerWheelParts = cut(s.buyerWheeling(), buyerWheel);
    List<BigDecimal> sellerWheelParts = cut(s.sellerWheeling(), sellerWheel);
    List<BigDecimal> penaltyParts = cut(s.penalty(), penalty);
    List<TradeSettlement> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      ReconciledTrade r = trades.get(k);
      Trade t = r.trade();
      BigDecimal kwh = r.settledKwh();
      List<SettlementLine> lines = new ArrayList<>();
      lines.add(
          line(
              t,
              SettlementLineType.ENERGY,
              Payee.BUYER,
              Payee.SELLER,
              kwh,
              t.price().perKwh(),
              energyParts.get(k)));
      for (SettlementLine l : fees.settle(r).lines()) {
        if (l.type() == SettlementLineType.PLATFORM_FEE) {
          lines.add(l);
        }
      }
      if (s.buyerWheeling().signum() > 0) {
        lines.add(
            line(
                t,
                SettlementLineType.WHEELING,
                Payee.BUYER,
                Payee.BUYER_DISCOM,
                kwh,
                charges.wheelingBuyerPerKwh(),
                buyerWheelParts.get(k)));
      }
      if (s.sellerWheeling().signum() > 0) {
        lines.add(
            line(
                t,
                SettlementLineType.WHEELING,
                Payee.SELLER,
                Payee.SELLER_DISCOM,
                kwh,
                charges.wheelingSellerPerKwh(),
                sellerWheelParts.get(k)));
      }
      if (s.penalty().signum() > 0 && shortfall(r).signum() > 0) {
        lines.add(
            line(
                t,
                SettlementLineType.DEVIATION,
                Payee.SELLER,
                Payee.SELLER_DISCOM,
                shortfall(r),
                charges.penaltyPerKwh(),
                penaltyParts.get(k)));
      }
      out.add(new TradeSettlement(r, lines));
    }
    return new Result(s, out);
  }

  /**
   * {@code settled}, the settlements of one contract's trades under a platform's own profile, as
   * {@link #settle} settles them for a platform that does not know the contract's charges (the
   * buyer platform): the energy lines cut from the contract's value, the profile's platform fees,
   * and none of the profile's network charges or deviation, which the contract policy replaces
   * (their money is the DISCOMs' flows). Under no charges, as on the live IES network, the lines
   * are those of the seller platform's statement.
   */
  public static List<TradeSettlement> withContractEnergy(List<TradeSettlement> settled) {
    List<ReconciledTrade> trades = settled.stream().map(TradeSettlement::reconciled).toList();
    RevenueFlows.Settlement s = contract(trades, NONE);
    List<BigDecimal> parts =
        cut(
            s.tradeValue(),
            trades.stream().map(r -> r.settledKwh().multiply(r.trade().price().perKwh())).toList());
    List<TradeSettlement> out = new ArrayList<>(settled.size());
    for (int k = 0; k < settled.size(); k++) {
      TradeSettlement ts = settled.get(k);
      List<SettlementLine> lines = new ArrayList<>(ts.lines().size());
      for (SettlementLine l : ts.lines()) {
        if (l.type() == SettlementLineType.ENERGY) {
          lines.add(
              new SettlementLine(
                  l.tradeId(),
                  l.type(),
                  l.payer(),
                  l.payee(),
                  l.quantityKwh(),
                  l.ratePerKwh(),
                  parts.get(k),
                  l.currency()));
        } else if (l.type() == SettlementLineType.PLATFORM_FEE) {
          lines.add(l);
        }
      }
      out.add(new TradeSettlement(ts.reconciled(), lines, ts.curtailment()));
    }
    return out;
  }

  /** The contract's settlement from its trades, as {@link RevenueFlows} computes it. */
  private static RevenueFlows.Settlement contract(List<ReconciledTrade> trades, Charges charges) {
    if (trades.isEmpty()) {
      throw new IllegalArgumentException("a contract settles at least one trade");
    }
    List<RevenueFlows.Slot> slots = new ArrayList<>(trades.size());
    for (ReconciledTrade r : trades) {
      slots.add(
          new RevenueFlows.Slot(
              r.settledKwh(), r.trade().price().perKwh(), r.trade().quantityKwh()));
    }
    String currency = trades.get(0).trade().price().currency().getCurrencyCode();
    return RevenueFlows.compute(slots, currency, charges);
  }

  private static BigDecimal shortfall(ReconciledTrade r) {
    return r.trade().quantityKwh().subtract(r.settledKwh()).max(BigDecimal.ZERO);
  }

  /**
   * {@code total} (Σ {@code exact} rounded to the paisa) in parts, one per exact share: each share
   * rounded down to the paisa, the paise left over one each to the largest remainders.
   */
  static List<BigDecimal> cut(BigDecimal total, List<BigDecimal> exact) {
    int n = exact.size();
    List<BigDecimal> parts = new ArrayList<>(n);
    BigDecimal floors = BigDecimal.ZERO;
    for (BigDecimal e : exact) {
      BigDecimal f = e.setScale(2, RoundingMode.DOWN);
      parts.add(f);
      floors = floors.add(f);
    }
    long paise = total.subtract(floors).movePointRight(2).longValueExact();
    if (paise < 0 || paise > n) {
      throw new IllegalArgumentException(
          "total " + total.toPlainString() + " is not the rounded sum of its shares");
    }
    List<Integer> order = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      order.add(k);
    }
    order.sort(
        Comparator.comparing((Integer k) -> exact.get(k).subtract(parts.get(k)))
            .reversed()
            .thenComparing(k -> k));
    BigDecimal paisa = new BigDecimal("0.01");
    for (int i = 0; i < paise; i++) {
      int k = order.get(i);
      parts.set(k, parts.get(k).add(paisa));
    }
    return parts;
  }

  private static SettlementLine line(
      Trade t,
      SettlementLineType type,
      Payee payer,
      Payee payee,
      BigDecimal kwh,
      BigDecimal rate,
      BigDecimal amount) {
    return new SettlementLine(
        t.tradeId(), type, payer, payee, kwh, rate, amount, t.price().currency());
  }
}
