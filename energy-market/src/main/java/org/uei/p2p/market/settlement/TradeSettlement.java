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
 * @param reconciled the trade with both sides' allocations
 * @param lines      money lines, in a fixed order: energy, fees, network charges, deviation
 */
public record TradeSettlement(ReconciledTrade reconciled, List<SettlementLine> lines) {

  /** Copies the lines. */
  public TradeSettlement {
    lines = List.copyOf(lines);
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
