package org.uei.p2p.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The IES wave-2 codec: offers as catalog offers with an EnergyTradeOffer pack (a partly bound
 * DEGContract and the seller's TimeSeries), orders as a {@code contract} whose commitments carry
 * the contract table, one interval per delivery slot.
 *
 * <p>How the trade model maps:
 *
 * <ul>
 *   <li>An order line is one interval of a commitment: offer id from {@code offer.id}, slot from
 *       the interval, price from PRICE_PER_KWH, quantity from REQUESTED_QTY, seller meter from the
 *       commitment's EnergyResource. Consecutive lines of one offer and meter share a commitment.
 *   <li>A wave-2 catalog offer spans several slots; {@link EnergyOffer} is one slot, so a
 *       k-interval offer reads as k offers sharing the offer id, told apart by slot (the contract
 *       names an interval by offer id and slot in the same way). Written offers have one interval
 *       each.
 *   <li>Platforms and DISCOMs come from the DEGContract roles; the buyer's and seller's DISCOM are
 *       the {@code buyerDiscom}/{@code sellerDiscom} participant ids (UPADHI codes), so one
 *       contract has one seller DISCOM. The buyer id is the buyer's {@code utilityCustomerId} (else
 *       meter id).
 *   <li>Status: PENDING = DRAFT, CONFIRMED = ACTIVE, CANCELLED = CANCELLED, COMPLETED = COMPLETE.
 *   <li>What wave 2 carries beyond {@link TradeOrder} is read into {@link TradeContract}: policy,
 *       ledger providers, BUYER_/SELLER_DISCOM_ALLOC as {@code Allocation}s, FINAL_ALLOC, revenue
 *       flows.
 * </ul>
 *
 * <p>Wave-1 concepts with no wave-2 twin: the CURTAILED status (written as ACTIVE, read back as
 * CONFIRMED), the offer's pricing model and delivery window (the slot is the interval), the order's
 * total quantity (a sum of REQUESTED_QTY), {@code beckn:items} (the resource is the meter) and the
 * order-level payment (wave 2's SettlementTerm stays on the wire; payment is off-ledger). Stateless
 * and thread-safe once built.
 */
public final class Wave2Codec implements TradeCodec<Wave2Message> {

  static final List<String> OFFER_TABLE =
      List.of(
          TimeSeries.PRICE_PER_KWH,
          TimeSeries.AVAILABLE_QTY,
          TimeSeries.REQUESTED_QTY,
          TimeSeries.BUYER_DISCOM_ALLOC,
          TimeSeries.BUYER_DISCOM_STATUS,
          TimeSeries.SELLER_DISCOM_ALLOC,
          TimeSeries.SELLER_DISCOM_STATUS,
          TimeSeries.FINAL_ALLOC);

  private final PolicyReference policy;
  private final Map<String, LedgerProvider> ledgers = new LinkedHashMap<>();

  /**
   * A codec for a network whose contracts follow {@code policy} and whose DISCOMs record on {@code
   * ledgers} (needed to write messages from a bare order; reading needs neither).
   */
  public Wave2Codec(PolicyReference policy, List<LedgerProvider> ledgers) {
    this.policy = policy;
    ledgers.forEach(l -> this.ledgers.put(l.discomId(), l));
  }

  @Override
  public String generation() {
    return "ies-wave2";
  }

  @Override
  public Wave2Message catalogMessage(CatalogHeader header, List<EnergyOffer> offers) {
    ObjectNode m = Wave2Writer.object();
    ObjectNode cat = m.putArray("catalogs").addObject().put("id", header.catalogId());
    cat.putObject("descriptor").put("name", header.name());
    cat.put("bppId", header.bppId()).put("bppUri", header.bppUri());
    ArrayNode resources = cat.putArray("resources");
    ArrayNode wireOffers = cat.putArray("offers");
    Set<String> meters = new LinkedHashSet<>();
    for (EnergyOffer o : offers) {
      if (meters.add(o.seller().meterId())) {
        resources.add(Wave2Writer.resource(o.seller(), null));
      }
      ObjectNode w = wireOffers.addObject().put("id", o.offerId());
      w.putObject("descriptor").put("name", "Energy " + o.slot());
      w.putArray("resourceIds").add(o.seller().meterId());
      ObjectNode provider = w.putObject("provider").put("id", o.providerId());
      provider.putObject("descriptor").put("name", o.providerId());
      ObjectNode eto =
          w.putObject("offerAttributes")
              .put("@context", "https://schema.nfh.global/EnergyTradeOffer/v2.0/context.jsonld")
              .put("@type", "EnergyTradeOffer");
      eto.putObject("validityWindow")
          .put("@type", "beckn:TimePeriod")
          .put("schema:startTime", o.validFrom().toString())
          .put("schema:endTime", o.validUntil().toString());
      eto.set(
          "contractAttributes",
          Wave2Writer.degContract(null, header.bppId(), null, o.seller().discomId(), policy));
      ArrayNode parties = eto.putArray("participants");
      parties.add(Wave2Writer.customer(header.bppId(), o.seller().meterId(), null));
      parties.add(Wave2Writer.discom(ledger(o.seller().discomId())));
      ObjectNode table =
          Wave2Writer.table(o.slot(), o.price().currency().getCurrencyCode(), OFFER_TABLE);
      Wave2Writer.interval(
          table,
          0,
          List.of(TimeSeries.PRICE_PER_KWH, TimeSeries.AVAILABLE_QTY),
          Arrays.asList(o.price().perKwh(), o.maxQuantityKwh()));
      eto.set("commitmentAttributes", table);
    }
    return Wave2Message.of(m);
  }

  @Override
  public List<EnergyOffer> offers(Wave2Message catalogMessage) throws TradeCodecException {
    return Wave2Offers.read(catalogMessage);
  }

  /** The contract of {@code order} under this codec's policy, with the ledgers of both DISCOMs. */
  @Override
  public Wave2Message orderMessage(TradeOrder order) {
    String sellerDiscom = order.lines().get(0).seller().discomId();
    return contractMessage(
        TradeContract.of(order, policy, ledger(order.buyer().discomId()), ledger(sellerDiscom)));
  }

  @Override
  public TradeOrder order(Wave2Message orderMessage) throws TradeCodecException {
    return contract(orderMessage).order();
  }

  /** Everything a contract message says about the trade. */
  public TradeContract contract(Wave2Message message) throws TradeCodecException {
    return Wave2ContractReader.read(message);
  }

  /**
   * The message of a contract.
   *
   * @throws IllegalArgumentException when the lines have more than one seller DISCOM, or the
   *     contract lacks its policy or ledgers
   */
  public Wave2Message contractMessage(TradeContract tc) {
    TradeOrder o = tc.order();
    OrderLine firstLine = o.lines().get(0);
    String sellerDiscom = firstLine.seller().discomId();
    if (o.lines().stream().anyMatch(l -> !l.seller().discomId().equals(sellerDiscom))) {
      throw new IllegalArgumentException(
          "a wave-2 contract has one seller DISCOM; split the order per DISCOM");
    }
    if (tc.policy() == null || tc.buyerLedger() == null || tc.sellerLedger() == null) {
      throw new IllegalArgumentException(
          "a wave-2 contract names its policy and both DISCOMs' ledgers");
    }
    ObjectNode m = Wave2Writer.object();
    ObjectNode c = m.putObject("contract");
    if (o.orderId() != null) {
      c.put("id", o.orderId());
    }
    c.putObject("status").put("code", wireStatus(o.status()));
    Wave2Commitments.write(c.putArray("commitments"), tc, commitmentStatus(o.status()));
    c.set(
        "contractAttributes",
        Wave2Writer.degContract(
            o.buyerPlatformId(),
            o.sellerPlatformId(),
            o.buyer().discomId(),
            sellerDiscom,
            tc.policy()));
    ArrayNode parties = c.putArray("participants");
    parties.add(Wave2Writer.customer(o.buyerPlatformId(), o.buyer().meterId(), o.buyerId()));
    parties.add(Wave2Writer.customer(o.sellerPlatformId(), firstLine.seller().meterId(), null));
    parties.add(Wave2Writer.discom(tc.buyerLedger()));
    if (!tc.sellerLedger().discomId().equals(tc.buyerLedger().discomId())) {
      parties.add(Wave2Writer.discom(tc.sellerLedger()));
    }
    if (!tc.revenueFlows().isEmpty()) {
      ObjectNode rf =
          c.putArray("consideration")
              .addObject()
              .put("id", Contract.AUTO_SETTLEMENT_FLOWS)
              .putObject("considerationAttributes")
              .put("@context", "https://schema.nfh.global/RevenueFlow/v2.0/context.jsonld")
              .put("@type", "RevenueFlow");
      ArrayNode flows = rf.putArray("revenueFlows");
      tc.revenueFlows()
          .forEach(
              f ->
                  flows
                      .addObject()
                      .put("role", Wave2Roles.role(f.party()))
                      .put("value", f.amount())
                      .put("currency", f.currency().getCurrencyCode()));
    }
    return Wave2Message.of(m);
  }

  private LedgerProvider ledger(String discomId) {
    LedgerProvider l = ledgers.get(discomId);
    if (l == null) {
      throw new IllegalArgumentException("no ledger provider known for DISCOM " + discomId);
    }
    return l;
  }

  static String wireStatus(TradeStatus s) {
    return switch (s) {
      case PENDING -> "DRAFT";
      case CONFIRMED, CURTAILED -> "ACTIVE";
      case CANCELLED -> "CANCELLED";
      case COMPLETED -> "COMPLETE";
    };
  }

  private static String commitmentStatus(TradeStatus s) {
    return switch (s) {
      case PENDING -> "DRAFT";
      case CONFIRMED, CURTAILED -> "ACTIVE";
      case CANCELLED, COMPLETED -> "CLOSED";
    };
  }

  static TradeStatus status(String wire, String path) throws TradeCodecException {
    if (wire == null) {
      throw new TradeCodecException(path, "is required");
    }
    return switch (wire) {
      case "DRAFT" -> TradeStatus.PENDING;
      case "ACTIVE" -> TradeStatus.CONFIRMED;
      case "CANCELLED" -> TradeStatus.CANCELLED;
      case "COMPLETE" -> TradeStatus.COMPLETED;
      default -> throw new TradeCodecException(path, "'" + wire + "' has no trade status");
    };
  }

  /** The energy of {@code lines}. */
  static BigDecimal total(List<OrderLine> lines) {
    return lines.stream().map(OrderLine::quantityKwh).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
