/**
 * The buyer platform on IES wave 2: the signed wave-2 requests behind the unchanged client API
 * (discover, and a contract for select to cancel), the checks on the seller's wave-2 callbacks, and
 * what the buyer app reads of them. Contracts name the network's policy and both DISCOMs' ledger
 * providers from this platform's configuration, never from what the seller sent.
 */
package org.uei.p2p.bap.wave2;
