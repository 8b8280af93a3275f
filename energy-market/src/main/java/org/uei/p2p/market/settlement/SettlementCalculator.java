package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Turns a reconciled trade into money lines under a {@link SettlementPolicy}:
 *
 * <ul>
 *   <li>energy: buyer pays seller the settled kWh at the contract price;
 *   <li>platform fee on settled kWh, each side to its own platform, split by the policy;
 *   <li>wheeling (per seller→buyer DISCOM) and inter-state (per seller→buyer state, only when the
 *       states differ) on settled kWh, paid by the policy's side to its DISCOM, when configured;
 *   <li>deviation: unsettled kWh at the DISCOM's deviation rate (its tariff unless the policy sets
 *       an under-injection or under-drawal rate), paid by the side that caused the shortfall to its
 *       own DISCOM, which supplied or absorbed the difference; when both sides fell short equally
 *       each bears half;
 *   <li>curtailment: kWh a DISCOM curtailed are not part of the contract any more, so neither side
 *       pays for them; under {@link CurtailmentTreatment#DISCOM_DEVIATION} the curtailing DISCOM
 *       pays the party it curtailed for them at its deviation rate.
 * </ul>
 *
 * Every amount is rounded once, by {@link MoneyRounding}.
 */
public final class SettlementCalculator {
  private static final BigDecimal HALF = new BigDecimal("0.5");

  private final SettlementPolicy policy;
  private final BigDecimal buyerFee;
  private final BigDecimal sellerFee;

  /**
   * Network charge rates per seller DISCOM, then buyer DISCOM: there are few pairs and many trades.
   */
  private final Map<String, Map<String, BigDecimal[]>> chargesByPair = new ConcurrentHashMap<>();

  private PairCharges lastPair;

  /** A calculator applying {@code policy}. */
  public SettlementCalculator(SettlementPolicy policy) {
    this.policy = policy;
    this.buyerFee = policy.feeRate(TradeSide.BUYER);
    this.sellerFee = policy.feeRate(TradeSide.SELLER);
  }

  /** The money lines of {@code reconciled}, which no DISCOM curtailed. */
  public TradeSettlement settle(ReconciledTrade reconciled) {
    return settle(reconciled, null);
  }

  /**
   * The money lines of {@code reconciled}, curtailed by {@code curtailment} (null: not curtailed).
   * The trade keeps its original quantity; its allocations are those of the curtailed contract.
   */
  public TradeSettlement settle(ReconciledTrade reconciled, Curtailment curtailment) {
    Trade t = reconciled.trade();
    BigDecimal settled = reconciled.settledKwh();
    SettlementLine[] lines = new SettlementLine[8];
    int n = 0;
    lines[n++] =
        line(t, SettlementLineType.ENERGY, Payee.BUYER, Payee.SELLER, settled, t.price().perKwh());
    lines[n++] =
        line(
            t,
            SettlementLineType.PLATFORM_FEE,
            Payee.BUYER,
            Payee.BUYER_PLATFORM,
            settled,
            buyerFee);
    lines[n++] =
        line(
            t,
            SettlementLineType.PLATFORM_FEE,
            Payee.SELLER,
            Payee.SELLER_PLATFORM,
            settled,
            sellerFee);
    TradeSide bearer = policy.networkChargesBorneBy();
    BigDecimal[] charges = charges(t.seller().discomId(), t.buyer().discomId());
    if (charges[0] != null) {
      lines[n++] =
          line(t, SettlementLineType.WHEELING, party(bearer), discom(bearer), settled, charges[0]);
    }
    if (charges[1] != null) {
      lines[n++] =
          line(
              t,
              SettlementLineType.INTER_STATE,
              party(bearer),
              discom(bearer),
              settled,
              charges[1]);
    }
    // as reconciled.unsettledKwh() and shortfallSide(), with the settled quantity computed once;
    // curtailed kWh are the DISCOM's act, never a side's shortfall
    BigDecimal contracted =
        curtailment == null ? t.quantityKwh() : curtailment.remainingOf(t.quantityKwh());
    BigDecimal unsettled = contracted.subtract(settled);
    if (unsettled.signum() > 0) {
      int c = reconciled.buyerKwh().compareTo(reconciled.sellerKwh());
      if (c != 0) {
        lines[n++] = deviation(t, c < 0 ? TradeSide.BUYER : TradeSide.SELLER, unsettled);
      } else {
        BigDecimal half = unsettled.multiply(HALF);
        lines[n++] = deviation(t, TradeSide.BUYER, half);
        lines[n++] = deviation(t, TradeSide.SELLER, half);
      }
    }
    if (curtailment != null && policy.curtailment() == CurtailmentTreatment.DISCOM_DEVIATION) {
      TradeSide side = curtailment.side();
      lines[n++] =
          line(
              t,
              SettlementLineType.DEVIATION,
              discom(side),
              party(side),
              t.quantityKwh().subtract(contracted),
              policy.deviationRate(side, t.party(side).discomId()));
    }
    return new TradeSettlement(reconciled, listOf(lines, n), curtailment);
  }

  /**
   * The amount of {@code settle(reconciled)}'s energy line, which is what the buyer pays in energy:
   * for a run that nets without keeping settlements. A trade whose settlement could not be built (a
   * currency without paise) is settled in full, so that it fails as {@link #settle} does.
   */
  BigDecimal energyPaidByBuyer(ReconciledTrade reconciled) {
    Trade t = reconciled.trade();
    BigDecimal settled = reconciled.settledKwh();
    BigDecimal rate = t.price().perKwh();
    if (settled.signum() < 0
        || rate.signum() < 0
        || t.price().currency().getDefaultFractionDigits() < MoneyRounding.SCALE) {
      return settle(reconciled).amount(SettlementLineType.ENERGY, Payee.BUYER);
    }
    return amount(settled, rate);
  }

  /** The money of {@code kwh} at {@code rate}, rounded once: every line's amount. */
  private static BigDecimal amount(BigDecimal kwh, BigDecimal rate) {
    return MoneyRounding.toPaisa(kwh.multiply(rate));
  }

  /**
   * The first {@code n} lines as an unmodifiable list built once: {@link TradeSettlement} keeps
   * such a list as it is instead of copying it, and a run settles millions of trades.
   */
  private static List<SettlementLine> listOf(SettlementLine[] l, int n) {
    return switch (n) {
      case 3 -> List.of(l[0], l[1], l[2]);
      case 4 -> List.of(l[0], l[1], l[2], l[3]);
      case 5 -> List.of(l[0], l[1], l[2], l[3], l[4]);
      case 6 -> List.of(l[0], l[1], l[2], l[3], l[4], l[5]);
      default -> List.of(Arrays.copyOf(l, n));
    };
  }

  /**
   * Network charge rates from {@code sellerDiscom} to {@code buyerDiscom}, looked up once per pair.
   */
  private BigDecimal[] charges(String sellerDiscom, String buyerDiscom) {
    PairCharges last = lastPair;
    if (last != null && last.seller.equals(sellerDiscom) && last.buyer.equals(buyerDiscom)) {
      return last.rates;
    }
    BigDecimal[] rates =
        chargesByPair
            .computeIfAbsent(sellerDiscom, k -> new ConcurrentHashMap<>())
            .computeIfAbsent(buyerDiscom, buyer -> networkCharges(sellerDiscom, buyer));
    lastPair = new PairCharges(sellerDiscom, buyerDiscom, rates);
    return rates;
  }

  /** The rates of one DISCOM pair; immutable, so threads may share the last one looked up. */
  private record PairCharges(String seller, String buyer, BigDecimal[] rates) {}

  /** Wheeling and inter-state rates for a DISCOM pair; null where none applies. */
  private BigDecimal[] networkCharges(String sellerDiscom, String buyerDiscom) {
    BigDecimal wheeling =
        policy.wheelingPerKwh().get(SettlementPolicy.pairKey(sellerDiscom, buyerDiscom));
    BigDecimal interState = null;
    String sellerState = policy.discomStates().get(sellerDiscom);
    String buyerState = policy.discomStates().get(buyerDiscom);
    if (sellerState != null && buyerState != null && !sellerState.equals(buyerState)) {
      interState = policy.interStatePerKwh().get(SettlementPolicy.pairKey(sellerState, buyerState));
    }
    return new BigDecimal[] {positiveOrNull(wheeling), positiveOrNull(interState)};
  }

  private static BigDecimal positiveOrNull(BigDecimal rate) {
    return rate != null && rate.signum() > 0 ? rate : null;
  }

  private SettlementLine deviation(Trade t, TradeSide side, BigDecimal kwh) {
    return line(
        t,
        SettlementLineType.DEVIATION,
        party(side),
        discom(side),
        kwh,
        policy.deviationRate(side, t.party(side).discomId()));
  }

  private static SettlementLine line(
      Trade t, SettlementLineType type, Payee payer, Payee payee, BigDecimal kwh, BigDecimal rate) {
    return new SettlementLine(
        t.tradeId(), type, payer, payee, kwh, rate, amount(kwh, rate), t.price().currency());
  }

  private static Payee party(TradeSide side) {
    return side == TradeSide.BUYER ? Payee.BUYER : Payee.SELLER;
  }

  private static Payee discom(TradeSide side) {
    return side == TradeSide.BUYER ? Payee.BUYER_DISCOM : Payee.SELLER_DISCOM;
  }
}
