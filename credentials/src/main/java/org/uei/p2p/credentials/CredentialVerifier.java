package org.uei.p2p.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.credentials.did.DidResolutionException;
import org.uei.p2p.credentials.did.DidResolver;
import org.uei.p2p.credentials.did.DidResolvers;
import org.uei.p2p.credentials.jsonld.BundledContexts;
import org.uei.p2p.credentials.jsonld.Canonicalizer.CanonicalizationException;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.CredentialFormatException;
import org.uei.p2p.credentials.model.Problem;
import org.uei.p2p.credentials.model.Reason;
import org.uei.p2p.credentials.model.VerificationResult;
import org.uei.p2p.credentials.proof.DataIntegrity;
import org.uei.p2p.credentials.proof.ProofSuite;
import org.uei.p2p.credentials.proof.VcJwt;
import org.uei.p2p.credentials.status.BitstringStatusChecker;
import org.uei.p2p.credentials.status.DediStatusChecker;
import org.uei.p2p.credentials.status.StatusChecker;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * Verifies a credential secured with a Data Integrity proof or as a VC-JWT, in this order, stopping
 * at the first failing step: structure, proof (suite, issuer binding, key, signature), issuer
 * trust, validity period, status. The result names each problem's {@link Reason}. Immutable and
 * thread-safe.
 */
public final class CredentialVerifier {

  private final DidResolver resolver;
  private final TrustedIssuers trusted;
  private final Clock clock;
  private final Duration skew;
  private final DataIntegrity dataIntegrity;
  private final Map<String, StatusChecker> statusCheckers;
  private final boolean checkStatus;

  private CredentialVerifier(Builder b) {
    this.resolver = b.resolver;
    this.trusted = b.trusted;
    this.clock = b.clock;
    this.skew = b.skew;
    this.dataIntegrity = new DataIntegrity(b.contexts);
    this.checkStatus = b.checkStatus;
    Map<String, StatusChecker> checkers = new HashMap<>();
    DediStatusChecker dedi =
        b.dediRegistry == null
            ? DediStatusChecker.followingCredential()
            : DediStatusChecker.atRegistry(b.dediRegistry);
    checkers.put("dediregistry", dedi);
    checkers.put("dedi", dedi);
    if (checkStatus) {
      // The status list is itself a credential of the same issuer: verify it with this verifier
      // minus status.
      CredentialVerifier listVerifier = b.copy().checkStatus(false).build();
      checkers.put(
          "BitstringStatusListEntry",
          new BitstringStatusChecker(
              b.listFetcher != null
                  ? b.listFetcher
                  : BitstringStatusChecker.httpFetcher(
                      HttpClient.newHttpClient(), Duration.ofSeconds(5)),
              listVerifier::verify));
    }
    checkers.putAll(b.statusCheckers);
    this.statusCheckers = Map.copyOf(checkers);
  }

  /**
   * A builder: did:key and did:jwk only, any issuer, status checked at the URLs credentials name.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Verifies credential text: JSON with an embedded proof, or a compact VC-JWT. */
  public VerificationResult verify(String text) {
    if (text == null || text.isBlank()) {
      return new VerificationResult(
          null, null, List.of(Problem.malformed("$", "no credential given")));
    }
    if (VcJwt.looksLikeJwt(text)) {
      VcJwt.Parsed jwt;
      try {
        jwt = VcJwt.parse(text);
      } catch (ParseException e) {
        return new VerificationResult(
            null, "jwt", List.of(Problem.malformed("$", "not a VC-JWT: " + e.getMessage())));
      }
      return verify(Credential.of(jwt.credential()), "jwt", jwt);
    }
    Credential c;
    try {
      c = Credential.parse(text);
    } catch (CredentialFormatException e) {
      return new VerificationResult(null, null, List.of(Problem.malformed("$", e.getMessage())));
    }
    return verify(c, "di", null);
  }

  /** Verifies a credential with an embedded Data Integrity proof. */
  public VerificationResult verify(Credential credential) {
    return verify(credential, "di", null);
  }

  private VerificationResult verify(Credential c, String format, VcJwt.Parsed jwt) {
    List<Problem> problems = new ArrayList<>(CredentialValidator.validate(c.json()));
    if (jwt == null) {
      if (c.proof().isEmpty()) {
        problems.add(Problem.malformed("$.proof", "is required: the credential is not secured"));
      }
      SignatureCoverage.check(c.json(), "$", problems);
    }
    if (!problems.isEmpty()) {
      return new VerificationResult(c, format, problems);
    }
    Optional<Problem> p = jwt == null ? checkDataIntegrity(c) : checkJwt(c, jwt);
    if (p.isEmpty()) {
      p = trusted.check(c);
    }
    if (p.isEmpty()) {
      p = checkValidity(c);
    }
    if (p.isEmpty() && checkStatus) {
      p = checkStatus(c);
    }
    return p.map(problem -> new VerificationResult(c, format, List.of(problem)))
        .orElseGet(() -> VerificationResult.valid(c, format));
  }

  private Optional<Problem> checkDataIntegrity(Credential c) {
    JsonNode proof = c.proof().orElseThrow();
    Optional<ProofSuite> suite = ProofSuite.of(proof);
    if (suite.isEmpty()) {
      return Optional.of(
          new Problem(
              Reason.UNSUPPORTED_SUITE,
              "$.proof.type",
              "proof type '"
                  + proof.path("type").asText()
                  + "'"
                  + (proof.has("cryptosuite")
                      ? " with cryptosuite '" + proof.get("cryptosuite").asText() + "'"
                      : "")
                  + " is not supported (Ed25519Signature2020, DataIntegrityProof eddsa-rdfc-2022)"));
    }
    if (!"assertionMethod".equals(proof.path("proofPurpose").asText())) {
      return Optional.of(
          new Problem(
              Reason.BAD_PROOF,
              "$.proof.proofPurpose",
              "must be assertionMethod to secure a credential"));
    }
    Optional<Instant> created = Credential.instant(proof.get("created"));
    if (created.isPresent() && created.get().isAfter(clock.instant().plus(skew))) {
      return Optional.of(
          new Problem(
              Reason.BAD_PROOF,
              "$.proof.created",
              "the proof was created in the future (" + created.get() + ")"));
    }
    String vm = proof.path("verificationMethod").asText();
    IssuerKey key = issuerKey(c, vm, "$.proof.verificationMethod");
    if (key.problem() != null) {
      return Optional.of(key.problem());
    }
    DataIntegrity.Check check;
    try {
      check = dataIntegrity.verify(c.json(), key.key());
    } catch (CanonicalizationException e) {
      return Optional.of(Problem.malformed("$['@context']", e.getMessage()));
    }
    return switch (check) {
      case VALID -> Optional.empty();
      case MALFORMED_SIGNATURE ->
          Optional.of(
              new Problem(
                  Reason.BAD_PROOF,
                  "$.proof.proofValue",
                  "not a base58btc multibase Ed25519 signature of 64 bytes"));
      case MISMATCH ->
          Optional.of(
              new Problem(
                  Reason.TAMPERED,
                  null,
                  "the "
                      + suite.get().proofType()
                      + " signature by "
                      + vm
                      + " does not match the credential: a claim, the status or the proof value was changed after signing"));
    };
  }

  private Optional<Problem> checkJwt(Credential c, VcJwt.Parsed jwt) {
    if (!jwt.supportedAlgorithm()) {
      return Optional.of(
          new Problem(
              Reason.UNSUPPORTED_SUITE,
              "header.alg",
              "JWS algorithm "
                  + jwt.algorithm()
                  + " (or a critical header) is not supported; only EdDSA (Ed25519)"));
    }
    String kid = jwt.keyId();
    if (kid == null || kid.isBlank()) {
      return Optional.of(
          new Problem(Reason.BAD_PROOF, "header.kid", "the VC-JWT names no key (kid)"));
    }
    String vm = kid.startsWith("#") ? c.issuerId() + kid : kid;
    Object iss =
        jwt.jws().getPayload().toJSONObject() == null
            ? null
            : jwt.jws().getPayload().toJSONObject().get("iss");
    if (iss != null && !iss.equals(c.issuerId())) {
      return Optional.of(
          new Problem(
              Reason.ISSUER_MISMATCH,
              "payload.iss",
              "iss '" + iss + "' is not the credential's issuer '" + c.issuerId() + "'"));
    }
    IssuerKey key = issuerKey(c, vm, "header.kid");
    if (key.problem() != null) {
      return Optional.of(key.problem());
    }
    if (!jwt.wellFormedSignature()) {
      return Optional.of(
          new Problem(Reason.BAD_PROOF, "signature", "not a 64-byte Ed25519 signature"));
    }
    return jwt.verify(key.key())
        ? Optional.empty()
        : Optional.of(
            new Problem(
                Reason.TAMPERED,
                null,
                "the VC-JWT signature by "
                    + vm
                    + " does not match: the payload or the signature was changed after signing"));
  }

  /** The key of {@code vm}, which must belong to the credential's issuer; or why there is none. */
  private IssuerKey issuerKey(Credential c, String vm, String path) {
    String did = DidResolver.didOf(vm);
    if (!did.equals(c.issuerId())) {
      return new IssuerKey(
          null,
          new Problem(
              Reason.ISSUER_MISMATCH,
              path,
              "signed with key " + vm + ", which does not belong to the issuer " + c.issuerId()));
    }
    try {
      return new IssuerKey(resolver.resolve(vm), null);
    } catch (DidResolutionException e) {
      return new IssuerKey(
          null,
          new Problem(
              Reason.UNKNOWN_ISSUER,
              path,
              "issuer key " + vm + " cannot be resolved (" + e.kind() + "): " + e.getMessage()));
    }
  }

  private record IssuerKey(Ed25519PublicKey key, Problem problem) {}

  private Optional<Problem> checkValidity(Credential c) {
    Instant now = clock.instant();
    Optional<Instant> from = c.validFrom();
    if (from.isPresent() && from.get().isAfter(now.plus(skew))) {
      return Optional.of(
          new Problem(
              Reason.NOT_YET_VALID,
              "$.validFrom",
              "the credential is valid only from " + from.get()));
    }
    Optional<Instant> until = c.validUntil();
    if (until.isPresent() && until.get().isBefore(now.minus(skew))) {
      return Optional.of(
          new Problem(Reason.EXPIRED, "$.validUntil", "the credential expired at " + until.get()));
    }
    return Optional.empty();
  }

  private Optional<Problem> checkStatus(Credential c) {
    List<JsonNode> entries = c.statusEntries();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String path =
          c.json().get("credentialStatus").isArray()
              ? "$.credentialStatus[" + i + "]"
              : "$.credentialStatus";
      StatusChecker checker = statusCheckers.get(entry.path("type").asText());
      if (checker == null) {
        return Optional.of(
            new Problem(
                Reason.STATUS_UNAVAILABLE,
                path + ".type",
                "status type '"
                    + entry.path("type").asText()
                    + "' is not supported (dediregistry, BitstringStatusListEntry)"));
      }
      Optional<Problem> p = checker.check(entry, path);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /** Configures a {@link CredentialVerifier}. */
  public static final class Builder {
    private DidResolver resolver = DidResolvers.local();
    private TrustedIssuers trusted = TrustedIssuers.any();
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ofMinutes(5);
    private BundledContexts contexts = BundledContexts.defaults();
    private final Map<String, StatusChecker> statusCheckers = new HashMap<>();
    private String dediRegistry;
    private java.util.function.Function<String, String> listFetcher;
    private boolean checkStatus = true;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.resolver = resolver;
      b.trusted = trusted;
      b.clock = clock;
      b.skew = skew;
      b.contexts = contexts;
      b.statusCheckers.putAll(statusCheckers);
      b.dediRegistry = dediRegistry;
      b.listFetcher = listFetcher;
      b.checkStatus = checkStatus;
      return b;
    }

    /** How verification methods become keys; default did:key and did:jwk only. */
    public Builder didResolver(DidResolver resolver) {
      this.resolver = resolver;
      return this;
    }

    /** Which issuers are trusted, and as what; default any issuer whose key resolves. */
    public Builder trustedIssuers(TrustedIssuers trusted) {
      this.trusted = trusted;
      return this;
    }

    /** The clock validity periods are checked against. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Tolerance for clocks that disagree; default 5 minutes. */
    public Builder clockSkew(Duration skew) {
      this.skew = skew;
      return this;
    }

    /** The JSON-LD contexts served for canonicalisation; default the bundled ones. */
    public Builder contexts(BundledContexts contexts) {
      this.contexts = contexts;
      return this;
    }

    /**
     * Looks {@code dediregistry} records up in the DeDi registry at {@code baseUrl} instead of the
     * credential's URL.
     */
    public Builder dediRegistry(String baseUrl) {
      this.dediRegistry = baseUrl;
      return this;
    }

    /** Fetches Bitstring status list credentials by URL; default HTTP(S) with a 5 s timeout. */
    public Builder statusListFetcher(java.util.function.Function<String, String> fetcher) {
      this.listFetcher = fetcher;
      return this;
    }

    /** Checks status entries of {@code type} with {@code checker}, replacing the built-in one. */
    public Builder statusChecker(String type, StatusChecker checker) {
      statusCheckers.put(type, checker);
      return this;
    }

    /** Whether to check revocation at all; default true. Off only for offline integrity checks. */
    public Builder checkStatus(boolean check) {
      this.checkStatus = check;
      return this;
    }

    /** The verifier. */
    public CredentialVerifier build() {
      return new CredentialVerifier(this);
    }
  }
}
