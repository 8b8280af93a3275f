package org.uei.p2p.market.policy.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration of the network and contract policies: the environments (one per kind of
 * network), the settlement currencies, the policy entry point contracts must name, the charges
 * behind the revenue flows and the trading window. Read one with {@link PolicyConfigLoader}.
 *
 * @param environments disjoint by network id
 * @param currencies permitted settlement currencies (INR)
 * @param policyQueryPath the one policy entry point a contract may name (network policy pin)
 * @param charges the seller DISCOM's charges
 * @param tradingOpensBefore trading for a slot opens this long before it starts (T−24 h)
 * @param gateClosureBefore and closes this long before (T−4 h)
 */
public record PolicyConfig(
    List<NetworkEnvironment> environments,
    Set<String> currencies,
    String policyQueryPath,
    Charges charges,
    Duration tradingOpensBefore,
    Duration gateClosureBefore) {

  /** Copies the collections and checks that no network id selects two environments. */
  public PolicyConfig {
    environments = List.copyOf(environments);
    currencies = Set.copyOf(currencies);
    Objects.requireNonNull(charges, "charges");
    Objects.requireNonNull(tradingOpensBefore, "tradingOpensBefore");
    Objects.requireNonNull(gateClosureBefore, "gateClosureBefore");
    Set<String> seen = new HashSet<>();
    for (NetworkEnvironment e : environments) {
      for (String id : e.networkIds()) {
        if (!seen.add(id)) {
          throw new IllegalArgumentException("network " + id + " is in two environments");
        }
      }
    }
  }

  /** The environment {@code networkId} selects, if any. */
  public Optional<NetworkEnvironment> environmentOf(String networkId) {
    return environments.stream().filter(e -> e.networkIds().contains(networkId)).findFirst();
  }

  /** Every network id the configuration knows, sorted (for messages). */
  public Set<String> knownNetworkIds() {
    Set<String> all = new TreeSet<>();
    environments.forEach(e -> all.addAll(e.networkIds()));
    return all;
  }
}
