package org.uei.p2p.credentials.did;

/** A verification method could not be turned into a usable key; {@link #kind()} says why. */
public class DidResolutionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why resolution failed. */
  public enum Kind {
    /** The identifier is not a DID or DID URL of a supported form, or its encoding is broken. */
    MALFORMED,
    /** The DID method is not one this resolver handles. */
    UNSUPPORTED_METHOD,
    /** The DID document or registry record does not exist or has no such key. */
    NOT_FOUND,
    /** The key exists but is not an Ed25519 key. */
    UNSUPPORTED_KEY,
    /** The DID document host or the registry could not be reached. */
    UNAVAILABLE
  }

  private final Kind kind;

  /** A failure of {@code kind} described by {@code message}. */
  public DidResolutionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** A failure of {@code kind} caused by {@code cause}. */
  public DidResolutionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** Why resolution failed. */
  public Kind kind() {
    return kind;
  }
}
