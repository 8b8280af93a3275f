package org.uei.p2p.conformance.bap;

/**
 * Makes the buyer platform under test run its usual flow against the kit's seller platform:
 * discover, select {@code offerId}, init, confirm, status. An adapter per app: {@link
 * BapNodeTrigger} drives our bap-node's client API; {@link #waitFor} lets the joiner run the flow
 * by hand or from their own app.
 */
@FunctionalInterface
public interface BapTrigger {

  /**
   * Runs the flow; returns when it is over (or when the joiner had the time to run it).
   *
   * @param bppId   the kit's seller platform id
   * @param offerId an offer of the kit's catalog
   */
  void runFlow(String bppId, String offerId) throws Exception;

  /** A trigger that only waits {@code time} for the joiner's own flow. */
  static BapTrigger waitFor(java.time.Duration time) {
    return (bppId, offerId) -> Thread.sleep(time.toMillis());
  }
}
