package org.uei.p2p.model.trade;

/**
 * A DISCOM as a party to a trade contract, with the ledger service that records its trades (IES
 * wave 2). Wave 1 names a DISCOM only by its short code in a meter point.
 *
 * @param discomId the DISCOM's UPADHI short code, as in {@link MeterPoint#discomId()}
 * @param discomSubscriberId the DISCOM node's Beckn subscriber id
 * @param discomUri base URL of the DISCOM's Beckn platform
 * @param ledgerId subscriber id of the DISCOM's ledger provider
 * @param ledgerUri base URL of the ledger provider
 */
public record LedgerProvider(
    String discomId,
    String discomSubscriberId,
    String discomUri,
    String ledgerId,
    String ledgerUri) {

  /** Requires every field. */
  public LedgerProvider {
    Checks.id(discomId, "DISCOM id");
    Checks.id(discomSubscriberId, "DISCOM subscriber id");
    Checks.id(discomUri, "DISCOM uri");
    Checks.id(ledgerId, "ledger id");
    Checks.id(ledgerUri, "ledger uri");
  }
}
