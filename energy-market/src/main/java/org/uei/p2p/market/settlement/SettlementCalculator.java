package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.exact.ExactDecimals;
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

  /** {@code MoneyRounding.toPaisa} of any zero: 0.00. */
  private static final BigDecimal ZERO_PAISE = BigDecimal.valueOf(0, MoneyRounding.SCALE);

  /** Amounts under ₹100 are built once: at most 10,000 of them, about 400 kB. */
  static final int CACHED_PAISE = 10_000;

  private static final BigDecimal[] PAISE = new BigDecimal[CACHED_PAISE];

  private final SettlementPolicy policy;
  private final BigDecimal buyerFee;
  private final BigDecimal sellerFee;

  /** Both sides' fee rates are the same value at the same scale, so their amounts are too. */
  private final boolean sameFees;

  /** {@link Decimals#unscaled} of the fee rates, read once. */
  private final long buyerFeeUnscaled;

  private final long sellerFeeUnscaled;

  /**
   * Network charge rates per seller DISCOM, then buyer DISCOM: there are few pairs and many trades.
   */
  private final Map<String, Map<String, BigDecimal[]>> chargesByPair = new ConcurrentHashMap<>();

  private PairCharges lastPair;

  /** The last deviation rate looked up per {@link TradeSide}, by ordinal. */
  private final DiscomRate[] lastDeviation = new DiscomRate[TradeSide.values().length];

  /** A calculator applying {@code policy}. */
  public SettlementCalculator(SettlementPolicy policy) {
    this.policy = policy;
    this.buyerFee = policy.feeRate(TradeSide.BUYER);
    this.sellerFee = policy.feeRate(TradeSide.SELLER);
    this.sameFees = buyerFee.equals(sellerFee);
    this.buyerFeeUnscaled = ExactDecimals.unscaled(buyerFee);
    this.sellerFeeUnscaled = ExactDecimals.unscaled(sellerFee);
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
    // reconciled.settledKwh() is buyer.min(seller), which is this comparison: made once here, it
    // also tells the side that fell short
    int c = reconciled.buyerKwh().compareTo(reconciled.sellerKwh());
    BigDecimal settled = c <= 0 ? reconciled.buyerKwh() : reconciled.sellerKwh();
    String id = t.tradeId();
    Currency currency = t.price().currency();
    BigDecimal price = t.price().perKwh();
    // the energy and fee lines are all on the settled quantity: its unscaled value is read once
    long k = ExactDecimals.unscaled(settled);
    SettlementLine energy =
        new SettlementLine(
            id,
            SettlementLineType.ENERGY,
            Payee.BUYER,
            Payee.SELLER,
            settled,
            price,
            amount(settled, k, price, ExactDecimals.unscaled(price)),
            currency);
    BigDecimal buyerFeeAmount = amount(settled, k, buyerFee, buyerFeeUnscaled);
    SettlementLine buyerFeeLine =
        new SettlementLine(
            id,
            SettlementLineType.PLATFORM_FEE,
            Payee.BUYER,
            Payee.BUYER_PLATFORM,
            settled,
            buyerFee,
            buyerFeeAmount,
            currency);
    // an equal split has one rate for both sides, so one amount: computed once
    SettlementLine sellerFeeLine =
        new SettlementLine(
            id,
            SettlementLineType.PLATFORM_FEE,
            Payee.SELLER,
            Payee.SELLER_PLATFORM,
            settled,
            sellerFee,
            sameFees ? buyerFeeAmount : amount(settled, k, sellerFee, sellerFeeUnscaled),
            currency);
    TradeSide bearer = policy.networkChargesBorneBy();
    BigDecimal[] charges = charges(t.seller().discomId(), t.buyer().discomId());
    SettlementLine wheeling =
        charges[0] == null
            ? null
            : line(
                t, SettlementLineType.WHEELING, party(bearer), discom(bearer), settled, charges[0]);
    SettlementLine interState =
        charges[1] == null
            ? null
            : line(
                t,
                SettlementLineType.INTER_STATE,
                party(bearer),
                discom(bearer),
                settled,
                charges[1]);
    // as reconciled.unsettledKwh() and shortfallSide(), with the settled quantity computed once;
    // curtailed kWh are the DISCOM's act, never a side's shortfall
    BigDecimal contracted =
        curtailment == null ? t.quantityKwh() : curtailment.remainingOf(t.quantityKwh());
    SettlementLine deviation = null;
    SettlementLine sellerHalf = null;
    if (contracted.compareTo(settled) > 0) {
      BigDecimal unsettled = contracted.subtract(settled);
      if (c != 0) {
        deviation = deviation(t, c < 0 ? TradeSide.BUYER : TradeSide.SELLER, unsettled);
      } else {
        BigDecimal half = unsettled.multiply(HALF);
        deviation = deviation(t, TradeSide.BUYER, half);
        sellerHalf = deviation(t, TradeSide.SELLER, half);
      }
    }
    SettlementLine curtailed = null;
    if (curtailment != null && policy.curtailment() == CurtailmentTreatment.DISCOM_DEVIATION) {
      TradeSide side = curtailment.side();
      curtailed =
          line(
              t,
              SettlementLineType.DEVIATION,
              discom(side),
              party(side),
              t.quantityKwh().subtract(contracted),
              deviationRate(side, t.party(side).discomId()));
    }
    return new TradeSettlement(
        reconciled,
        listOf(
            energy,
            buyerFeeLine,
            sellerFeeLine,
            wheeling,
            interState,
            deviation,
            sellerHalf,
            curtailed),
        curtailment);
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

  /**
   * The money of {@code kwh} at {@code rate}, rounded once: every line's amount, {@code
   * MoneyRounding.toPaisa(kwh.multiply(rate))}. When either is zero that is zero paise, whatever
   * the scales. When both are decimals of at most {@link ExactDecimals#EXACT_DIGITS} digits and
   * scale, and their product fits in a {@code long}, it is computed and rounded half up on their
   * unscaled values, the arithmetic {@code BigDecimal} does, without the intermediate product;
   * anything else goes through {@code BigDecimal}.
   */
  static BigDecimal amount(BigDecimal kwh, BigDecimal rate) {
    return amount(kwh, ExactDecimals.unscaled(kwh), rate, ExactDecimals.unscaled(rate));
  }

  /** {@link #amount(BigDecimal, BigDecimal)} given {@link Decimals#unscaled} of both, read once. */
  private static BigDecimal amount(BigDecimal kwh, long k, BigDecimal rate, long r) {
    if (kwh.signum() == 0 || rate.signum() == 0) {
      return ZERO_PAISE;
    }
    long paise = Decimals.paiseOfProduct(k, kwh.scale(), r, rate.scale());
    if (paise != ExactDecimals.NOT_EXACT) {
      return paise(paise);
    }
    return MoneyRounding.toPaisa(kwh.multiply(rate));
  }

  /**
   * {@code BigDecimal.valueOf(paise, 2)}, the same object each time for an amount under {@link
   * #CACHED_PAISE}: a household trade's energy and fee amounts mostly are such amounts, a run
   * settles millions of trades, and amounts are immutable (lines already share the fee amount).
   */
  static BigDecimal paise(long paise) {
    if (paise < 0 || paise >= CACHED_PAISE) {
      return BigDecimal.valueOf(paise, MoneyRounding.SCALE);
    }
    BigDecimal amount = PAISE[(int) paise];
    if (amount == null) {
      // threads racing here build equal amounts; a BigDecimal is safely shared once built
      amount = BigDecimal.valueOf(paise, MoneyRounding.SCALE);
      PAISE[(int) paise] = amount;
    }
    return amount;
  }

  /**
   * The lines that are there (the last five may be null), in this order, as an unmodifiable list
   * built once: {@link TradeSettlement} keeps such a list as it is instead of copying it, and a run
   * settles millions of trades. A trade without network charges or curtailment, the usual one, gets
   * its list without an array in between.
   */
  private static List<SettlementLine> listOf(
      SettlementLine energy,
      SettlementLine buyerFee,
      SettlementLine sellerFee,
      SettlementLine wheeling,
      SettlementLine interState,
      SettlementLine deviation,
      SettlementLine sellerHalf,
      SettlementLine curtailed) {
    if (wheeling == null && interState == null && curtailed == null) {
      return deviation == null
          ? List.of(energy, buyerFee, sellerFee)
          : sellerHalf == null
              ? List.of(energy, buyerFee, sellerFee, deviation)
              : List.of(energy, buyerFee, sellerFee, deviation, sellerHalf);
    }
    SettlementLine[] l = {
      energy, buyerFee, sellerFee, wheeling, interState, deviation, sellerHalf, curtailed
    };
    int n = 0;
    for (SettlementLine line : l) {
      if (line != null) {
        l[n++] = line;
      }
    }
    return List.of(Arrays.copyOf(l, n));
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
        deviationRate(side, t.party(side).discomId()));
  }

  /**
   * {@link SettlementPolicy#deviationRate}, remembered for the last DISCOM of each side: a run
   * meets few DISCOMs, and the policy looks in up to three maps.
   */
  private BigDecimal deviationRate(TradeSide side, String discomId) {
    int i = side.ordinal();
    DiscomRate last = lastDeviation[i];
    if (last != null && last.discomId.equals(discomId)) {
      return last.rate;
    }
    BigDecimal rate = policy.deviationRate(side, discomId);
    lastDeviation[i] = new DiscomRate(discomId, rate);
    return rate;
  }

  /** One DISCOM's rate; immutable, so threads may share the last one looked up. */
  private record DiscomRate(String discomId, BigDecimal rate) {}

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
