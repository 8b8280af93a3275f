/**
 * Wire-neutral trade model: the offers, trades, meter readings, allocations and settlement lines
 * that every wire generation (DEG wave 1, IES wave 2, UEI v1) maps to and from.
 *
 * <p>All types are immutable records that validate in their compact constructors, so an instance
 * that exists is structurally sound. Money and energy are {@link java.math.BigDecimal}, times are
 * {@link java.time.Instant}. Market policy (minimum quantities, trading windows, caps) is not
 * checked here: it differs per network and lives with the trading rules.
 */
package org.uei.p2p.model.trade;
