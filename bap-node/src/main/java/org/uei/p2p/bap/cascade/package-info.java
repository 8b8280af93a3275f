/**
 * The buyer platform's part in the IES wave-2 allocation cascade (ledger to platform to platform to
 * ledger): the buyer DISCOM's allocations its ledger provider reports are checked, kept and relayed
 * to the seller platform; what the seller platform reports of its side (and the settlement) is
 * passed on to the buyer DISCOM's ledger. No figure goes back to where it came from.
 */
package org.uei.p2p.bap.cascade;
