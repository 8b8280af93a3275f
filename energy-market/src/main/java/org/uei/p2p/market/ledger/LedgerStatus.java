package org.uei.p2p.market.ledger;

/** A DISCOM's status of a trade as the ledger API spells it ({@code tradeStatus}). */
public enum LedgerStatus {
  PENDING,
  CONFIRMED,
  CANCELLED_OUTAGE,
  CANCELLED_POL_VIOLATION,
  CURTAILED_OUTAGE,
  CURTAILED_POL_VIOLATION,
  COMPLETED
}
