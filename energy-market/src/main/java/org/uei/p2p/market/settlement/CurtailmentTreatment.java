package org.uei.p2p.market.settlement;

/**
 * How a network settles energy a DISCOM curtailed. Either way neither the seller nor the buyer pays
 * for it: the grid operator's act is not a party's shortfall.
 */
public enum CurtailmentTreatment {
  /**
   * The curtailed kWh leave the contract for that slot: the trade is allocated and settled as if it
   * had been for the rest (EnergyTradeDelivery's {@code curtailedQuantity} is "curtailed from the
   * original contracted amount"). The default.
   */
  REDUCE_CONTRACT,
  /**
   * The curtailed kWh are the curtailing DISCOM's deviation: they leave the contract as above and
   * the DISCOM pays the party it curtailed for them at its own deviation rate, a line the DISCOM's
   * bill shows as a credit.
   */
  DISCOM_DEVIATION
}
