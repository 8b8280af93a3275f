package org.uei.p2p.bpp.wave2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.market.policy.DiscomRegistry;
import org.uei.p2p.model.trade.LedgerProvider;

/**
 * The DISCOMs this seller platform trades with on wave 2 and their ledger providers, from {@code
 * uei.bpp.wave2.discoms}: the contract policy's registry, the parties written into offers, and the
 * only places a confirmed contract is forwarded to.
 */
@ApplicationScoped
public class Discoms implements DiscomRegistry {

  @Inject Wave2Config config;

  @Override
  public Optional<DiscomRecord> find(String discomId) {
    return ledger(discomId).map(l -> new DiscomRecord(l.discomId(), l.ledgerId(), l.ledgerUri()));
  }

  /** The DISCOM's party and ledger, if configured. */
  public Optional<LedgerProvider> ledger(String discomId) {
    if (discomId == null) {
      return Optional.empty();
    }
    Wave2Config.Discom d = config.discoms().get(discomId);
    return d == null
        ? Optional.empty()
        : Optional.of(
            new LedgerProvider(discomId, d.subscriberId(), d.uri(), d.ledgerId(), d.ledgerUri()));
  }

  /** Every configured DISCOM's party and ledger. */
  public List<LedgerProvider> all() {
    return config.discoms().keySet().stream().sorted().map(id -> ledger(id).orElseThrow()).toList();
  }
}
