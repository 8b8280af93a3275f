package org.uei.p2p.bap.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.bap.cascade.BuyerAllocations;
import org.uei.p2p.bap.client.Wave2Callbacks;
import org.uei.p2p.bap.delivery.Wave2DeliveryRecorder;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * What the buyer platform checks in a seller's wave-2 callback beyond the wire's rules, before it
 * is ACKed: a contract this platform can read, and for each DISCOM this platform knows, the ledger
 * provider this platform named (a seller must not move a contract's record to another ledger or
 * DISCOM), and buyer DISCOM allocations no different from those the buyer DISCOM's ledger reported
 * to this platform. A callback that carries an error instead is the seller's refusal and is taken
 * as it is.
 */
@ApplicationScoped
public class Wave2Admission {

  @Inject Wave2Network network;
  @Inject BuyerAllocations buyerAllocations;

  /** Refuses a contract callback the buyer platform cannot hold the seller to. */
  public void admit(Wave2Envelope callback) throws InboundRejection {
    if (Wave2Callbacks.refusal(callback).isPresent()
        || callback.message() == null
        || callback.message().contract() == null) {
      return;
    }
    Contract c = callback.message().contract();
    TradeContract tc;
    try {
      tc = Wave2Network.reader().contract(callback.message());
    } catch (TradeCodecException e) {
      BecknError err = e.error();
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST, err.getMessage(), err.getPaths());
    }
    String unbalanced = Wave2DeliveryRecorder.unbalanced(tc.revenueFlows());
    if (unbalanced != null) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          unbalanced + ": what roles pay must equal what roles receive",
          c.revenueFlow().map(r -> r.pathOf("revenueFlows")).orElse(c.pathOf("consideration")));
    }
    keptBuyerFigures(callback.context().bppId(), c, tc);
    for (String role : List.of(DegContract.BUYER_DISCOM, DegContract.SELLER_DISCOM)) {
      Optional<Participant> p = c.participantInRole(role);
      if (p.isEmpty()) {
        continue;
      }
      if (!network.configured(p.get().id())) {
        // This platform drafts contracts between DISCOMs it knows only: another is a substitute.
        throw InboundRejection.badRequest(
            ErrorCode.POLICY_ERROR,
            "the "
                + role
                + " '"
                + p.get().id()
                + "' is not a DISCOM the buyer platform named in the contract",
            p.get().pathOf("id"));
      }
      if (p.get().ledgerProvider() == null) {
        continue;
      }
      Participant.DiscomLedgerProvider theirs = p.get().ledgerProvider();
      LedgerProvider l = network.ledger(p.get().id());
      check(theirs, "discomId", theirs.discomId(), l.discomSubscriberId(), role);
      check(theirs, "ledgerId", theirs.ledgerId(), l.ledgerId(), role);
      check(theirs, "ledgerUri", theirs.ledgerUri(), l.ledgerUri(), role);
    }
  }

  /**
   * Refuses a buyer DISCOM allocation that differs from the one the buyer DISCOM's ledger reported
   * to this platform: the seller platform relays that side, it does not decide it.
   */
  private void keptBuyerFigures(String seller, Contract c, TradeContract tc)
      throws InboundRejection {
    if (c.id() == null || tc.allocations().isEmpty()) {
      return;
    }
    Map<Integer, BigDecimal> kept;
    try {
      kept = buyerAllocations.of(seller, c.id());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the kept allocations: " + e.getMessage(), e);
    }
    String prefix = c.id() + "/";
    for (Allocation a : tc.allocations()) {
      if (a.side() != TradeSide.BUYER || !a.tradeId().startsWith(prefix)) {
        continue;
      }
      BigDecimal ledger = kept.get(Integer.valueOf(a.tradeId().substring(prefix.length())));
      if (ledger != null && ledger.compareTo(a.allocatedKwh()) != 0) {
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            "BUYER_DISCOM_ALLOC "
                + a.allocatedKwh().toPlainString()
                + " of trade "
                + a.tradeId()
                + " is not the "
                + ledger.toPlainString()
                + " kWh the buyer DISCOM's ledger reported",
            c.pathOf("commitments"));
      }
    }
  }

  private static String withoutSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static void check(
      Participant.DiscomLedgerProvider theirs,
      String member,
      String value,
      String expected,
      String role)
      throws InboundRejection {
    // A base URL names the same place with or without its trailing slash.
    if (value == null || !withoutSlash(expected).equals(withoutSlash(value))) {
      throw InboundRejection.badRequest(
          ErrorCode.POLICY_ERROR,
          "the "
              + role
              + "'s "
              + member
              + " must be '"
              + expected
              + "' as the buyer platform named it, not '"
              + value
              + "'",
          theirs.pathOf(member));
    }
  }
}
