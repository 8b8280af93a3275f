package org.uei.p2p.market.policy;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.uei.p2p.market.policy.ContractFacts.Located;
import org.uei.p2p.market.policy.ContractFacts.Party;
import org.uei.p2p.market.policy.DiscomRegistry.DiscomRecord;
import org.uei.p2p.market.policy.config.NetworkEnvironment;

/**
 * A DISCOM's ledger provider must be one the network trusts: its {@code ledgerUri} is on the
 * environment's list, or is the ledger that DISCOM registered, or both, as configured. The
 * confirmed contract is forwarded there, so a wrong URL would record the trade somewhere the DISCOM
 * never reads.
 */
final class LedgerRule {

  private final DiscomRegistry registry;

  LedgerRule(DiscomRegistry registry) {
    this.registry = registry;
  }

  void check(NetworkEnvironment ne, String role, String discomId, Party discom, Violations v) {
    Located url = ContractFacts.ledgerUri(discom);
    if (url == null) {
      v.policy(
          ContractPolicy.LEDGER_MISSING,
          discom.path() + ".participantAttributes.ledgerUri",
          role
              + " participant \""
              + discomId
              + "\" names no ledgerUri, so the contract cannot be recorded");
      return;
    }
    if (ne.ledgerUrlSource().usesList()
        && ne.allowedLedgerUrls().stream().noneMatch(a -> same(a, url.value()))) {
      v.policy(
          ContractPolicy.LEDGER_URL,
          url.path(),
          role
              + " ledgerUri \""
              + url.value()
              + "\" is not a permitted ledger on the "
              + ne.name()
              + " network (allowed: "
              + ContractPolicy.sorted(ne.allowedLedgerUrls())
              + ")");
    }
    if (!ne.ledgerUrlSource().usesRegistry()) {
      return;
    }
    Optional<DiscomRecord> rec = registry.find(discomId);
    if (rec.isEmpty()) {
      v.policy(
          ContractPolicy.LEDGER_UNREGISTERED,
          url.path(),
          role
              + " DISCOM \""
              + discomId
              + "\" has no registry record, so its ledger \""
              + url.value()
              + "\" cannot be confirmed");
      return;
    }
    if (!same(rec.get().ledgerUri(), url.value())) {
      v.policy(
          ContractPolicy.LEDGER_URL,
          url.path(),
          role
              + " ledgerUri \""
              + url.value()
              + "\" is not the ledger DISCOM "
              + discomId
              + " registered (\""
              + rec.get().ledgerUri()
              + "\")");
    }
    Located ledgerId = discom.attr("ledgerId");
    if (rec.get().ledgerId() != null
        && ledgerId != null
        && !rec.get().ledgerId().equals(ledgerId.value())) {
      v.policy(
          ContractPolicy.LEDGER_URL,
          ledgerId.path(),
          role
              + " ledgerId \""
              + ledgerId.value()
              + "\" is not the ledger provider DISCOM "
              + discomId
              + " registered (\""
              + rec.get().ledgerId()
              + "\")");
    }
  }

  /**
   * Same endpoint: scheme and host compare without case and a trailing slash is ignored, since
   * registries and senders write the same URL both ways; path and port must match exactly.
   */
  static boolean same(String a, String b) {
    return normal(a).equals(normal(b));
  }

  private static String normal(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    try {
      URI uri = URI.create(u);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri.getScheme().toLowerCase(Locale.ROOT)
            + "://"
            + uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + (uri.getRawPath() == null ? "" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      }
    } catch (IllegalArgumentException e) {
      // Not a URI: compare as written.
    }
    return u;
  }
}
