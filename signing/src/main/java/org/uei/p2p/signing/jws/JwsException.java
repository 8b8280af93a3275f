package org.uei.p2p.signing.jws;

/** A compact JWS was refused; {@link #reason()} says why. */
public class JwsException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a JWS was refused. */
  public enum Reason {
    /** Not three base64url parts, or a header that is not JSON. */
    MALFORMED,
    /** The header names an algorithm other than EdDSA / Ed25519. */
    UNSUPPORTED_ALGORITHM,
    /** The header marks extensions as critical ({@code crit}) that we do not understand. */
    UNSUPPORTED_CRITICAL_HEADER,
    /** The signature does not verify with the key given. */
    BAD_SIGNATURE
  }

  private final Reason reason;

  public JwsException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public JwsException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
