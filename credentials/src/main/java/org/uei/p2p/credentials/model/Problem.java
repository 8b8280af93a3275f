package org.uei.p2p.credentials.model;

import java.util.Objects;

/**
 * One reason a credential was refused.
 *
 * @param reason the category
 * @param path the JSON path of the offending member (e.g. {@code $.credentialSubject.id}), or null
 *     when not about one member
 * @param message what is wrong, in one line
 */
public record Problem(Reason reason, String path, String message) {

  public Problem {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** A problem not tied to one JSON member. */
  public static Problem of(Reason reason, String message) {
    return new Problem(reason, null, message);
  }

  /** A structure problem at {@code path}. */
  public static Problem malformed(String path, String message) {
    return new Problem(Reason.MALFORMED, path, message);
  }

  /** {@code REASON at PATH: message}, the form the CLI prints. */
  @Override
  public String toString() {
    return reason + (path != null ? " at " + path : "") + ": " + message;
  }
}
