package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.uei.p2p.model.trade.TradeSide;

/**
 * The money side of a network's rules. Named, versioned sets of these values for the state
 * regulators' orders are in {@link org.uei.p2p.market.settlement.profile.SettlementProfile}.
 *
 * @param platformFeePerKwh transaction fee per settled kWh, shared by the two sides
 * @param buyerFeeShare fraction of the fee the buyer pays (0.5 = equal split); the seller pays the
 *     rest
 * @param wheelingPerKwh wheeling charge per kWh keyed by {@link #pairKey(String, String)
 *     seller→buyer DISCOM}; absent = 0
 * @param interStatePerKwh inter-state charge per kWh keyed by {@link #pairKey(String, String)
 *     seller→buyer state}; absent = 0
 * @param discomStates state of each DISCOM, to tell inter-state trades
 * @param networkChargesBorneBy side that pays wheeling and inter-state charges, to its own DISCOM
 * @param tariffPerKwh DISCOM tariff unsettled kWh fall back to, per DISCOM
 * @param defaultTariffPerKwh tariff for a DISCOM not in {@code tariffPerKwh}
 * @param paymentDueAfter how long after final allocation the net inter-platform amount is due
 * @param underInjectionPerKwh deviation rate a seller pays its DISCOM per kWh not injected, per
 *     DISCOM ({@link #ANY_DISCOM} for every other); absent = tariff
 * @param underDrawalPerKwh deviation rate a buyer pays its DISCOM per kWh not drawn, likewise
 * @param curtailment how curtailed kWh are settled
 */
public record SettlementPolicy(
    BigDecimal platformFeePerKwh,
    BigDecimal buyerFeeShare,
    Map<String, BigDecimal> wheelingPerKwh,
    Map<String, BigDecimal> interStatePerKwh,
    Map<String, String> discomStates,
    TradeSide networkChargesBorneBy,
    Map<String, BigDecimal> tariffPerKwh,
    BigDecimal defaultTariffPerKwh,
    Duration paymentDueAfter,
    Map<String, BigDecimal> underInjectionPerKwh,
    Map<String, BigDecimal> underDrawalPerKwh,
    CurtailmentTreatment curtailment) {

  /** Key of the deviation rate maps that applies to every DISCOM not named. */
  public static final String ANY_DISCOM = "*";

  /** Validates and copies the maps. */
  public SettlementPolicy {
    Objects.requireNonNull(platformFeePerKwh, "platform fee");
    Objects.requireNonNull(buyerFeeShare, "buyer fee share");
    if (platformFeePerKwh.signum() < 0
        || buyerFeeShare.signum() < 0
        || buyerFeeShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "platform fee must not be negative and the buyer share must be in [0, 1]");
    }
    wheelingPerKwh = Map.copyOf(wheelingPerKwh);
    interStatePerKwh = Map.copyOf(interStatePerKwh);
    discomStates = Map.copyOf(discomStates);
    Objects.requireNonNull(networkChargesBorneBy, "network charges borne by");
    tariffPerKwh = Map.copyOf(tariffPerKwh);
    Objects.requireNonNull(defaultTariffPerKwh, "default tariff");
    Objects.requireNonNull(paymentDueAfter, "payment due after");
    underInjectionPerKwh = Map.copyOf(underInjectionPerKwh);
    underDrawalPerKwh = Map.copyOf(underDrawalPerKwh);
    Objects.requireNonNull(curtailment, "curtailment treatment");
  }

  /**
   * A policy whose deviation is at the DISCOM tariff and whose curtailments reduce the contract.
   */
  public SettlementPolicy(
      BigDecimal platformFeePerKwh,
      BigDecimal buyerFeeShare,
      Map<String, BigDecimal> wheelingPerKwh,
      Map<String, BigDecimal> interStatePerKwh,
      Map<String, String> discomStates,
      TradeSide networkChargesBorneBy,
      Map<String, BigDecimal> tariffPerKwh,
      BigDecimal defaultTariffPerKwh,
      Duration paymentDueAfter) {
    this(
        platformFeePerKwh,
        buyerFeeShare,
        wheelingPerKwh,
        interStatePerKwh,
        discomStates,
        networkChargesBorneBy,
        tariffPerKwh,
        defaultTariffPerKwh,
        paymentDueAfter,
        Map.of(),
        Map.of(),
        CurtailmentTreatment.REDUCE_CONTRACT);
  }

  /**
   * The Feb-2026 pilot defaults: ₹0.42/kWh fee split equally, no wheeling or inter-state charges
   * (unresolved at CERC), buyer bears network charges, unsettled energy at a zero tariff until a
   * DISCOM's tariff is configured, payment due 72 h after final allocation.
   */
  public static SettlementPolicy pilot() {
    return new SettlementPolicy(
        new BigDecimal("0.42"),
        new BigDecimal("0.5"),
        Map.of(),
        Map.of(),
        Map.of("TPDDL", "DL", "BRPL", "DL", "BYPL", "DL", "PVVNL", "UP", "PaVVNL", "UP"),
        TradeSide.BUYER,
        Map.of(),
        BigDecimal.ZERO,
        Duration.ofHours(72));
  }

  /** Key of a directed pair in the charge maps: {@code from + "->" + to}. */
  public static String pairKey(String from, String to) {
    return from + "->" + to;
  }

  /**
   * Fee rate per kWh paid by {@code side}, with no more decimals than it needs and at least as many
   * as the configured fee ({@code 0.42 × 0.5 = 0.21}, not {@code 0.210}).
   */
  public BigDecimal feeRate(TradeSide side) {
    BigDecimal buyer = platformFeePerKwh.multiply(buyerFeeShare);
    BigDecimal rate = side == TradeSide.BUYER ? buyer : platformFeePerKwh.subtract(buyer);
    BigDecimal stripped = rate.stripTrailingZeros();
    int scale = Math.max(stripped.scale(), Math.max(platformFeePerKwh.scale(), 0));
    return rate.setScale(scale, java.math.RoundingMode.UNNECESSARY);
  }

  /** Tariff unsettled kWh of {@code discomId}'s consumers fall back to. */
  public BigDecimal tariff(String discomId) {
    return tariffPerKwh.getOrDefault(discomId, defaultTariffPerKwh);
  }

  /**
   * Rate {@code side} pays its DISCOM {@code discomId} per kWh of a shortfall it caused: the
   * DISCOM's under-injection (seller) or under-drawal (buyer) rate, else its tariff.
   */
  public BigDecimal deviationRate(TradeSide side, String discomId) {
    Map<String, BigDecimal> rates =
        side == TradeSide.SELLER ? underInjectionPerKwh : underDrawalPerKwh;
    BigDecimal rate = rates.get(discomId);
    if (rate == null) {
      rate = rates.get(ANY_DISCOM);
    }
    return rate != null ? rate : tariff(discomId);
  }

  /** The same policy with DISCOM tariffs for deviation. */
  public SettlementPolicy withTariffs(Map<String, BigDecimal> tariffs) {
    return new SettlementPolicy(
        platformFeePerKwh,
        buyerFeeShare,
        wheelingPerKwh,
        interStatePerKwh,
        discomStates,
        networkChargesBorneBy,
        tariffs,
        defaultTariffPerKwh,
        paymentDueAfter,
        underInjectionPerKwh,
        underDrawalPerKwh,
        curtailment);
  }

  /** The same policy with wheeling and inter-state charges. */
  public SettlementPolicy withNetworkCharges(
      Map<String, BigDecimal> wheeling, Map<String, BigDecimal> interState) {
    return new SettlementPolicy(
        platformFeePerKwh,
        buyerFeeShare,
        wheeling,
        interState,
        discomStates,
        networkChargesBorneBy,
        tariffPerKwh,
        defaultTariffPerKwh,
        paymentDueAfter,
        underInjectionPerKwh,
        underDrawalPerKwh,
        curtailment);
  }

  /** The same policy settling curtailments by {@code treatment}. */
  public SettlementPolicy withCurtailment(CurtailmentTreatment treatment) {
    return new SettlementPolicy(
        platformFeePerKwh,
        buyerFeeShare,
        wheelingPerKwh,
        interStatePerKwh,
        discomStates,
        networkChargesBorneBy,
        tariffPerKwh,
        defaultTariffPerKwh,
        paymentDueAfter,
        underInjectionPerKwh,
        underDrawalPerKwh,
        treatment);
  }
}
