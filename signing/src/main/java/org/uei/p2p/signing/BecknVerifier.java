package org.uei.p2p.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.uei.p2p.signing.VerificationResult.Status;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import org.uei.p2p.signing.keys.KeyFormatException;

/**
 * Checks incoming Beckn signatures: request {@code Authorization}, gateway {@code
 * X-Gateway-Authorization} and the {@code Signature} header of Beckn 2.0 responses.
 *
 * <p>Checks run cheapest first, so that a hostile sender costs no registry look-up: header form,
 * algorithm and headers list, signer against the expected sender, time window, {@code Digest}
 * header if one was sent, key look-up, signature. When the signature fails with the resolved key,
 * the key is {@link KeyResolver#refresh refreshed} once (a stale cached key is the usual cause) and
 * the signature checked again if the key changed.
 *
 * <p>Never throws on input from the network: every problem comes back as a {@link
 * VerificationResult}. Thread-safe; share one instance.
 */
public final class BecknVerifier {

  /** How far in the future {@code created} may be, unless configured otherwise. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(10);

  /** Bound on decoded keys kept; past it the cache starts over (keys are few in practice). */
  private static final int KEY_CACHE_LIMIT = 4096;

  private final KeyResolver resolver;
  private final Clock clock;
  private final long skewSeconds;
  private final ConcurrentHashMap<ResolvedKey, Ed25519PublicKey> decodedKeys =
      new ConcurrentHashMap<>();

  private BecknVerifier(Builder b) {
    this.resolver = b.resolver;
    this.clock = b.clock;
    this.skewSeconds = b.skew.toSeconds();
  }

  /** A verifier with the system UTC clock and {@link #DEFAULT_CLOCK_SKEW}. */
  public static BecknVerifier of(KeyResolver resolver) {
    return builder(resolver).build();
  }

  /** Starts a verifier that finds keys with {@code resolver}. */
  public static Builder builder(KeyResolver resolver) {
    return new Builder(resolver);
  }

  /**
   * Checks a request or callback {@code Authorization} header over the exact body bytes received.
   *
   * @param expectedSender the subscriber the message claims to come from ({@code bap_id} at a BPP,
   *     {@code bpp_id} at a BAP); null skips that check
   */
  public VerificationResult verify(String authorization, byte[] body, String expectedSender) {
    return verify(authorization, body, expectedSender, null);
  }

  /**
   * Like {@link #verify(String, byte[], String)}, also comparing the body with the sender's {@code
   * Digest} header ({@code BLAKE-512=...}) when one was sent, which tells a body altered in transit
   * ({@link Status#DIGEST_MISMATCH}) from a wrong signature.
   */
  public VerificationResult verify(
      String authorization, byte[] body, String expectedSender, String digestHeader) {
    return check(
        authorization, body, expectedSender, digestHeader, null, SigningString.REQUEST_HEADERS);
  }

  /**
   * Checks an {@code X-Gateway-Authorization} header. Which gateways a node trusts is the
   * resolver's business (e.g. a registry look-up restricted to type BG).
   *
   * @param expectedGateway the gateway's subscriber id if known, else null
   */
  public VerificationResult verifyGateway(
      String gatewayAuthorization, byte[] body, String expectedGateway) {
    return check(
        gatewayAuthorization, body, expectedGateway, null, null, SigningString.REQUEST_HEADERS);
  }

  /**
   * Checks the {@code Signature} header of a Beckn 2.0 response (or the {@code Authorization} of a
   * solicited callback): the four-line signing string chained to our own request signature.
   *
   * @param requestSignature the base64 {@code signature} we sent on the request being answered
   * @param expectedSigner the subscriber we sent the request to; null skips that check
   */
  public VerificationResult verifyResponse(
      String signature, byte[] responseBody, String requestSignature, String expectedSigner) {
    if (requestSignature == null || requestSignature.isEmpty()) {
      return VerificationResult.failure(
          Status.MALFORMED, "no request signature to chain the response to", null, null);
    }
    return check(
        signature,
        responseBody,
        expectedSigner,
        null,
        requestSignature,
        SigningString.CHAINED_HEADERS);
  }

  private VerificationResult check(
      String value,
      byte[] body,
      String expectedSigner,
      String digestHeader,
      String requestSignature,
      String expectedHeaders) {
    if (value == null || value.isBlank()) {
      return VerificationResult.failure(Status.MISSING, "no signature header was sent", null, null);
    }
    if (body == null) {
      return VerificationResult.failure(
          Status.MALFORMED, "no body to check the signature against", null, null);
    }
    SignatureHeader header;
    try {
      header = SignatureHeader.parse(value);
    } catch (SignatureHeaderException e) {
      return VerificationResult.failure(Status.MALFORMED, e.getMessage(), null, null);
    }
    if (!expectedHeaders.equals(header.headers())) {
      return VerificationResult.failure(
          Status.MALFORMED,
          "headers=\""
              + header.headers()
              + "\" but this signature must cover \""
              + expectedHeaders
              + "\"",
          header,
          null);
    }
    if (expectedSigner != null && !expectedSigner.equals(header.subscriberId())) {
      return VerificationResult.failure(
          Status.SIGNER_MISMATCH,
          "signed by '"
              + header.subscriberId()
              + "' but the message comes from '"
              + expectedSigner
              + "'",
          header,
          null);
    }
    long now = clock.instant().getEpochSecond();
    if (header.created() > now + skewSeconds) {
      return VerificationResult.failure(
          Status.NOT_YET_VALID,
          "created "
              + header.created()
              + " is "
              + (header.created() - now)
              + " s in the future (allowed skew "
              + skewSeconds
              + " s, now "
              + now
              + ")",
          header,
          null);
    }
    if (now > header.expires()) {
      return VerificationResult.failure(
          Status.EXPIRED,
          "expired at "
              + header.expires()
              + ", "
              + (now - header.expires())
              + " s ago (now "
              + now
              + ")",
          header,
          null);
    }
    String digest = BodyDigest.base64(body);
    if (digestHeader != null && !digestHeader.isBlank()) {
      String sent = sentDigest(digestHeader);
      if (sent != null && !sent.equals(digest)) {
        return VerificationResult.failure(
            Status.DIGEST_MISMATCH,
            "Digest header says "
                + BodyDigest.PREFIX
                + sent
                + " but the body received hashes to "
                + BodyDigest.PREFIX
                + digest,
            header,
            null);
      }
    }
    byte[] signingString =
        SigningString.of(header.created(), header.expires(), digest, requestSignature);
    return checkSignature(header, signingString, digest);
  }

  private VerificationResult checkSignature(
      SignatureHeader header, byte[] signingString, String digest) {
    ResolvedKey key;
    try {
      key = resolver.resolve(header.subscriberId(), header.uniqueKeyId());
    } catch (KeyResolutionException e) {
      return keyFailure(e, header);
    } catch (RuntimeException e) {
      return VerificationResult.failure(
          Status.REGISTRY_UNAVAILABLE, "key look-up failed: " + e, header, null);
    }
    if (key == null) {
      return VerificationResult.failure(
          Status.UNKNOWN_KEY, "no key for " + header.keyId(), header, null);
    }
    VerificationResult first = verifyWith(key, header, signingString);
    if (first != null) {
      return first;
    }
    String refreshNote;
    try {
      ResolvedKey fresh = resolver.refresh(header.subscriberId(), header.uniqueKeyId());
      if (fresh != null && !fresh.equals(key)) {
        VerificationResult second = verifyWith(fresh, header, signingString);
        if (second != null) {
          return second;
        }
        key = fresh;
        refreshNote = "; also failed with the refreshed key";
      } else {
        refreshNote = "; a refreshed look-up gave the same key";
      }
    } catch (KeyResolutionException e) {
      if (e.kind() == KeyResolutionException.Kind.UNKNOWN_KEY) {
        return keyFailure(e, header);
      }
      refreshNote = "; could not refresh the key: " + e.getMessage();
    } catch (RuntimeException e) {
      refreshNote = "; could not refresh the key: " + e;
    }
    return VerificationResult.failure(
        Status.BAD_SIGNATURE,
        "signature does not verify over this body ("
            + BodyDigest.PREFIX
            + digest
            + ") with the key of "
            + header.keyId()
            + ": the body was changed after signing, or it was signed with another key"
            + refreshNote,
        header,
        key);
  }

  /** Returns VALID or UNKNOWN_KEY for an unusable key; null when the signature does not verify. */
  private VerificationResult verifyWith(
      ResolvedKey key, SignatureHeader header, byte[] signingString) {
    Ed25519PublicKey publicKey = decodedKeys.get(key);
    if (publicKey == null) {
      try {
        publicKey = Ed25519PublicKey.of(key.publicKey());
      } catch (KeyFormatException e) {
        return VerificationResult.failure(
            Status.UNKNOWN_KEY,
            "the registered key of " + header.keyId() + " is unusable: " + e.getMessage(),
            header,
            key);
      }
      if (decodedKeys.size() >= KEY_CACHE_LIMIT) {
        decodedKeys.clear();
      }
      decodedKeys.put(key, publicKey);
    }
    if (publicKey.verify(signingString, 0, signingString.length, header.signatureBytesUnsafe())) {
      return new VerificationResult(Status.VALID, "signed by " + header.keyId(), header, key);
    }
    return null;
  }

  private static VerificationResult keyFailure(KeyResolutionException e, SignatureHeader header) {
    Status status =
        e.kind() == KeyResolutionException.Kind.REGISTRY_UNAVAILABLE
            ? Status.REGISTRY_UNAVAILABLE
            : Status.UNKNOWN_KEY;
    return VerificationResult.failure(status, header.keyId() + ": " + e.getMessage(), header, null);
  }

  /**
   * The base64 part of a {@code Digest: BLAKE-512=...} value, or null when it names another
   * algorithm.
   */
  private static String sentDigest(String digestHeader) {
    for (String part : digestHeader.split(",")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq > 0) {
        String algorithm = p.substring(0, eq).strip();
        if (algorithm.equalsIgnoreCase("BLAKE-512") || algorithm.equalsIgnoreCase("BLAKE2b-512")) {
          return p.substring(eq + 1).strip();
        }
      }
    }
    return null;
  }

  /** Configures a {@link BecknVerifier}. */
  public static final class Builder {
    private final KeyResolver resolver;
    private Clock clock = Clock.systemUTC();
    private Duration skew = DEFAULT_CLOCK_SKEW;

    private Builder(KeyResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The clock that says what "now" is; {@code uei verify --now} and tests fix it. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How far in the future {@code created} may be; whole seconds, not negative. */
    public Builder allowedClockSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("clock skew must not be negative");
      }
      this.skew = skew;
      return this;
    }

    public BecknVerifier build() {
      return new BecknVerifier(this);
    }
  }
}
