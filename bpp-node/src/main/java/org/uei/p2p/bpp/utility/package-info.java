/**
 * Utility mode ({@code uei.bpp.mode=utility}): bpp-node as a DISCOM's utility node. Platforms
 * cascade init, confirm, cancel and status to it; it checks each trade against its consumers' caps
 * and the trades recorded here, records confirmed trades, reports delivery from its meter data and
 * announces curtailments. On IES wave 2 the same checks and records serve contracts, with the limit
 * checks as DiscomLimitCheck performance entries.
 */
package org.uei.p2p.bpp.utility;
