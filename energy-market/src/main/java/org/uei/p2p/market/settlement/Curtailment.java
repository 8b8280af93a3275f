package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.util.Objects;
import org.uei.p2p.model.trade.TradeSide;

/**
 * A DISCOM's curtailment of one trade in its slot.
 *
 * @param tradeId the curtailed trade
 * @param side the side whose meter the DISCOM curtailed (seller: injection, buyer: drawal)
 * @param curtailedKwh energy curtailed, greater than zero
 * @param reason EnergyTradeDelivery's curtailment reason (GRID_OUTAGE, CONGESTION, ...)
 */
public record Curtailment(String tradeId, TradeSide side, BigDecimal curtailedKwh, String reason) {

  /** Validates the fields. */
  public Curtailment {
    Objects.requireNonNull(tradeId, "trade id");
    Objects.requireNonNull(side, "curtailed side");
    Objects.requireNonNull(curtailedKwh, "curtailed kWh");
    if (curtailedKwh.signum() <= 0) {
      throw new IllegalArgumentException(
          "curtailed kWh must be greater than 0, not " + curtailedKwh.toPlainString());
    }
    reason = reason == null || reason.isBlank() ? "OTHER" : reason;
  }

  /**
   * The contracted quantity left after the curtailment: {@code contracted − curtailed}, never below
   * zero (a DISCOM may curtail a whole trade).
   */
  public BigDecimal remainingOf(BigDecimal contractedKwh) {
    return contractedKwh.subtract(curtailedKwh.min(contractedKwh));
  }
}
