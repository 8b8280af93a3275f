package org.uei.p2p.credentials.model;

/** The input is not a credential that can be parsed or issued; the message says where and why. */
public class CredentialFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With the reason. */
  public CredentialFormatException(String message) {
    super(message);
  }

  /** With the reason and its cause. */
  public CredentialFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
