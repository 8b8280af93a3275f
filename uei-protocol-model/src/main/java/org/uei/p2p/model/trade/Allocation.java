package org.uei.p2p.model.trade;

import java.math.BigDecimal;

/**
 * The share of one meter's measured energy assigned to one trade, on one side of that trade.
 *
 * @param tradeId trade the energy is assigned to
 * @param side whose meter was measured: the seller's injection or the buyer's drawal
 * @param meterId the measured meter
 * @param contractedKwh the trade's contracted quantity
 * @param allocatedKwh energy assigned, between zero and the contracted quantity
 */
public record Allocation(
    String tradeId,
    TradeSide side,
    String meterId,
    BigDecimal contractedKwh,
    BigDecimal allocatedKwh) {

  /** Validates that the allocation lies between zero and the contracted quantity. */
  public Allocation {
    Checks.id(tradeId, "trade id");
    Checks.required(side, "side");
    Checks.id(meterId, "meter id");
    Checks.positive(contractedKwh, "contracted kWh");
    Checks.nonNegative(allocatedKwh, "allocated kWh");
    if (allocatedKwh.compareTo(contractedKwh) > 0) {
      throw new IllegalArgumentException(
          "trade "
              + tradeId
              + ": allocated "
              + allocatedKwh.toPlainString()
              + " kWh exceeds contracted "
              + contractedKwh.toPlainString()
              + " kWh");
    }
  }

  /** Contracted energy the side did not deliver or draw. */
  public BigDecimal shortfallKwh() {
    return contractedKwh.subtract(allocatedKwh);
  }
}
