package org.uei.p2p.conformance.bap;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

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
   * @param bppId the kit's seller platform id
   * @param offerId an offer of the kit's catalog
   */
  void runFlow(String bppId, String offerId) throws Exception;

  /**
   * Runs the flow, given a way to see it is over; a trigger that cannot tell by itself when the
   * buyer platform is done (a joiner driving it by hand) returns as soon as {@code flowDone} says
   * so.
   */
  default void runFlow(String bppId, String offerId, BooleanSupplier flowDone) throws Exception {
    runFlow(bppId, offerId);
  }

  /**
   * A trigger that waits at most {@code time} for the joiner's own flow, and less once its status
   * was answered.
   */
  static BapTrigger waitFor(Duration time) {
    return new BapTrigger() {
      @Override
      public void runFlow(String bppId, String offerId) throws Exception {
        Thread.sleep(time.toMillis());
      }

      @Override
      public void runFlow(String bppId, String offerId, BooleanSupplier flowDone) throws Exception {
        Instant deadline = Instant.now().plus(time);
        while (!flowDone.getAsBoolean() && Instant.now().isBefore(deadline)) {
          Thread.sleep(
              Math.max(
                  1,
                  Math.min(POLL.toMillis(), Duration.between(Instant.now(), deadline).toMillis())));
        }
      }
    };
  }

  /** How often {@link #waitFor} looks whether the flow is over. */
  Duration POLL = Duration.ofMillis(100);
}
