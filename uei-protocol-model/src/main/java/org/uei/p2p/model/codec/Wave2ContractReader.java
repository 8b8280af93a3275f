package org.uei.p2p.model.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.RevenueFlow;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * Reads a wave-2 contract into a {@link TradeContract} (see {@link Wave2Codec} for the mapping).
 */
final class Wave2ContractReader {

  /** Trade-id prefix of a contract that has no id yet (before on_confirm). */
  static final String DRAFT_PREFIX = "draft";

  private Wave2ContractReader() {}

  static TradeContract read(Wave2Message message) throws TradeCodecException {
    Contract c = required(message == null ? null : message.contract(), "message.contract");
    DegContract dc = required(c.contractAttributes(), c.pathOf("contractAttributes"));
    String buyerPlatform = role(dc, DegContract.BUYER_PLATFORM);
    String sellerPlatform = role(dc, DegContract.SELLER_PLATFORM);
    String buyerDiscom = role(dc, DegContract.BUYER_DISCOM);
    String sellerDiscom = role(dc, DegContract.SELLER_DISCOM);
    Participant buyerParty =
        required(c.participant(buyerPlatform).orElse(null), c.pathOf("participants"));
    Participant.EnergyCustomer buyer =
        required(buyerParty.energyCustomer(), buyerParty.pathOf("participantAttributes"));
    String buyerMeter = required(buyer.meterId(), buyer.pathOf("meterId"));
    Participant.EnergyCustomer seller =
        c.participant(sellerPlatform).map(Participant::energyCustomer).orElse(null);
    String prefix = c.id() == null ? DRAFT_PREFIX : c.id();
    List<OrderLine> lines = new ArrayList<>();
    List<Allocation> allocations = new ArrayList<>();
    Map<String, BigDecimal> finals = new HashMap<>();
    List<Commitment> cs = c.commitments();
    for (Commitment cm : cs) {
      required(cm, c.pathOf("commitments"));
      Commitment.OfferRef offer = required(cm.offer(), cm.pathOf("offer"));
      String offerId = required(offer.id(), offer.pathOf("id"));
      String providerId = offer.providerId() != null ? offer.providerId() : sellerPlatform;
      String meter =
          cm.resources().stream()
              .filter(r -> r != null && r.meterId() != null)
              .map(r -> r.meterId())
              .findFirst()
              .orElse(seller == null ? null : seller.meterId());
      MeterPoint sellerPoint =
          meterPoint(required(meter, cm.pathOf("resources")), sellerDiscom, cm.pathOf("resources"));
      TimeSeries ts = required(cm.commitmentAttributes(), cm.pathOf("commitmentAttributes"));
      String currency =
          required(
              ts.descriptor(TimeSeries.PRICE_PER_KWH)
                  .map(TimeSeries.PayloadDescriptor::currency)
                  .orElse(null),
              ts.pathOf("payloadDescriptors"));
      for (TimeSeries.Interval in : ts.intervals()) {
        required(in, ts.pathOf("intervals"));
        TimeSeries.Slot s =
            required(in.id() == null ? null : ts.slotOf(in).orElse(null), in.pathOf("id"));
        BigDecimal price =
            required(in.number(TimeSeries.PRICE_PER_KWH).orElse(null), in.pathOf("payloads"));
        BigDecimal qty =
            required(in.number(TimeSeries.REQUESTED_QTY).orElse(null), in.pathOf("payloads"));
        String tradeId = prefix + "/" + (lines.size() + 1);
        try {
          lines.add(
              new OrderLine(
                  offerId,
                  providerId,
                  sellerPoint,
                  new DeliverySlot(s.start(), s.start().plus(s.duration())),
                  new UnitPrice(price, Currency.getInstance(currency)),
                  qty));
          in.number(TimeSeries.BUYER_DISCOM_ALLOC)
              .ifPresent(
                  a ->
                      allocations.add(
                          new Allocation(tradeId, TradeSide.BUYER, buyerMeter, qty, a)));
          in.number(TimeSeries.SELLER_DISCOM_ALLOC)
              .ifPresent(
                  a ->
                      allocations.add(
                          new Allocation(
                              tradeId, TradeSide.SELLER, sellerPoint.meterId(), qty, a)));
          in.number(TimeSeries.FINAL_ALLOC).ifPresent(a -> finals.put(tradeId, a));
        } catch (RuntimeException e) {
          throw new TradeCodecException(in.path(), e.getMessage(), e);
        }
      }
    }
    try {
      String buyerId = buyer.utilityCustomerId() != null ? buyer.utilityCustomerId() : buyerMeter;
      TradeOrder order =
          new TradeOrder(
              c.id(),
              Wave2Codec.status(c.statusCode(), c.pathOf("status.code")),
              buyerPlatform,
              sellerPlatform,
              buyerId,
              meterPoint(buyerMeter, buyerDiscom, buyer.path()),
              lines);
      DegContract.Policy p = dc.policy();
      PolicyReference policy =
          p == null || p.url() == null || p.queryPath() == null
              ? null
              : new PolicyReference(p.url(), p.queryPath());
      return new TradeContract(
          order,
          policy,
          ledger(c, DegContract.BUYER_DISCOM),
          ledger(c, DegContract.SELLER_DISCOM),
          allocations,
          finals,
          flows(c));
    } catch (RuntimeException e) {
      throw new TradeCodecException(c.path(), e.getMessage(), e);
    }
  }

  private static List<MoneyFlow> flows(Contract c) {
    List<MoneyFlow> out = new ArrayList<>();
    RevenueFlow rf = c.revenueFlow().orElse(null);
    for (RevenueFlow.Flow f : rf == null ? List.<RevenueFlow.Flow>of() : rf.revenueFlows()) {
      Payee party = f == null ? null : Wave2Roles.party(f.role());
      if (party != null && f.value() != null && f.currency() != null) {
        out.add(new MoneyFlow(party, f.value(), Currency.getInstance(f.currency())));
      }
    }
    return out;
  }

  private static LedgerProvider ledger(Contract c, String role) {
    Participant p = c.participantInRole(role).orElse(null);
    Participant.DiscomLedgerProvider l = p == null ? null : p.ledgerProvider();
    if (l == null
        || l.discomId() == null
        || l.discomUri() == null
        || l.ledgerId() == null
        || l.ledgerUri() == null) {
      return null;
    }
    return new LedgerProvider(p.id(), l.discomId(), l.discomUri(), l.ledgerId(), l.ledgerUri());
  }

  private static String role(DegContract dc, String role) throws TradeCodecException {
    return required(
        dc.participantIdOf(role).orElse(null), dc.pathOf("roles") + "[role=" + role + "]");
  }

  private static MeterPoint meterPoint(String meter, String discom, String path)
      throws TradeCodecException {
    try {
      return new MeterPoint(meter, discom);
    } catch (RuntimeException e) {
      throw new TradeCodecException(path, e.getMessage(), e);
    }
  }

  static <T> T required(T value, String path) throws TradeCodecException {
    if (value == null) {
      throw new TradeCodecException(path, "is required");
    }
    return value;
  }
}
