package org.uei.p2p.market.allocation;

/** How a meter's measured energy is shared among its trades in a slot when it falls short. */
public enum AllocationMethod {
  /**
   * Every trade gets the same fraction: {@code a_k = tr_k × min(1, metered / Σ tr)}. The IES
   * default.
   */
  PRO_RATA,
  /** Trades are filled in the order they were agreed, each in full before the next. */
  FIFO
}
