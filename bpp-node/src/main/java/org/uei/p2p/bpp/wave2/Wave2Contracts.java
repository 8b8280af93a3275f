package org.uei.p2p.bpp.wave2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uei.p2p.bpp.beckn.OrderAdmission;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.handler.Admitted;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * Wave-2 contracts as the seller reads and checks them: the policy stage, the codec's trade model,
 * both DISCOMs' ledgers against the configured ones, then the wave-1 admission (catalog, price,
 * quantity, trading rules) on the wire-neutral order.
 */
@ApplicationScoped
public class Wave2Contracts {

  @Inject ContractPolicyStage policy;
  @Inject Discoms discoms;
  @Inject OrderAdmission admission;
  @Inject OrderService orders;
  @Inject MarketClock marketClock;

  /** Every check of select, init and confirm; read-only. */
  public void admit(InboundMessage m) throws InboundRejection {
    policy.check(m.wave2(), marketClock.now());
    TradeContract tc = decode(m);
    Contract c = m.wave2().message().contract();
    ledger(c, DegContract.SELLER_DISCOM, tc.sellerLedger());
    ledger(c, DegContract.BUYER_DISCOM, tc.buyerLedger());
    ContractPaths paths = new ContractPaths(c);
    TradeOrder priced = admission.checkOrder(tc.order(), m.wave2Context().transactionId(), paths);
    m.admitted().set(priced);
    String sellerDiscom = tc.sellerLedger().discomId();
    for (int i = 0; i < priced.lines().size(); i++) {
      String actual = priced.lines().get(i).seller().discomId();
      if (!actual.equals(sellerDiscom)) {
        throw InboundRejection.badRequest(
            ErrorCode.ITEM_NOT_FOUND,
            "offer '"
                + priced.lines().get(i).offerId()
                + "' is delivered in DISCOM "
                + actual
                + ", not in sellerDiscom "
                + sellerDiscom,
            paths.offer(i));
      }
    }
  }

  /**
   * The contract with every line priced from the catalog, in {@code status}, naming the configured
   * ledgers.
   */
  public TradeContract priced(InboundMessage m, TradeStatus status) throws InboundRejection {
    return priced(m.wave2().message(), m.admitted(), status);
  }

  /** {@link #priced(InboundMessage, TradeStatus)} of a contract message read before. */
  public TradeContract priced(Wave2Message message, TradeStatus status) throws InboundRejection {
    return priced(message, new Admitted(), status);
  }

  private TradeContract priced(Wave2Message message, Admitted admitted, TradeStatus status)
      throws InboundRejection {
    TradeContract tc = decode(message);
    TradeOrder order =
        admitted
            .orElse(
                TradeOrder.class,
                () -> admission.priced(tc.order(), new ContractPaths(message.contract())))
            .withStatus(status);
    return TradeContract.of(
        order,
        tc.policy() != null ? tc.policy() : policy.reference(),
        configured(tc.buyerLedger()),
        configured(tc.sellerLedger()));
  }

  /** The contract of a stored order. */
  public TradeContract of(SellerOrder o) {
    TradeOrder view = orders.view(o);
    String sellerDiscom = view.lines().get(0).seller().discomId();
    return TradeContract.of(
        view,
        policy.reference(),
        discoms.ledger(o.buyerDiscomId).orElseThrow(() -> unknown(o.buyerDiscomId)),
        discoms.ledger(sellerDiscom).orElseThrow(() -> unknown(sellerDiscom)));
  }

  /** Where the lines of the message's contract sit. */
  public ContractPaths paths(InboundMessage m) {
    return new ContractPaths(m.wave2().message().contract());
  }

  /** The configured record of a DISCOM a contract names (admission made sure there is one). */
  public LedgerProvider configured(LedgerProvider named) {
    return discoms.ledger(named.discomId()).orElseThrow(() -> unknown(named.discomId()));
  }

  private TradeContract decode(InboundMessage m) throws InboundRejection {
    return decode(m.wave2().message());
  }

  private TradeContract decode(Wave2Message message) throws InboundRejection {
    try {
      return new Wave2Codec(policy.reference(), List.of()).contract(message);
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), Map.of());
    }
  }

  /**
   * A DISCOM's party must be complete and name the ledger provider this seller knows for it: the
   * confirmed contract is forwarded there.
   */
  private void ledger(Contract c, String role, LedgerProvider named) throws InboundRejection {
    var party = c.participantInRole(role);
    String at = party.map(p -> p.pathOf("participantAttributes")).orElse(c.pathOf("participants"));
    if (named == null) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          role
              + " needs a participant with a complete DiscomLedgerProvider"
              + " (discomId, discomUri, ledgerId, ledgerUri)",
          at);
    }
    var known = discoms.ledger(named.discomId());
    if (known.isEmpty()) {
      throw InboundRejection.badRequest(
          ErrorCode.POLICY_ERROR,
          role + " " + named.discomId() + " has no ledger provider known to this seller platform",
          c.pathOf("contractAttributes.roles[role=" + role + "]"));
    }
    if (!sameUrl(known.get().ledgerUri(), named.ledgerUri())) {
      throw InboundRejection.badRequest(
          ErrorCode.POLICY_ERROR,
          role
              + " ledgerUri \""
              + named.ledgerUri()
              + "\" is not the ledger DISCOM "
              + named.discomId()
              + " registered (\""
              + known.get().ledgerUri()
              + "\")",
          at + ".ledgerUri");
    }
    if (!known.get().ledgerId().equals(named.ledgerId())) {
      throw InboundRejection.badRequest(
          ErrorCode.POLICY_ERROR,
          role
              + " ledgerId \""
              + named.ledgerId()
              + "\" is not the ledger provider DISCOM "
              + named.discomId()
              + " registered (\""
              + known.get().ledgerId()
              + "\")",
          at + ".ledgerId");
    }
  }

  private static boolean sameUrl(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    return url.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
  }

  private static IllegalStateException unknown(String discomId) {
    return new IllegalStateException(
        "DISCOM " + discomId + " is not configured in uei.bpp.wave2.discoms");
  }
}
