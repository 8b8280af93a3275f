package org.uei.p2p.signing;

import java.util.Objects;

/**
 * The outcome of checking one signature header: valid, or the reason it is not, with a detail a
 * person can act on. A node logs {@link #detail()} and, unless {@link #valid()}, answers 401 with
 * {@link SignatureHeaders#wwwAuthenticate(String)}.
 *
 * @param status what was found
 * @param detail a one-line explanation
 * @param header the parsed header, or null when it could not be parsed
 * @param key the key the signature was checked against, or null when none was resolved
 */
public record VerificationResult(
    Status status, String detail, SignatureHeader header, ResolvedKey key) {

  /** Why a signature was accepted or refused. */
  public enum Status {
    /** The signature is valid for this body, signer and time. */
    VALID,
    /** No signature header was sent. */
    MISSING,
    /** The header could not be read, or names an algorithm or headers list we do not accept. */
    MALFORMED,
    /** {@code expires} has passed. */
    EXPIRED,
    /** {@code created} is in the future beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** The sender's {@code Digest} header does not match the body received. */
    DIGEST_MISMATCH,
    /** The signature does not verify over this body with the signer's registered key. */
    BAD_SIGNATURE,
    /** The registry has no usable key for the keyId (unknown, revoked, expired). */
    UNKNOWN_KEY,
    /** The keyId's subscriber is not the sender named in the message. */
    SIGNER_MISMATCH,
    /** The registry could not be asked; the sender is not to blame. */
    REGISTRY_UNAVAILABLE
  }

  public VerificationResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  static VerificationResult failure(
      Status status, String detail, SignatureHeader header, ResolvedKey key) {
    return new VerificationResult(status, detail, header, key);
  }

  /** True when the signature was accepted. */
  public boolean valid() {
    return status == Status.VALID;
  }

  /** The signer's subscriber id from the header, or null when the header could not be parsed. */
  public String signerId() {
    return header == null ? null : header.subscriberId();
  }

  /** {@code STATUS: detail}, the line a node logs or {@code uei verify} prints. */
  @Override
  public String toString() {
    return status + ": " + detail;
  }
}
