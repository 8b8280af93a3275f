package org.uei.p2p.model.trade;

/** Parties money moves between in a settlement. */
public enum Payee {
  /** The buying consumer. */
  BUYER,
  /** The selling prosumer. */
  SELLER,
  /** The platform that represents the buyer. */
  BUYER_PLATFORM,
  /** The platform that represents the seller. */
  SELLER_PLATFORM,
  /** The DISCOM the buyer is connected to. */
  BUYER_DISCOM,
  /** The DISCOM the seller is connected to. */
  SELLER_DISCOM
}
