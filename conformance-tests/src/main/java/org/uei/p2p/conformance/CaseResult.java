package org.uei.p2p.conformance;

import java.util.List;
import java.util.Objects;

/**
 * The result of one case.
 *
 * @param conformanceCase the case
 * @param outcome passed, failed or not run
 * @param reason one line: what was seen
 * @param evidence the exchanges that show it
 */
public record CaseResult(
    ConformanceCase conformanceCase, Outcome outcome, String reason, List<Exchange> evidence) {

  /** Copies the evidence. */
  public CaseResult {
    Objects.requireNonNull(conformanceCase, "conformanceCase");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    evidence = List.copyOf(evidence);
  }

  /** A passed case. */
  public static CaseResult passed(ConformanceCase c, String reason, List<Exchange> evidence) {
    return new CaseResult(c, Outcome.PASSED, reason, evidence);
  }

  /** A failed case. */
  public static CaseResult failed(ConformanceCase c, String reason, List<Exchange> evidence) {
    return new CaseResult(c, Outcome.FAILED, reason, evidence);
  }

  /** A case that could not run. */
  public static CaseResult notRun(ConformanceCase c, String reason) {
    return new CaseResult(c, Outcome.NOT_RUN, reason, List.of());
  }

  /**
   * True unless this is a mandatory case that did not pass (a conditional one that did not run is
   * acceptable).
   */
  public boolean acceptable() {
    return outcome == Outcome.PASSED
        || !conformanceCase.mandatory()
        || (outcome == Outcome.NOT_RUN && conformanceCase.conditional());
  }
}
