package org.uei.p2p.market.settlement.profile;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.uei.p2p.market.settlement.SettlementPolicy;

/**
 * A named, versioned set of settlement rules, as a regulator's order or a network's policy sets
 * them, with any single values a node overrides already applied.
 *
 * @param name profile name a node picks it by, e.g. {@code derc-pilot-2026-02}
 * @param version version of the order or policy the values come from
 * @param title one line saying what it is
 * @param source where the values come from (order, date)
 * @param currency ISO 4217 code of every rate
 * @param policy the money rules
 * @param platformChargeCapPerKwh largest platform fee the network allows, if it caps it
 * @param eligibility who may trade
 * @param facts the order's other rules, by key ({@code trading.modes}, {@code unmatched-demand},
 *     {@code unsold-surplus}, {@code cross-subsidy-surcharge}), for operators and reports
 */
public record SettlementProfile(
    String name,
    String version,
    String title,
    String source,
    String currency,
    SettlementPolicy policy,
    Optional<BigDecimal> platformChargeCapPerKwh,
    Eligibility eligibility,
    Map<String, String> facts) {

  /** Validates and copies. */
  public SettlementProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(platformChargeCapPerKwh, "cap");
    Objects.requireNonNull(eligibility, "eligibility");
    facts = Map.copyOf(facts);
  }

  /** {@code name version}, as logs and reports name the profile in force. */
  public String label() {
    return name + " " + version;
  }
}
