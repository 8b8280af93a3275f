package org.uei.p2p.signing.keys;

/**
 * A key could not be read: wrong length, not base64, not a point on the curve, halves that
 * disagree.
 */
public class KeyFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public KeyFormatException(String message) {
    super(message);
  }

  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
