package org.uei.p2p.market.ledger;

/** Unit of a trade line's quantity. */
public enum TradeUnit {
  KWH,
  KW
}
