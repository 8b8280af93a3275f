package org.uei.p2p.market.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.market.policy.config.Charges;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.TimeSeries;

/**
 * The settlement split the contract policy prescribes once FINAL_ALLOC is known: the buyer platform
 * pays the energy (Σ FINAL_ALLOC × PRICE_PER_KWH) plus buyer-side wheeling; the seller platform
 * receives the energy less seller-side wheeling and the shortfall penalty; each DISCOM receives its
 * charges. Amounts are rounded to paise, so the four flows sum to exactly zero. The seller side
 * writes these into {@code consideration[id=auto-settlement-flows]}; the policy checks them there.
 */
public final class RevenueFlows {

  private RevenueFlows() {}

  /**
   * One role's signed flow (negative pays, positive receives).
   *
   * @param role DEGContract role
   * @param value amount in {@code currency}, two decimals
   * @param currency ISO 4217 code
   * @param description how the amount was reached
   */
  public record Flow(String role, BigDecimal value, String currency, String description) {}

  /**
   * The settlement of a contract.
   *
   * @param tradeValue energy value of the settled slots
   * @param settledKwh Σ FINAL_ALLOC
   * @param shortfallKwh Σ max(0, REQUESTED_QTY − FINAL_ALLOC)
   * @param buyerWheeling buyer-side wheeling, paid to the buyer DISCOM
   * @param sellerWheeling seller-side wheeling, paid to the seller DISCOM
   * @param penalty the seller's shortfall penalty, paid to the seller DISCOM
   * @param flows buyerPlatform, sellerPlatform, buyerDiscom, sellerDiscom
   */
  public record Settlement(
      BigDecimal tradeValue,
      BigDecimal settledKwh,
      BigDecimal shortfallKwh,
      BigDecimal buyerWheeling,
      BigDecimal sellerWheeling,
      BigDecimal penalty,
      List<Flow> flows) {
    /** The flow of {@code role}, if any. */
    public Optional<Flow> flowOf(String role) {
      return flows.stream().filter(f -> f.role().equals(role)).findFirst();
    }
  }

  /**
   * One settled slot of a contract.
   *
   * @param finalKwh FINAL_ALLOC
   * @param pricePerKwh PRICE_PER_KWH
   * @param requestedKwh REQUESTED_QTY (the shortfall is measured against it)
   */
  public record Slot(BigDecimal finalKwh, BigDecimal pricePerKwh, BigDecimal requestedKwh) {}

  /**
   * The settlement of {@code contract} under {@code charges}; empty before any slot carries
   * FINAL_ALLOC, or when a settled slot has no price (the policy reports that).
   */
  public static Optional<Settlement> compute(Contract contract, Charges charges) {
    List<Slot> slots = new ArrayList<>();
    String currency = null;
    for (Commitment c : contract.commitments()) {
      TimeSeries ts = c == null ? null : c.commitmentAttributes();
      if (ts == null) {
        continue;
      }
      Map<Integer, BigDecimal> prices = new HashMap<>();
      ts.intervals().stream()
          .filter(i -> i != null && i.id() != null)
          .forEach(i -> i.number(TimeSeries.PRICE_PER_KWH).ifPresent(p -> prices.put(i.id(), p)));
      for (TimeSeries.Interval in : ts.intervals()) {
        Optional<BigDecimal> fin =
            in == null ? Optional.empty() : in.number(TimeSeries.FINAL_ALLOC);
        if (fin.isEmpty()) {
          continue;
        }
        BigDecimal price = prices.get(in.id());
        if (price == null) {
          return Optional.empty();
        }
        currency =
            currency != null
                ? currency
                : ts.descriptor(TimeSeries.PRICE_PER_KWH)
                    .map(TimeSeries.PayloadDescriptor::currency)
                    .orElse(null);
        slots.add(
            new Slot(fin.get(), price, in.number(TimeSeries.REQUESTED_QTY).orElse(fin.get())));
      }
    }
    return slots.isEmpty()
        ? Optional.empty()
        : Optional.of(compute(slots, currency == null ? "INR" : currency, charges));
  }

  /**
   * The settlement of a contract's settled {@code slots} (at least one) in {@code currency} under
   * {@code charges}: what {@link #compute(Contract, Charges)} gives for the contract carrying them,
   * so a statement built from stored allocations carries the amounts the flows carried.
   */
  public static Settlement compute(List<Slot> slots, String currency, Charges charges) {
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal kwh = BigDecimal.ZERO;
    BigDecimal shortfall = BigDecimal.ZERO;
    for (Slot s : slots) {
      value = value.add(s.finalKwh().multiply(s.pricePerKwh()));
      kwh = kwh.add(s.finalKwh());
      shortfall = shortfall.add(s.requestedKwh().subtract(s.finalKwh()).max(BigDecimal.ZERO));
    }
    BigDecimal trade = paise(value);
    BigDecimal wheelBuyer = paise(charges.wheelingBuyerPerKwh().multiply(kwh));
    BigDecimal wheelSeller = paise(charges.wheelingSellerPerKwh().multiply(kwh));
    BigDecimal penalty = paise(charges.penaltyPerKwh().multiply(shortfall));
    String cur = currency;
    List<Flow> flows =
        List.of(
            new Flow(
                DegContract.BUYER_PLATFORM,
                trade.add(wheelBuyer).negate(),
                cur,
                "pays energy "
                    + trade.toPlainString()
                    + " for "
                    + kwh.toPlainString()
                    + " kWh + buyer-side wheeling "
                    + wheelBuyer.toPlainString()),
            new Flow(
                DegContract.SELLER_PLATFORM,
                trade.subtract(wheelSeller).subtract(penalty),
                cur,
                "receives energy "
                    + trade.toPlainString()
                    + " − seller-side wheeling "
                    + wheelSeller.toPlainString()
                    + " − shortfall penalty "
                    + penalty.toPlainString()
                    + "; platform charge cap "
                    + charges.platformChargeCapPerKwh().toPlainString()
                    + "/kWh"),
            new Flow(
                DegContract.BUYER_DISCOM,
                wheelBuyer,
                cur,
                "buyer-side wheeling on " + kwh.toPlainString() + " kWh"),
            new Flow(
                DegContract.SELLER_DISCOM,
                wheelSeller.add(penalty),
                cur,
                "seller-side wheeling "
                    + wheelSeller.toPlainString()
                    + " + penalty on "
                    + shortfall.toPlainString()
                    + " kWh shortfall"));
    return new Settlement(trade, kwh, shortfall, wheelBuyer, wheelSeller, penalty, flows);
  }

  /** Rounded to two decimals, halves away from zero (as the published policy rounds). */
  static BigDecimal paise(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}
