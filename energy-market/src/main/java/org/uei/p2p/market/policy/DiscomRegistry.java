package org.uei.p2p.market.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the contract policy learns which ledger each DISCOM records on. The node implements it over
 * its registry (a DISCOM's subscriber record names its ledger provider); tests use {@link
 * #of(Map)}.
 */
@FunctionalInterface
public interface DiscomRegistry {

  /** The registry record of the DISCOM with this UPADHI short code, if registered. */
  Optional<DiscomRecord> find(String discomId);

  /** A registry over a fixed map from DISCOM id to record. */
  static DiscomRegistry of(Map<String, DiscomRecord> records) {
    Map<String, DiscomRecord> copy = Map.copyOf(records);
    return id -> Optional.ofNullable(id == null ? null : copy.get(id));
  }

  /** A registry that knows no DISCOM. */
  static DiscomRegistry none() {
    return id -> Optional.empty();
  }

  /**
   * What the registry says about a DISCOM's ledger provider.
   *
   * @param discomId UPADHI short code
   * @param ledgerId subscriber id of its ledger provider, or {@code null} when the registry does
   *     not say
   * @param ledgerUri base URL of its ledger provider
   */
  record DiscomRecord(String discomId, String ledgerId, String ledgerUri) {
    /** Requires the DISCOM id and the ledger URL. */
    public DiscomRecord {
      Objects.requireNonNull(discomId, "discomId");
      Objects.requireNonNull(ledgerUri, "ledgerUri");
    }
  }
}
