package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.util.List;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;

/**
 * The money of one reconciled trade.
 *
 * @param reconciled the trade with both sides' allocations (of the curtailed contract, if
 *     curtailed)
 * @param lines money lines, in a fixed order: energy, fees, network charges, deviation
 * @param curtailment the DISCOM's curtailment of the trade, or null
 */
public record TradeSettlement(
    ReconciledTrade reconciled, List<SettlementLine> lines, Curtailment curtailment) {

  /** Copies the lines. */
  public TradeSettlement {
    lines = List.copyOf(lines);
  }

  /** The settlement of a trade no DISCOM curtailed. */
  public TradeSettlement(ReconciledTrade reconciled, List<SettlementLine> lines) {
    this(reconciled, lines, null);
  }

  /** kWh the DISCOM curtailed (0 when not curtailed), at most the contracted quantity. */
  public BigDecimal curtailedKwh() {
    return curtailment == null
        ? BigDecimal.ZERO
        : curtailment.curtailedKwh().min(trade().quantityKwh());
  }

  /** The contracted quantity after the curtailment: what the sides owed each other. */
  public BigDecimal contractedKwh() {
    return trade().quantityKwh().subtract(curtailedKwh());
  }

  /** The settled trade. */
  public Trade trade() {
    return reconciled.trade();
  }

  /** Total of the lines {@code payer} pays. */
  public BigDecimal paidBy(Payee payer) {
    BigDecimal sum = BigDecimal.ZERO;
    for (SettlementLine l : lines) {
      if (l.payer() == payer) {
        sum = sum.add(l.amount());
      }
    }
    return sum;
  }

  /** Total of the lines of {@code type} paid by {@code payer}. */
  public BigDecimal amount(SettlementLineType type, Payee payer) {
    BigDecimal sum = BigDecimal.ZERO;
    for (SettlementLine l : lines) {
      if (l.type() == type && l.payer() == payer) {
        sum = sum.add(l.amount());
      }
    }
    return sum;
  }
}
