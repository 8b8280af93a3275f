/**
 * Exact decimal arithmetic on {@code long}s for the month-sized passes (allocation, settlement),
 * giving what {@code BigDecimal} gives without building one per value.
 */
package org.uei.p2p.market.exact;
