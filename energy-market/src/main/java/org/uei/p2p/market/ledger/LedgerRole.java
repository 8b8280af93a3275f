package org.uei.p2p.market.ledger;

/**
 * The role a caller states in a write: a platform's side ({@code /ledger/put}) or a DISCOM's
 * ({@code /ledger/record}).
 */
public enum LedgerRole {
  /** Buyer platform. */
  BUYER,
  /** Seller platform. */
  SELLER,
  /** The buyer's DISCOM. */
  BUYER_DISCOM,
  /** The seller's DISCOM. */
  SELLER_DISCOM;

  /** Whether this is a platform's role. */
  public boolean platform() {
    return this == BUYER || this == SELLER;
  }
}
