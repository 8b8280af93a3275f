/**
 * A DISCOM ledger provider's ledger (DEG Ledger Service API v0.4.0): one record per confirmed
 * contract order item, keyed by transaction id + order item id. Platforms put the trade facts,
 * DISCOMs record actuals and statuses or allocate a meter's actual pro-rata over its trades, and
 * every party reads the records it is a party to. Storage is behind {@link
 * org.uei.p2p.market.ledger.LedgerStore}; the store, not this code, guards concurrent writes.
 */
package org.uei.p2p.market.ledger;
