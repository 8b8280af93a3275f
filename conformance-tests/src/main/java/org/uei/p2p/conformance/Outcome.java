package org.uei.p2p.conformance;

/** How a case ended. Only {@link #PASSED} counts as passed. */
public enum Outcome {
  /** The system under test did what the rule asks. */
  PASSED,
  /** It did not; the result says what it did instead. */
  FAILED,
  /** The case could not run, usually because an earlier step it needs failed. */
  NOT_RUN;

  /** The short mark of the console summary: {@code pass}, {@code FAIL}, {@code skip}. */
  public String mark() {
    return switch (this) {
      case PASSED -> "pass";
      case FAILED -> "FAIL";
      case NOT_RUN -> "skip";
    };
  }
}
