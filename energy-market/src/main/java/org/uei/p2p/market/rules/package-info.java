/**
 * A network's trading rules ({@link org.uei.p2p.market.rules.TradingRules}, IES defaults) and the
 * checker that turns a proposed trade into the list of rules it breaks, each with a Beckn policy
 * error code, plus the remaining headroom a DISCOM reports for a meter and slot.
 */
package org.uei.p2p.market.rules;
