package org.uei.p2p.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.uei.p2p.credentials.did.DidResolver;
import org.uei.p2p.credentials.jsonld.BundledContexts;
import org.uei.p2p.credentials.jsonld.Canonicalizer.CanonicalizationException;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.CredentialFormatException;
import org.uei.p2p.credentials.model.Problem;
import org.uei.p2p.credentials.proof.DataIntegrity;
import org.uei.p2p.credentials.proof.ProofSuite;
import org.uei.p2p.credentials.proof.VcJwt;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Secures credentials with the issuer's Ed25519 key: a Data Integrity proof ({@link ProofSuite}) or
 * a VC-JWT. Refuses a credential whose structure is invalid or whose issuer is not the DID of the
 * verification method, so that it never signs something no verifier would accept. Immutable.
 */
public final class CredentialIssuer {

  private final Ed25519KeyPair key;
  private final String verificationMethod;
  private final Clock clock;
  private final DataIntegrity dataIntegrity;

  private CredentialIssuer(
      Ed25519KeyPair key, String verificationMethod, Clock clock, BundledContexts contexts) {
    this.key = Objects.requireNonNull(key, "key");
    this.verificationMethod = Objects.requireNonNull(verificationMethod, "verificationMethod");
    this.clock = clock;
    this.dataIntegrity = new DataIntegrity(contexts);
  }

  /**
   * An issuer signing with {@code key}, named in proofs as {@code verificationMethod} (a DID URL).
   */
  public static CredentialIssuer of(Ed25519KeyPair key, String verificationMethod) {
    return new CredentialIssuer(
        key, verificationMethod, Clock.systemUTC(), BundledContexts.defaults());
  }

  /** A copy stamping proofs with {@code clock}'s time. */
  public CredentialIssuer withClock(Clock clock) {
    return new CredentialIssuer(key, verificationMethod, clock, BundledContexts.defaults());
  }

  /** The issuer's DID: the verification method without its fragment. */
  public String issuerDid() {
    return DidResolver.didOf(verificationMethod);
  }

  /**
   * Adds a Data Integrity proof of {@code suite} to {@code unsecured}.
   *
   * @throws CredentialFormatException listing the problems when the credential is not valid or
   *     cannot be canonicalised
   */
  public Credential issue(ObjectNode unsecured, ProofSuite suite) {
    check(unsecured);
    try {
      return Credential.of(
          dataIntegrity.sign(unsecured, suite, key, verificationMethod, clock.instant()));
    } catch (CanonicalizationException e) {
      throw new CredentialFormatException(
          "the credential cannot be canonicalised: " + e.getMessage(), e);
    }
  }

  /**
   * Secures {@code unsecured} as a VC-JWT.
   *
   * @throws CredentialFormatException listing the problems when the credential is not valid
   */
  public String issueJwt(ObjectNode unsecured) {
    check(unsecured);
    return VcJwt.sign(unsecured, key, verificationMethod);
  }

  private void check(ObjectNode unsecured) {
    if (unsecured.has("proof")) {
      throw new CredentialFormatException("the credential already has a proof");
    }
    List<Problem> problems = CredentialValidator.validate(unsecured);
    if (!problems.isEmpty()) {
      throw new CredentialFormatException(
          problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    }
    String issuer = Credential.of(unsecured).issuerId();
    if (!issuerDid().equals(issuer)) {
      throw new CredentialFormatException(
          "the credential's issuer is '"
              + issuer
              + "', but the key is "
              + verificationMethod
              + " of "
              + issuerDid());
    }
  }
}
