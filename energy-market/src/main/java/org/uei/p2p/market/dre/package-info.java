/**
 * Distributed Renewable Energy compliance: the settled rooftop-solar P2P kWh a DISCOM counts toward
 * its DRE obligation, month by month, with the trades behind each figure.
 */
package org.uei.p2p.market.dre;
