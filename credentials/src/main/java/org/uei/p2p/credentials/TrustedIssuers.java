package org.uei.p2p.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.Problem;
import org.uei.p2p.credentials.model.Reason;

/**
 * Which issuers a verifier trusts, and as what. Each trusted issuer DID has a role (e.g. {@code
 * DISCOM}); a credential type may require roles (an ElectricityCredential must come from a DISCOM).
 * Immutable.
 */
public final class TrustedIssuers {

  /** The role of a distribution company, the issuer of electricity credentials. */
  public static final String DISCOM = "DISCOM";

  private static final TrustedIssuers ANY = new TrustedIssuers(null, Map.of());

  private final Map<String, String> roles;
  private final Map<String, Set<String>> requiredRoles;

  private TrustedIssuers(Map<String, String> roles, Map<String, Set<String>> requiredRoles) {
    this.roles = roles == null ? null : Map.copyOf(roles);
    this.requiredRoles = Map.copyOf(requiredRoles);
  }

  /** Any issuer whose key resolves; for tools that only check integrity. */
  public static TrustedIssuers any() {
    return ANY;
  }

  /**
   * Only the issuers in {@code roles} (DID → role); ElectricityCredentials must come from a {@link
   * #DISCOM}.
   */
  public static TrustedIssuers of(Map<String, String> roles) {
    return new TrustedIssuers(roles, Map.of("ElectricityCredential", Set.of(DISCOM)));
  }

  /** A copy that requires an issuer in one of {@code roles} for credentials of {@code type}. */
  public TrustedIssuers requireRole(String type, Set<String> allowed) {
    java.util.HashMap<String, Set<String>> copy = new java.util.HashMap<>(requiredRoles);
    copy.put(type, Set.copyOf(allowed));
    return new TrustedIssuers(roles, copy);
  }

  /** Empty when {@code credential}'s issuer is trusted for it; otherwise why not. */
  public Optional<Problem> check(Credential credential) {
    if (roles == null) {
      return Optional.empty();
    }
    String issuer = credential.issuerId();
    String role = roles.get(issuer);
    if (role == null) {
      return Optional.of(
          new Problem(
              Reason.UNKNOWN_ISSUER, "$.issuer", "'" + issuer + "' is not a trusted issuer"));
    }
    for (String type : credential.types()) {
      Set<String> allowed = requiredRoles.get(type);
      if (allowed != null && !allowed.contains(role)) {
        return Optional.of(
            new Problem(
                Reason.WRONG_ISSUER_TYPE,
                "$.issuer",
                "'"
                    + issuer
                    + "' is trusted as "
                    + role
                    + ", but a "
                    + type
                    + " must be issued by "
                    + String.join(" or ", allowed)));
      }
    }
    return Optional.empty();
  }
}
