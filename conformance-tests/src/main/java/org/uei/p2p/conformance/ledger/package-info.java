/**
 * The kit against a DISCOM's ledger provider (DEG Ledger Service API, IES wave 2): it plays the
 * seller and buyer platforms, the ledger's DISCOM and a stranger, each with its own registered key,
 * and checks the API's signature and access rules.
 */
package org.uei.p2p.conformance.ledger;
