/**
 * Ledger provider mode ({@code uei.bpp.ledger.enabled}): the DEG Ledger Service API v0.4.0 over the
 * energy-market ledger, with Beckn-signed requests, records in the node's database and a {@link
 * org.uei.p2p.bpp.ledger.LedgerService} the node's own Beckn flow calls in-process. On wave 2 the
 * ledger asks its DISCOM for meter actuals ({@link org.uei.p2p.bpp.ledger.LedgerActuals}),
 * allocates them and reports to the platforms ({@link org.uei.p2p.bpp.ledger.LedgerReports}), and
 * hears the other DISCOM's figures from the platforms ({@link org.uei.p2p.bpp.ledger.LedgerInbox}).
 */
package org.uei.p2p.bpp.ledger;
