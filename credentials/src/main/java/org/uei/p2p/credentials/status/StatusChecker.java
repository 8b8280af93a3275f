package org.uei.p2p.credentials.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.uei.p2p.credentials.model.Problem;

/** Checks one {@code credentialStatus} entry against the issuer's status source. */
public interface StatusChecker {

  /**
   * Checks {@code entry} (found at JSON path {@code path}).
   *
   * @return empty when the status allows the credential to be used; otherwise the problem ({@code
   *     REVOKED}, {@code SUSPENDED}, or {@code STATUS_UNAVAILABLE} when it cannot be told)
   */
  Optional<Problem> check(JsonNode entry, String path);
}
