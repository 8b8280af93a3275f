package org.uei.p2p.conformance.bpp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.CatalogOffer;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * What the kit trades on wave 2: one offer of the seller's catalog, the policy its contract names,
 * and the two DISCOMs with the kit's ledgers as their ledger providers. Builds the kit's contracts.
 *
 * @param offer the offer taken (one slot)
 * @param policy the policy the offer's DEGContract names
 * @param sellerLedger the seller DISCOM, its ledger played by the kit
 * @param buyerLedger the buyer DISCOM, its ledger played by the kit
 * @param buyerPlatformId the kit
 * @param sellerPlatformId the seller platform under test
 * @param buyerMeter the buyer's meter
 */
record Wave2Trade(
    EnergyOffer offer,
    PolicyReference policy,
    LedgerProvider sellerLedger,
    LedgerProvider buyerLedger,
    String buyerPlatformId,
    String sellerPlatformId,
    String buyerMeter) {

  /** A buyer DISCOM no network allows: the policy probe's. */
  static final String OUTSIDE_DISCOM = "CONFORMANCE_OUTSIDE_DISCOM";

  /** The first usable offer of {@code catalog}, or empty. */
  static Optional<Wave2Trade> from(
      Wave2Message catalog, Wave2BppConformance.Config config, KitLedgers ledgers, Wave2Kit kit)
      throws TradeCodecException {
    Optional<EnergyOffer> usable =
        OfferCheck.usable(new Wave2Codec(null, List.of()).offers(catalog));
    if (usable.isEmpty()) {
      return Optional.empty();
    }
    EnergyOffer o = usable.get();
    String sellerDiscom = o.seller().discomId();
    PolicyReference policy = Wave2BppConformance.IES_COMMON_POLICY;
    String discomSubscriber = sellerDiscom;
    String discomUri = ledgers.sellerUri();
    for (var cat : catalog.catalogs()) {
      for (CatalogOffer co : cat.offers()) {
        if (co == null || !o.offerId().equals(co.id()) || co.energyTradeOffer() == null) {
          continue;
        }
        DegContract dc = co.energyTradeOffer().contractAttributes();
        if (dc != null && dc.policy() != null && dc.policy().url() != null) {
          policy = new PolicyReference(dc.policy().url(), dc.policy().queryPath());
        }
        for (Participant p : co.energyTradeOffer().participants()) {
          var lp = p == null ? null : p.ledgerProvider();
          if (lp != null && sellerDiscom.equals(p.id()) && lp.discomId() != null) {
            discomSubscriber = lp.discomId();
            discomUri = lp.discomUri() != null ? lp.discomUri() : discomUri;
          }
        }
      }
    }
    String buyerDiscom =
        config.buyerDiscom() != null
            ? config.buyerDiscom()
            : "PVVNL".equals(sellerDiscom) ? "TPDDL" : "PVVNL";
    String kitId = kit.identity().subscriberId();
    String ledgerId = config.ledgerId();
    return Optional.of(
        new Wave2Trade(
            o,
            policy,
            new LedgerProvider(
                sellerDiscom, discomSubscriber, discomUri, ledgerId, ledgers.sellerUri()),
            ledger(buyerDiscom, ledgerId, ledgers.buyerUri()),
            kitId,
            kit.parties().bppId() != null ? kit.parties().bppId() : o.providerId(),
            config.buyerMeter()));
  }

  private static LedgerProvider ledger(String discom, String kitId, String uri) {
    return new LedgerProvider(discom, discom, uri, kitId, uri);
  }

  /** The DRAFT contract of an init for 1 kWh of the offer. */
  Wave2Message init() {
    return contract(buyerLedger);
  }

  /** The same init with a buyer DISCOM no network allows. */
  Wave2Message initOutsidePolicy() {
    return contract(ledger(OUTSIDE_DISCOM, buyerLedger.ledgerId(), buyerLedger.ledgerUri()));
  }

  private Wave2Message contract(LedgerProvider buyer) {
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            buyerPlatformId,
            sellerPlatformId,
            buyerMeter,
            new MeterPoint(buyerMeter, buyer.discomId()),
            List.of(OrderLine.take(offer, quantity())));
    return new Wave2Codec(policy, List.of(buyer, sellerLedger))
        .contractMessage(TradeContract.of(order, policy, buyer, sellerLedger));
  }

  /** The quantity the kit orders. */
  BigDecimal quantity() {
    return BigDecimal.ONE;
  }

  @Override
  public String toString() {
    return "'"
        + offer.offerId()
        + "' ("
        + offer.slot()
        + ", "
        + offer.price()
        + "; seller DISCOM "
        + sellerLedger.discomId()
        + ", buyer DISCOM "
        + buyerLedger.discomId()
        + ")";
  }
}
