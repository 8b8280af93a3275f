package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Turns a reconciled trade into money lines under a {@link SettlementPolicy}:
 * <ul>
 *   <li>energy: buyer pays seller the settled kWh at the contract price;</li>
 *   <li>platform fee on settled kWh, each side to its own platform, split by the policy;</li>
 *   <li>wheeling (per seller→buyer DISCOM) and inter-state (per seller→buyer state, only when the
 *       states differ) on settled kWh, paid by the policy's side to its DISCOM, when configured;</li>
 *   <li>deviation: unsettled kWh at the DISCOM tariff, paid by the side that caused the shortfall
 *       to its own DISCOM, which supplied or absorbed the difference; when both sides fell short
 *       equally each bears half.</li>
 * </ul>
 * Every amount is rounded once, by {@link MoneyRounding}.
 */
public final class SettlementCalculator {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final SettlementPolicy policy;

    /** A calculator applying {@code policy}. */
    public SettlementCalculator(SettlementPolicy policy) {
        this.policy = policy;
    }

    /** The money lines of {@code reconciled}. */
    public TradeSettlement settle(ReconciledTrade reconciled) {
        Trade t = reconciled.trade();
        BigDecimal settled = reconciled.settledKwh();
        List<SettlementLine> lines = new ArrayList<>(6);
        lines.add(line(t, SettlementLineType.ENERGY, Payee.BUYER, Payee.SELLER, settled, t.price().perKwh()));
        lines.add(line(t, SettlementLineType.PLATFORM_FEE, Payee.BUYER, Payee.BUYER_PLATFORM, settled,
                policy.feeRate(TradeSide.BUYER)));
        lines.add(line(t, SettlementLineType.PLATFORM_FEE, Payee.SELLER, Payee.SELLER_PLATFORM, settled,
                policy.feeRate(TradeSide.SELLER)));
        TradeSide bearer = policy.networkChargesBorneBy();
        BigDecimal wheeling = policy.wheelingPerKwh().get(
                SettlementPolicy.pairKey(t.seller().discomId(), t.buyer().discomId()));
        if (wheeling != null && wheeling.signum() > 0) {
            lines.add(line(t, SettlementLineType.WHEELING, party(bearer), discom(bearer), settled, wheeling));
        }
        String sellerState = policy.discomStates().get(t.seller().discomId());
        String buyerState = policy.discomStates().get(t.buyer().discomId());
        if (sellerState != null && buyerState != null && !sellerState.equals(buyerState)) {
            BigDecimal rate = policy.interStatePerKwh().get(SettlementPolicy.pairKey(sellerState, buyerState));
            if (rate != null && rate.signum() > 0) {
                lines.add(line(t, SettlementLineType.INTER_STATE, party(bearer), discom(bearer), settled, rate));
            }
        }
        BigDecimal unsettled = reconciled.unsettledKwh();
        if (unsettled.signum() > 0) {
            Optional<TradeSide> cause = reconciled.shortfallSide();
            if (cause.isPresent()) {
                lines.add(deviation(t, cause.get(), unsettled));
            } else {
                BigDecimal half = unsettled.multiply(HALF);
                lines.add(deviation(t, TradeSide.BUYER, half));
                lines.add(deviation(t, TradeSide.SELLER, half));
            }
        }
        return new TradeSettlement(reconciled, lines);
    }

    private SettlementLine deviation(Trade t, TradeSide side, BigDecimal kwh) {
        return line(t, SettlementLineType.DEVIATION, party(side), discom(side), kwh,
                policy.tariff(t.party(side).discomId()));
    }

    private static SettlementLine line(Trade t, SettlementLineType type, Payee payer, Payee payee,
                                       BigDecimal kwh, BigDecimal rate) {
        return new SettlementLine(t.tradeId(), type, payer, payee, kwh, rate,
                MoneyRounding.toPaisa(kwh.multiply(rate)), t.price().currency());
    }

    private static Payee party(TradeSide side) {
        return side == TradeSide.BUYER ? Payee.BUYER : Payee.SELLER;
    }

    private static Payee discom(TradeSide side) {
        return side == TradeSide.BUYER ? Payee.BUYER_DISCOM : Payee.SELLER_DISCOM;
    }
}
