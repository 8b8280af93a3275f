/**
 * After delivery: sharing each meter's measured energy over its trades (pro-rata or FIFO, never
 * creating energy by rounding) and reconciling both sides of every trade to {@code min(buyer,
 * seller)}.
 */
package org.uei.p2p.market.allocation;
