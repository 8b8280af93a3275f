package org.uei.p2p.market.policy.config;

import java.util.Objects;

/**
 * A buyer DISCOM that may buy from a seller DISCOM's prosumers (a configured trading corridor).
 *
 * @param buyer the buyer's DISCOM (UPADHI short code)
 * @param seller the seller's DISCOM
 */
public record DiscomPair(String buyer, String seller) {

  /** Requires both ids. */
  public DiscomPair {
    Objects.requireNonNull(buyer, "buyer");
    Objects.requireNonNull(seller, "seller");
  }

  @Override
  public String toString() {
    return buyer + "<-" + seller;
  }
}
