/**
 * Ledger provider mode ({@code uei.bpp.ledger.enabled}): the DEG Ledger Service API v0.4.0 over the
 * energy-market ledger, with Beckn-signed requests, records in the node's database and a {@link
 * org.uei.p2p.bpp.ledger.LedgerService} the node's own Beckn flow calls in-process.
 */
package org.uei.p2p.bpp.ledger;
