/**
 * The buyer platform's IES wave-2 network: the policy its contracts name and each DISCOM's ledger
 * provider, from this platform's configuration (or the registry), never from what the seller sent.
 * The wave-2 requests and their summaries live with the client API, the checks on the seller's
 * callbacks with the Beckn handler.
 */
package org.uei.p2p.bap.wave2;
