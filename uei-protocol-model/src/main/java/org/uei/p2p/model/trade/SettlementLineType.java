package org.uei.p2p.model.trade;

/** What a settlement line pays for. */
public enum SettlementLineType {
  /** Settled energy at the contract price: buyer to seller. */
  ENERGY,
  /** Platform transaction fee on settled energy, one line per side. */
  PLATFORM_FEE,
  /** Wheeling charge for the use of the distribution network. */
  WHEELING,
  /** Inter-state transmission charge when buyer and seller are in different states. */
  INTER_STATE,
  /** Contracted energy that did not settle, borne by the side that caused the shortfall. */
  DEVIATION
}
