/** The trades a node knows, indexed the way caps and allocation look them up. */
package org.uei.p2p.market.book;
