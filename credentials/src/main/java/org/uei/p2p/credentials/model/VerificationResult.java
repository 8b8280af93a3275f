package org.uei.p2p.credentials.model;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying one credential: valid, or the problems found (first the one that stopped
 * verification). Immutable.
 *
 * @param credential the credential as parsed, or null when the input was not a credential at all
 * @param format how the credential was secured: {@code di} (Data Integrity) or {@code jwt}; null
 *     when unknown
 * @param problems what is wrong; empty when valid
 */
public record VerificationResult(Credential credential, String format, List<Problem> problems) {

  public VerificationResult {
    problems = List.copyOf(problems);
  }

  /** A valid result. */
  public static VerificationResult valid(Credential credential, String format) {
    return new VerificationResult(credential, format, List.of());
  }

  /** True when no problem was found. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /** The reason of the first problem; empty when valid. */
  public Optional<Reason> reason() {
    return problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0).reason());
  }
}
