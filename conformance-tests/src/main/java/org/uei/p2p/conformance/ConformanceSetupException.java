package org.uei.p2p.conformance;

/**
 * The kit could not start a run (listener, registry, arguments): not a finding about the system
 * under test.
 */
public final class ConformanceSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A setup failure with a one-line explanation. */
  public ConformanceSetupException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A setup failure with a one-line explanation. */
  public ConformanceSetupException(String message) {
    super(message);
  }
}
