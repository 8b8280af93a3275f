/**
 * Named, versioned regulatory settlement profiles (DERC, UPERC, KERC, the IES network, the
 * inter-state pilot) bundled as readable properties files with their sources in comments, and the
 * layering a node uses to pick one and override single values, validated all at once.
 */
package org.uei.p2p.market.settlement.profile;
