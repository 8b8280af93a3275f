package org.uei.p2p.signing;

/**
 * A public key could not be resolved; {@link #kind()} says whether to blame the key or the
 * registry.
 */
public class KeyResolutionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why no key was returned. */
  public enum Kind {
    /**
     * The registry answered, but has no usable key: unknown, revoked, not subscribed, expired or
     * not yet valid.
     */
    UNKNOWN_KEY,
    /**
     * The registry could not be asked or gave an unusable answer: down, timeout, 5xx, malformed
     * reply.
     */
    REGISTRY_UNAVAILABLE
  }

  private final Kind kind;

  public KeyResolutionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public KeyResolutionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
