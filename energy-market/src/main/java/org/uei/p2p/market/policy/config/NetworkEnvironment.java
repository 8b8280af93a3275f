package org.uei.p2p.market.policy.config;

import java.util.Objects;
import java.util.Set;

/**
 * Everything that differs between the networks a policy covers (test vs production). Rules read
 * their settings from here and never fork per environment, so a prospective partner can be piloted
 * on the test network without any rule diverging.
 *
 * @param name environment name, e.g. {@code test} or {@code production}
 * @param production live network: real meters only, test partners blocked
 * @param networkIds {@code context.networkId} values that select this environment
 * @param approvedDiscoms DISCOM ids the network admits (checked on production networks only)
 * @param applicableSellerDiscoms seller DISCOMs the contract policy is written for
 * @param enforceAllowlist whether {@code allowedBuyerDiscoms} is enforced
 * @param allowedBuyerDiscoms DISCOMs whose consumers may buy from those sellers
 * @param allowedDiscomPairs buyer/seller corridors allowed; empty allows every pair of allowed
 *     DISCOMs
 * @param interDiscomOnly buyer and seller DISCOM must differ (an inter-DISCOM network)
 * @param blockedPartners DISCOM ids refused outright here (e.g. test placeholders in production)
 * @param ledgerUrlSource what a DISCOM's ledger URL is checked against
 * @param allowedLedgerUrls permitted ledger endpoints (for {@link LedgerUrlSource#LIST}/{@link
 *     LedgerUrlSource#BOTH})
 * @param testMeterPrefix prefix of every meter on a test network and of none on a production one
 */
public record NetworkEnvironment(
    String name,
    boolean production,
    Set<String> networkIds,
    Set<String> approvedDiscoms,
    Set<String> applicableSellerDiscoms,
    boolean enforceAllowlist,
    Set<String> allowedBuyerDiscoms,
    Set<DiscomPair> allowedDiscomPairs,
    boolean interDiscomOnly,
    Set<String> blockedPartners,
    LedgerUrlSource ledgerUrlSource,
    Set<String> allowedLedgerUrls,
    String testMeterPrefix) {

  /** Copies the sets; requires a name, at least one network id and a ledger URL source. */
  public NetworkEnvironment {
    Objects.requireNonNull(name, "name");
    networkIds = Set.copyOf(networkIds);
    approvedDiscoms = Set.copyOf(approvedDiscoms);
    applicableSellerDiscoms = Set.copyOf(applicableSellerDiscoms);
    allowedBuyerDiscoms = Set.copyOf(allowedBuyerDiscoms);
    allowedDiscomPairs = Set.copyOf(allowedDiscomPairs);
    blockedPartners = Set.copyOf(blockedPartners);
    allowedLedgerUrls = Set.copyOf(allowedLedgerUrls);
    Objects.requireNonNull(ledgerUrlSource, "ledgerUrlSource");
    Objects.requireNonNull(testMeterPrefix, "testMeterPrefix");
    if (networkIds.isEmpty()) {
      throw new IllegalArgumentException("environment " + name + " selects no network");
    }
  }
}
