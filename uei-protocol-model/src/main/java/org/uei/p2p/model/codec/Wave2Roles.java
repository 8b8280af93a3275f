package org.uei.p2p.model.codec;

import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.wave2.DegContract;

/** The DEGContract role names of the parties of the trade model. */
final class Wave2Roles {

  private Wave2Roles() {}

  /** The role of {@code p}; consumers and prosumers act through their platforms and have none. */
  static String role(Payee p) {
    return switch (p) {
      case BUYER_PLATFORM -> DegContract.BUYER_PLATFORM;
      case SELLER_PLATFORM -> DegContract.SELLER_PLATFORM;
      case BUYER_DISCOM -> DegContract.BUYER_DISCOM;
      case SELLER_DISCOM -> DegContract.SELLER_DISCOM;
      case BUYER, SELLER ->
          throw new IllegalArgumentException(
              p + " has no role in a wave-2 contract: its platform acts for it");
    };
  }

  /** The party playing {@code role}, or {@code null} for a role outside the four P2P roles. */
  static Payee party(String role) {
    return switch (role == null ? "" : role) {
      case DegContract.BUYER_PLATFORM -> Payee.BUYER_PLATFORM;
      case DegContract.SELLER_PLATFORM -> Payee.SELLER_PLATFORM;
      case DegContract.BUYER_DISCOM -> Payee.BUYER_DISCOM;
      case DegContract.SELLER_DISCOM -> Payee.SELLER_DISCOM;
      default -> null;
    };
  }
}
