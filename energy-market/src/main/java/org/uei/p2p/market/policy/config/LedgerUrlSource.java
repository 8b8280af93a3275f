package org.uei.p2p.market.policy.config;

/** What a DISCOM participant's {@code ledgerUri} is checked against. */
public enum LedgerUrlSource {
  /**
   * The environment's list of permitted ledger endpoints (as the published contract policy does).
   */
  LIST,
  /** The DISCOM's own registry record: the URL must be the ledger that DISCOM registered. */
  REGISTRY,
  /** Both: a permitted endpoint and the one the DISCOM registered. */
  BOTH;

  /** True when the allowed list is consulted. */
  public boolean usesList() {
    return this != REGISTRY;
  }

  /** True when the registry is consulted. */
  public boolean usesRegistry() {
    return this != LIST;
  }
}
