package org.uei.p2p.model.trade;

/** The two sides of a trade. */
public enum TradeSide {
  /** The consumer who draws the energy, represented by the buyer platform. */
  BUYER,
  /** The prosumer who injects the energy, represented by the seller platform. */
  SELLER;

  /** The other side. */
  public TradeSide opposite() {
    return this == BUYER ? SELLER : BUYER;
  }
}
