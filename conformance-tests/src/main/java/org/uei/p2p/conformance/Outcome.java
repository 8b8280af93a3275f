package org.uei.p2p.conformance;

/** How a case ended. Only {@link #PASSED} counts as passed. */
public enum Outcome {
  /** The system under test did what the rule asks. */
  PASSED,
  /** It did not; the result says what it did instead. */
  FAILED,
  /** The case could not run, usually because an earlier step it needs failed. */
  NOT_RUN
}
