package org.uei.p2p.bpp.cascade;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cascade's rules as pure functions over its state, so that every leg outcome can be tested
 * without a database or a network: when the buyer is answered and how, which utilities must be told
 * to cancel, and what a utility's answer does to its leg.
 *
 * @param outcome what to do now
 * @param error the refusal's text naming each DISCOM and why; {@code null} unless {@link
 *     Outcome#REFUSE}
 * @param legsToCancel message ids of legs whose utility recorded a confirm the buyer will not get
 */
public record CascadeDecision(Outcome outcome, String error, List<String> legsToCancel) {

  /** What the platform does with the buyer's request. */
  public enum Outcome {
    /** The buyer was answered before: nothing to do. */
    DONE,
    /** Some utility has not answered and the deadline has not passed. */
    WAIT,
    /** Every utility agreed: answer as the platform would without a cascade. */
    ANSWER,
    /** A utility refused, failed or did not answer in time: answer with a 50000 error. */
    REFUSE
  }

  /**
   * One leg as the decision sees it.
   *
   * @param messageId the cascaded request's message id
   * @param discomId the DISCOM the utility speaks for
   * @param utilityId the utility node's subscriber id
   * @param state the leg's state
   * @param detail why it was refused or failed, or {@code null}
   * @param recorded whether the utility recorded the trade (a confirm answered with an order id)
   */
  public record Leg(
      String messageId,
      String discomId,
      String utilityId,
      LegState state,
      String detail,
      boolean recorded) {}

  /**
   * What to do with a cascade now.
   *
   * @param state the cascade's state
   * @param confirm whether the buyer's request is a confirm (a refusal then cancels what utilities
   *     recorded)
   * @param legs every leg
   * @param now the time of the decision
   * @param deadline when the platform stops waiting
   * @param timeout the configured wait, for the text
   */
  public static CascadeDecision decide(
      CascadeState state,
      boolean confirm,
      List<Leg> legs,
      Instant now,
      Instant deadline,
      Duration timeout) {
    if (state != CascadeState.PENDING) {
      return new CascadeDecision(Outcome.DONE, null, List.of());
    }
    boolean waiting = legs.stream().anyMatch(l -> l.state() == LegState.SENT);
    if (waiting && now.isBefore(deadline)) {
      return new CascadeDecision(Outcome.WAIT, null, List.of());
    }
    List<String> problems = new ArrayList<>();
    for (Leg l : legs) {
      String who = "DISCOM " + l.discomId() + " (utility " + l.utilityId() + ")";
      switch (l.state()) {
        case SENT -> problems.add(who + " did not answer within " + timeout);
        case REFUSED -> problems.add(who + " refused: " + l.detail());
        case FAILED -> problems.add(who + " could not be reached: " + l.detail());
        default -> {}
      }
    }
    if (problems.isEmpty()) {
      return new CascadeDecision(Outcome.ANSWER, null, List.of());
    }
    List<String> cancel =
        confirm
            ? legs.stream()
                .filter(l -> l.state() == LegState.OK && l.recorded())
                .map(Leg::messageId)
                .toList()
            : List.of();
    return new CascadeDecision(Outcome.REFUSE, String.join("; ", problems), cancel);
  }

  /**
   * The state a leg takes when its utility answers, or {@code null} when the answer changes nothing
   * (a duplicate, or an answer after the leg was given up as failed).
   */
  public static LegState answered(LegState current, boolean withError) {
    if (current != LegState.SENT) {
      return null;
    }
    return withError ? LegState.REFUSED : LegState.OK;
  }

  /**
   * Whether a utility that answered after the buyer was refused holds a trade nobody wants: a
   * recorded confirm of a refused cascade, not cancelled yet.
   */
  public static boolean cancelLate(
      CascadeState state, boolean confirm, LegState leg, boolean recorded) {
    return state == CascadeState.REFUSED && confirm && leg == LegState.OK && recorded;
  }
}
