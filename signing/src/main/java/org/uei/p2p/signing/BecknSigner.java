package org.uei.p2p.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Signs outgoing Beckn messages for one subscriber key: the {@code Authorization} header of
 * requests and callbacks, a gateway's {@code X-Gateway-Authorization}, and the {@code Signature}
 * header of Beckn 2.0 responses. Signatures cover the exact body bytes given: sign the bytes you
 * send. Immutable and thread-safe.
 */
public final class BecknSigner {

  /** How long a signature stays valid unless configured otherwise. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);

  private final String subscriberId;
  private final String uniqueKeyId;
  private final Ed25519KeyPair key;
  private final Clock clock;
  private final long validitySeconds;

  private BecknSigner(Builder b) {
    this.subscriberId = b.subscriberId;
    this.uniqueKeyId = b.uniqueKeyId;
    this.key = b.key;
    this.clock = b.clock;
    this.validitySeconds = b.validity.toSeconds();
  }

  /** A signer with the system UTC clock and {@link #DEFAULT_VALIDITY}. */
  public static BecknSigner of(String subscriberId, String uniqueKeyId, Ed25519KeyPair key) {
    return builder(subscriberId, uniqueKeyId, key).build();
  }

  /** Starts a signer for {@code subscriberId|uniqueKeyId|ed25519}. */
  public static Builder builder(String subscriberId, String uniqueKeyId, Ed25519KeyPair key) {
    return new Builder(subscriberId, uniqueKeyId, key);
  }

  /**
   * True when a response to a message of this Beckn {@code version} carries a {@code Signature}
   * header: from 2.0.0 on, as beckn-onix does.
   */
  public static boolean signsResponses(String protocolVersion) {
    if (protocolVersion == null) {
      return false;
    }
    String v = protocolVersion.strip();
    int i = 0;
    int major = 0;
    while (i < v.length() && i < 6 && Character.isDigit(v.charAt(i))) {
      major = major * 10 + (v.charAt(i) - '0');
      i++;
    }
    return i > 0 && major >= 2;
  }

  /** The {@code Authorization} value for {@code body}, created now, expiring after the validity. */
  public String authorization(byte[] body) {
    long now = clock.instant().getEpochSecond();
    return sign(body, now, now + validitySeconds).format();
  }

  /** The {@code Authorization} value for {@code body} with explicit times (unix seconds). */
  public String authorization(byte[] body, long created, long expires) {
    return sign(body, created, expires).format();
  }

  /**
   * The {@code X-Gateway-Authorization} value a gateway adds to a message it forwards; the same
   * format as {@link #authorization(byte[])}, signed with the gateway's key.
   */
  public String gatewayAuthorization(byte[] body) {
    return authorization(body);
  }

  /** Signs {@code body} with the three-line signing string. */
  public SignatureHeader sign(byte[] body, long created, long expires) {
    return sign(body, created, expires, null);
  }

  /**
   * The {@code Signature} header value of a Beckn 2.0 response (or the {@code Authorization} of a
   * solicited callback): signs {@code responseBody} with the four-line signing string whose last
   * line is {@code request-signature: <requestSignature>}.
   *
   * @param requestSignature the base64 {@code signature} attribute of the request being answered
   */
  public String responseSignature(byte[] responseBody, String requestSignature) {
    long now = clock.instant().getEpochSecond();
    return signResponse(responseBody, requestSignature, now, now + validitySeconds).format();
  }

  /** Like {@link #responseSignature(byte[], String)} with explicit times (unix seconds). */
  public SignatureHeader signResponse(
      byte[] responseBody, String requestSignature, long created, long expires) {
    Objects.requireNonNull(requestSignature, "requestSignature");
    if (requestSignature.isBlank()) {
      throw new IllegalArgumentException(
          "requestSignature is empty: a response signature chains to the request's");
    }
    return sign(responseBody, created, expires, requestSignature);
  }

  private SignatureHeader sign(byte[] body, long created, long expires, String requestSignature) {
    Objects.requireNonNull(body, "body");
    if (created < 0 || expires < created) {
      throw new IllegalArgumentException(
          "need 0 <= created <= expires, got created=" + created + ", expires=" + expires);
    }
    byte[] signingString =
        SigningString.of(created, expires, BodyDigest.base64(body), requestSignature);
    byte[] signature = key.sign(signingString);
    String headers =
        requestSignature == null ? SigningString.REQUEST_HEADERS : SigningString.CHAINED_HEADERS;
    return new SignatureHeader(subscriberId, uniqueKeyId, created, expires, headers, signature);
  }

  /** The subscriber this signer signs for. */
  public String subscriberId() {
    return subscriberId;
  }

  /** The unique key id this signer signs with. */
  public String uniqueKeyId() {
    return uniqueKeyId;
  }

  /** Configures a {@link BecknSigner}. */
  public static final class Builder {
    private final String subscriberId;
    private final String uniqueKeyId;
    private final Ed25519KeyPair key;
    private Clock clock = Clock.systemUTC();
    private Duration validity = DEFAULT_VALIDITY;

    private Builder(String subscriberId, String uniqueKeyId, Ed25519KeyPair key) {
      this.subscriberId = checkIdPart(subscriberId, "subscriberId");
      this.uniqueKeyId = checkIdPart(uniqueKeyId, "uniqueKeyId");
      this.key = Objects.requireNonNull(key, "key");
    }

    /** The clock that gives {@code created}; tests fix it. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** {@code expires - created}; whole seconds, at least one. */
    public Builder validity(Duration validity) {
      if (validity.toSeconds() < 1) {
        throw new IllegalArgumentException("validity must be at least one second");
      }
      this.validity = validity;
      return this;
    }

    public BecknSigner build() {
      return new BecknSigner(this);
    }

    private static String checkIdPart(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(name + " is empty");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '|' || c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
          throw new IllegalArgumentException(
              name + " '" + value + "' contains a character a keyId cannot carry");
        }
      }
      return value;
    }
  }
}
