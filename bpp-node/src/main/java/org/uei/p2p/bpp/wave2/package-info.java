/**
 * The seller platform on IES wave 2: the contract flow (discover, select, init, confirm, status,
 * cancel) over the same catalog, order and inventory code as wave 1, the network and contract
 * policy as a stage before anything is stored, settlement terms in on_init and the forwarding of a
 * confirmed contract to both DISCOMs' ledger providers before it is answered ACTIVE. With DISCOM
 * utility nodes configured, init and confirm first wait for their headroom checks, kept in the
 * cascade package's tables.
 */
package org.uei.p2p.bpp.wave2;
