package org.uei.p2p.audit.verify;

import org.uei.p2p.audit.verify.VerificationReport.Problem;

/**
 * One entry of an export cannot be taken as it stands (its index is not the next one, its bytes are
 * not base64). Reading stops there; {@link LogVerifier} turns it into a verification failure at
 * that entry, because an export edited by hand is evidence of tampering, not a file it cannot read.
 */
final class ExportEntryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final long position;

  ExportEntryException(Problem problem, long position, String message) {
    super(message);
    this.problem = problem;
    this.position = position;
  }

  /** What is wrong, in the verifier's terms. */
  Problem problem() {
    return problem;
  }

  /** The index the entry should have had: its position in the export. */
  long position() {
    return position;
  }
}
