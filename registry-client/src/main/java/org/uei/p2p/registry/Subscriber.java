package org.uei.p2p.registry;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One subscription as a registry publishes it: who the subscriber is, where it listens and which
 * keys it uses between {@code validFrom} and {@code validUntil}.
 *
 * <p>A subscriber that rotates keys has one record per key id; the old record stays resolvable
 * until its {@code validUntil} so that messages signed just before the rotation still verify.
 *
 * @param subscriberId the subscriber id, usually its FQDN
 * @param uniqueKeyId the key id the subscriber signs with
 * @param type BAP, BPP or BG; {@code null} when the registry did not say
 * @param url the subscriber's callback base URL
 * @param domain the network domain this subscription is for, or {@code null}
 * @param signingPublicKey base64 of the raw 32-byte Ed25519 public key
 * @param encrPublicKey base64 X25519 public key (raw 32 bytes or X.509 DER), or {@code null}
 * @param status the registry's status, e.g. {@value #SUBSCRIBED}
 * @param revoked whether the registry marks the record revoked (DeDi {@code is_revoked})
 * @param validFrom start of validity, or {@code null} for no lower bound
 * @param validUntil end of validity, or {@code null} for no upper bound
 * @param city city code, or {@code null}
 * @param country country code, or {@code null}
 * @param networkMemberships network ids the record belongs to (DeDi), possibly empty
 */
public record Subscriber(
    String subscriberId,
    String uniqueKeyId,
    SubscriberType type,
    String url,
    String domain,
    String signingPublicKey,
    String encrPublicKey,
    String status,
    boolean revoked,
    Instant validFrom,
    Instant validUntil,
    String city,
    String country,
    List<String> networkMemberships) {

  /** The only status under which a record's keys may be trusted. */
  public static final String SUBSCRIBED = "SUBSCRIBED";

  public Subscriber {
    Objects.requireNonNull(subscriberId, "subscriberId");
    Objects.requireNonNull(uniqueKeyId, "uniqueKeyId");
    networkMemberships = networkMemberships == null ? List.of() : List.copyOf(networkMemberships);
  }

  /** A builder with every field empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this record's fields, for deriving a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.subscriberId = subscriberId;
    b.uniqueKeyId = uniqueKeyId;
    b.type = type;
    b.url = url;
    b.domain = domain;
    b.signingPublicKey = signingPublicKey;
    b.encrPublicKey = encrPublicKey;
    b.status = status;
    b.revoked = revoked;
    b.validFrom = validFrom;
    b.validUntil = validUntil;
    b.city = city;
    b.country = country;
    b.networkMemberships = networkMemberships;
    return b;
  }

  /**
   * Why this record's keys must not be trusted at {@code now}, or empty when they may be.
   *
   * <p>The message names the subscriber and key so that it can be shown to an operator as is.
   */
  public Optional<String> unusableReason(Instant now) {
    String who = subscriberId + "|" + uniqueKeyId;
    if (revoked) {
      return Optional.of("key " + who + " is revoked");
    }
    if (!SUBSCRIBED.equalsIgnoreCase(status == null ? "" : status.trim())) {
      return Optional.of(
          "key "
              + who
              + " is not SUBSCRIBED (status "
              + (status == null ? "missing" : status)
              + ")");
    }
    if (validFrom != null && now.isBefore(validFrom)) {
      return Optional.of("key " + who + " is not valid before " + validFrom);
    }
    if (validUntil != null && !now.isBefore(validUntil)) {
      return Optional.of("key " + who + " expired at " + validUntil);
    }
    if (signingPublicKey == null || signingPublicKey.isBlank()) {
      return Optional.of("key " + who + " has no signing_public_key");
    }
    try {
      if (Base64.getDecoder().decode(signingPublicKey.trim()).length != 32) {
        return Optional.of("key " + who + " has a signing_public_key that is not 32 bytes");
      }
    } catch (IllegalArgumentException e) {
      return Optional.of("key " + who + " has a signing_public_key that is not base64");
    }
    return Optional.empty();
  }

  /** Mutable builder for {@link Subscriber}; ids are required, everything else optional. */
  public static final class Builder {
    private String subscriberId;
    private String uniqueKeyId;
    private SubscriberType type;
    private String url;
    private String domain;
    private String signingPublicKey;
    private String encrPublicKey;
    private String status;
    private boolean revoked;
    private Instant validFrom;
    private Instant validUntil;
    private String city;
    private String country;
    private List<String> networkMemberships = List.of();

    private Builder() {}

    public Builder subscriberId(String v) {
      subscriberId = v;
      return this;
    }

    public Builder uniqueKeyId(String v) {
      uniqueKeyId = v;
      return this;
    }

    public Builder type(SubscriberType v) {
      type = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public Builder domain(String v) {
      domain = v;
      return this;
    }

    public Builder signingPublicKey(String v) {
      signingPublicKey = v;
      return this;
    }

    public Builder encrPublicKey(String v) {
      encrPublicKey = v;
      return this;
    }

    public Builder status(String v) {
      status = v;
      return this;
    }

    public Builder revoked(boolean v) {
      revoked = v;
      return this;
    }

    public Builder validFrom(Instant v) {
      validFrom = v;
      return this;
    }

    public Builder validUntil(Instant v) {
      validUntil = v;
      return this;
    }

    public Builder city(String v) {
      city = v;
      return this;
    }

    public Builder country(String v) {
      country = v;
      return this;
    }

    public Builder networkMemberships(List<String> v) {
      networkMemberships = v;
      return this;
    }

    public Subscriber build() {
      return new Subscriber(
          subscriberId,
          uniqueKeyId,
          type,
          url,
          domain,
          signingPublicKey,
          encrPublicKey,
          status,
          revoked,
          validFrom,
          validUntil,
          city,
          country,
          networkMemberships);
    }
  }
}
