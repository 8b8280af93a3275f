/**
 * Money: per-trade settlement lines under a network's policy, netting between platforms and
 * statements as JSON and CSV. All rounding to the paisa happens in {@link
 * org.uei.p2p.market.settlement.MoneyRounding}.
 */
package org.uei.p2p.market.settlement;
