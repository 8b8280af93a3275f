/**
 * The energy market behind a P2P trade: trading rules checked before a trade is accepted, meter
 * data ingested after delivery, allocation of measured energy over trades, settlement of money
 * between parties and platforms, and the monthly reconciliation a DISCOM adds to its bills. Plain
 * Java; nodes carry its results over the wire.
 */
package org.uei.p2p.market;
