package org.uei.p2p.market.ledger;

/** What a trade line trades; only {@link #ENERGY} lines take part in meter allocation. */
public enum TradeType {
  ENERGY,
  RAISE_CAPACITY,
  LOWER_CAPACITY,
  PFR,
  SFR,
  TC,
  BDR
}
